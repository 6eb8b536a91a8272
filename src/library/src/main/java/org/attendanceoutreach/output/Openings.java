package org.attendanceoutreach.output;

import org.attendanceoutreach.school.AbsenceType;
import org.attendanceoutreach.school.ContactRole;

/**
 * The first line of a call: something positive, that the school misses the child, and "is everything
 * OK?" (the guides' opening for a same-day call), or what fits the call's main purpose, written from the
 * plan. The call list uses the call scripts' opening ({@code Letters.openingLine}) when it is given the
 * letters; this line stands in without them (the Java API's {@code CallList.of} without letters) and for a
 * student who could not be evaluated (the letters write nothing for one).
 */
final class Openings {
    private Openings() {
    }

    /** The same-day calls: when the student is absent today, the call opens with today, whatever else it carries. */
    private static final java.util.List<String> SAME_DAY = java.util.List.of("personal-call-home", "call-after-three-consecutive-absences",
            "contact-education-decision-maker");

    /**
     * The first line of a call that carries out {@code purposes} (catalog ids, the most pressing first):
     * today's absence first when the call is the same-day call; otherwise the first purpose's line.
     * Empty when the only purpose is finding a number (there is no one to talk to yet).
     */
    static String firstLine(java.util.List<String> purposes, AbsenceType absentToday, ContactRole role) {
        if (absentToday != null) {
            for (String id : purposes) {
                if (SAME_DAY.contains(id)) {
                    return firstLine(id, absentToday, role);
                }
            }
        }
        for (String id : purposes) {
            if (!id.equals("find-working-phone-number") && !id.equals("arrange-adult-interpreter")) {
                return firstLine(id, absentToday, role);
            }
        }
        return "";
    }

    /**
     * @param purpose       the catalog id of the call's main purpose (its most pressing practice)
     * @param absentToday   today's absence type, or null when the student is not absent today
     * @param role          whom the call reaches (null: not known)
     */
    static String firstLine(String purpose, AbsenceType absentToday, ContactRole role) {
        String child = role == ContactRole.PARENT || role == ContactRole.GUARDIAN || role == null ? "your child" : "the student";
        if (purpose == null) {
            return "Hello, I'm calling from school about " + child + ": we are here to help.";
        }
        return switch (purpose) {
            case "personal-call-home", "call-after-three-consecutive-absences", "contact-education-decision-maker" ->
                    absentToday == AbsenceType.SUSPENSION
                            ? "Hello, I'm calling from school to check in, and to plan a good return for " + child + " together."
                            : absentToday != null
                            ? "Hello, we missed " + child + " at school today, and wanted to check: is everything OK?"
                            : "Hello, I'm calling from school to check in: how is " + child + " doing?";
            case "monthly-letter-and-follow-up-call" ->
                    "Hello, I'm following up on our letter: every day counts, and we want to help. How are things going?";
            case "introduce-mentor-to-family" ->
                    "Hello, I'm " + child + "'s new mentor at school, and I wanted to say hello and share something good.";
            case "second-positive-contact", "morning-greeter-good-news-calls" ->
                    "Hello, I'm calling with some good news about " + child + ".";
            case "same-day-return-problem-solving" ->
                    "Hello, we missed " + child + " at school today: can we help get them here?";
            default -> "Hello, I'm calling from school about " + child + ": we are here to help.";
        };
    }
}
