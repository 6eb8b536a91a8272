package org.attendanceoutreach.result;

/**
 * The rules, not the student's data, kept a student from being evaluated: a rule failed, or the
 * rules went over their budget (too many firings, too long, too much memory) for this student.
 * The student's data may be fine; fix the rule named here.
 *
 * @param rule    the rule's name, or null when no one rule is to blame
 * @param message what went wrong and what to do
 */
public record RuleFailure(String rule, String message) {
    @Override
    public String toString() {
        return rule == null ? message : "rule \"" + rule + "\": " + message;
    }
}
