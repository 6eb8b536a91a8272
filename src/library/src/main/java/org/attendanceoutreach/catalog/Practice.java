package org.attendanceoutreach.catalog;

import org.attendanceoutreach.school.OutreachKind;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One practice of the catalog, as policy staff describe it in {@code rules/catalog.json}.
 *
 * @param id                    stable kebab-case id (never reused)
 * @param strategy              which of the nine strategies it belongs to
 * @param impact                HIGH, MODERATE or LOW
 * @param owner                 who does it unless a rule says otherwise
 * @param reachesFamily         whether doing it means contacting the family (then a recommendation says whom,
 *                              in which language, and whether an interpreter is needed)
 * @param description           what staff do, in plain words
 * @param source                where the evidence for it comes from
 * @param stage                 the stage of the plan it belongs to (one of the catalog's {@link Stage}s)
 * @param dueWithinSchoolDays   how many school days after the need arose ({@code since}) it is due
 * @param call                  doing it is a phone call to the family (it goes on the call list)
 * @param minutes               the staff time it takes, estimated, for the load of each staff member
 * @param covers                other practices that doing this one also carries out: they are never listed
 *                              beside it, their reasons join it
 * @param replaces              lower-impact practices it makes unnecessary: they are dropped where it is
 *                              recommended (or waiting in {@code next})
 * @param intensive             intensive intervention: held back while a rule says it must wait (for a
 *                              positive contact with the family, in the shipped rules)
 * @param joinsFirstContact     never a task of its own: it is part of the first contact with the family
 *                              in the plan (the interpreter, the Education Decision Maker)
 * @param onlyWithFamilyContact recommended only when the plan has something to reach the family about (a
 *                              practice that reaches them, or one of the first stage); otherwise it waits
 *                              in {@code next}
 * @param inYear                done while school is in session: due on a school day no later than the last
 *                              day, and not recommended after it (false: the summer-transition meeting)
 * @param doneBy                kinds of outreach that, logged on or after the day the need arose, show it
 *                              was done: it is then not recommended again
 * @param name                  a short name in words for staff ("Personal call home"); the id in words when
 *                              the catalog gives none
 * @param supportTier           0 when it is not a support put in place for a student over time; 2 for an
 *                              early-intervention support (Attendance Works' tier 2: a success mentor, a
 *                              success plan, a nurse's plan), 3 for an intensive one. A tier-2 support in
 *                              place long enough without improvement calls for tier 3
 *                              ({@code support-tier.drl}); {@code recommend --write-back-edfi} writes the
 *                              recommended supports (tier 2 or 3) as Ed-Fi interventions
 */
public record Practice(String id, Strategy strategy, Impact impact, Owner owner, boolean reachesFamily,
                       String description, String source, String stage, int dueWithinSchoolDays, boolean call,
                       int minutes, List<String> covers, List<String> replaces, boolean intensive,
                       boolean joinsFirstContact, boolean onlyWithFamilyContact, boolean inYear,
                       Set<OutreachKind> doneBy, String name, int supportTier) {
    public Practice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(stage, "stage");
        covers = covers == null ? List.of() : List.copyOf(covers);
        replaces = replaces == null ? List.of() : List.copyOf(replaces);
        doneBy = doneBy == null ? Set.of() : Set.copyOf(doneBy);
        name = name == null || name.isBlank() ? inWords(id) : name.strip();
        if (dueWithinSchoolDays < 0 || minutes < 0) {
            throw new IllegalArgumentException("practice " + id + ": days and minutes cannot be negative");
        }
        if (supportTier != 0 && supportTier != 2 && supportTier != 3) {
            throw new IllegalArgumentException("practice " + id + ": \"supportTier\" must be 2 or 3 (or left out: not a support)");
        }
    }

    /** A practice that is not a support of a tier (the record's shape before {@code supportTier}). */
    public Practice(String id, Strategy strategy, Impact impact, Owner owner, boolean reachesFamily,
                    String description, String source, String stage, int dueWithinSchoolDays, boolean call,
                    int minutes, List<String> covers, List<String> replaces, boolean intensive,
                    boolean joinsFirstContact, boolean onlyWithFamilyContact, boolean inYear,
                    Set<OutreachKind> doneBy, String name) {
        this(id, strategy, impact, owner, reachesFamily, description, source, stage, dueWithinSchoolDays, call, minutes,
                covers, replaces, intensive, joinsFirstContact, onlyWithFamilyContact, inYear, doneBy, name, 0);
    }

    /** Whether this is a support put in place for a student over time (tier 2 or 3). */
    public boolean isSupport() {
        return supportTier != 0;
    }

    /**
     * A practice with the plan fields at their plain defaults (stage {@code CONTACT}, due the day the
     * need arose, not a call, no minutes, covers nothing, in-year): for code that builds a catalog
     * without a plan.
     */
    public Practice(String id, Strategy strategy, Impact impact, Owner owner, boolean reachesFamily,
                    String description, String source) {
        this(id, strategy, impact, owner, reachesFamily, description, source, "CONTACT", 0, false, 0,
                List.of(), List.of(), false, false, false, true, Set.of(), null, 0);
    }

    /** An id in words, for a practice the catalog gives no name: {@code personal-call-home} is "Personal call home". */
    static String inWords(String id) {
        String w = id.replace('-', ' ');
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
