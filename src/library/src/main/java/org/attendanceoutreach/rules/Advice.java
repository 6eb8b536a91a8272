package org.attendanceoutreach.rules;

import org.attendanceoutreach.facts.Proposal;
import org.attendanceoutreach.facts.StudentFacts;
import org.attendanceoutreach.internal.engine.Evaluation;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What a rule's consequence calls to recommend a practice:
 * <pre>
 * import function org.attendanceoutreach.rules.Advice.recommend;
 * ...
 * then
 *     recommend(kcontext, "personal-call-home")
 *         .because($student.absentTodayInWords());
 * </pre>
 * The rule's name and the student come from the match, so the recommendation always says which
 * rule made it. The proposal is recorded for this evaluation only (never in the facts, where other
 * rules could reach it).
 */
public final class Advice {
    private Advice() {
    }

    /** Proposes the catalog practice {@code intervention} for the student this rule matched. */
    public static Proposal recommend(RuleContext kcontext, String intervention) {
        return Evaluation.propose(student(kcontext, "recommends"), intervention, kcontext.getRule().getName());
    }

    /**
     * Holds back the intensive practices of the catalog ({@code "intensive": true}) for the student
     * this rule matched: they go to the student's {@code next}, with {@code until} as the condition
     * in plain words, instead of into the recommendations.
     * <pre>
     * then
     *     holdIntensive( kcontext, "a positive contact with the family" );
     * </pre>
     */
    public static void holdIntensive(RuleContext kcontext, String until) {
        if (until == null || until.isBlank()) {
            throw new IllegalArgumentException("rule '" + kcontext.getRule().getName()
                    + "' holds intensive practices without saying until when; give the condition in plain words");
        }
        student(kcontext, "holds back intensive practices").holdIntensive(kcontext.getRule().getName(), until);
    }

    private static StudentFacts student(RuleContext kcontext, String what) {
        for (Object o : kcontext.getMatch().getObjects()) {
            if (o instanceof StudentFacts f) {
                return f;
            }
        }
        throw new IllegalStateException("rule '" + kcontext.getRule().getName()
                + "' " + what + " without matching a StudentFacts; add $student : StudentFacts(...) to its when part");
    }
}
