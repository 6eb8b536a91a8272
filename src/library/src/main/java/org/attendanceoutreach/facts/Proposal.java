package org.attendanceoutreach.facts;

import org.attendanceoutreach.catalog.Owner;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What one rule proposes for one student: an intervention, and optionally who, since when it is
 * needed (or a fixed deadline), why and with which caution. Made by {@code recommend(kcontext, "id")} in a rule's consequence; the engine
 * fills in the rest from the catalog and the facts, merges proposals of the same intervention and
 * turns them into recommendations. Lives only during one evaluation.
 */
public final class Proposal {
    private final String intervention;
    private final String rule;
    private final List<String> because = new ArrayList<>();
    private final List<String> cautions = new ArrayList<>();
    private Owner owner;
    private LocalDate since;
    private LocalDate due;

    public Proposal(String intervention, String rule) {
        this.intervention = intervention;
        this.rule = rule;
    }

    /** Who does it (instead of the catalog's default owner). */
    public Proposal by(Owner who) {
        this.owner = who;
        return this;
    }

    /**
     * The school day the need arose ({@code $student.getChronicSince()}, say). The engine counts the
     * practice's {@code dueWithinSchoolDays} (catalog) from it, so the deadline stays put when the
     * rules run again the next day. Without it, the need is taken to arise today.
     */
    public Proposal since(LocalDate day) {
        this.since = day;
        return this;
    }

    /**
     * A fixed deadline (the day of a meeting, say), instead of {@code since} plus the practice's
     * window. A day that is not a school day moves to the next school day.
     */
    public Proposal due(LocalDate day) {
        this.due = day;
        return this;
    }

    /** The facts that made the rule fire, in plain words. */
    public Proposal because(String... facts) {
        for (String f : facts) {
            if (f != null && !f.isBlank()) {
                because.add(f);
            }
        }
        return this;
    }

    /** A warning for whoever carries it out; it goes into the student's cautions. */
    public Proposal caution(String text) {
        if (text != null && !text.isBlank()) {
            cautions.add(text);
        }
        return this;
    }

    public String intervention() { return intervention; }

    public String rule() { return rule; }

    public Owner owner() { return owner; }

    public LocalDate since() { return since; }

    public LocalDate due() { return due; }

    public List<String> reasons() { return because; }

    public List<String> cautions() { return cautions; }
}
