package org.attendanceoutreach.rules;

import org.attendanceoutreach.facts.Proposal;
import org.attendanceoutreach.facts.StudentFacts;
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
 * rule made it.
 */
public final class Advice {
    private Advice() {
    }

    /** Proposes the catalog practice {@code intervention} for the student this rule matched. */
    public static Proposal recommend(RuleContext kcontext, String intervention) {
        StudentFacts student = null;
        for (Object o : kcontext.getMatch().getObjects()) {
            if (o instanceof StudentFacts f) {
                student = f;
                break;
            }
        }
        if (student == null) {
            throw new IllegalStateException("rule '" + kcontext.getRule().getName()
                    + "' recommends without matching a StudentFacts; add $student : StudentFacts(...) to its when part");
        }
        Proposal p = new Proposal(intervention, kcontext.getRule().getName());
        student.proposals().add(p);
        return p;
    }
}
