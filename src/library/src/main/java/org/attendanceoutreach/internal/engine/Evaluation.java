package org.attendanceoutreach.internal.engine;

import org.attendanceoutreach.facts.Proposal;
import org.attendanceoutreach.facts.StudentFacts;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the rules proposed during one run of a rule session, by student: {@code recommend(…)}
 * records here, never in the facts, so a rule cannot read or change another rule's proposals.
 * One per run, on the thread that fires the rules (consequences run on that thread).
 */
public final class Evaluation {
    private static final ThreadLocal<Evaluation> CURRENT = new ThreadLocal<>();

    private final Map<StudentFacts, List<Proposal>> proposals = new IdentityHashMap<>();

    Evaluation() {
    }

    /** Called by {@code Advice.recommend}: a new proposal for this student, from this rule. */
    public static Proposal propose(StudentFacts student, String intervention, String rule) {
        Evaluation e = CURRENT.get();
        if (e == null) {
            throw new IllegalStateException("recommend(…) runs only inside an evaluation of the outreach engine");
        }
        Proposal p = new Proposal(intervention, rule);
        e.proposals.computeIfAbsent(student, k -> new ArrayList<>()).add(p);
        return p;
    }

    List<Proposal> proposalsFor(StudentFacts student) {
        return proposals.getOrDefault(student, List.of());
    }

    void begin() {
        CURRENT.set(this);
    }

    static void end() {
        CURRENT.remove();
    }
}
