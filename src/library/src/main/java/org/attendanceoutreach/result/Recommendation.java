package org.attendanceoutreach.result;

import org.attendanceoutreach.catalog.Impact;
import org.attendanceoutreach.catalog.Owner;
import org.attendanceoutreach.catalog.Strategy;
import org.attendanceoutreach.school.ContactRole;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * One thing to do for one student (contract sections 3 and 8): which practice, who does it, whom to
 * reach and in which language, by when, the facts behind it, and where it stands in the plan.
 * {@code contactRole}, {@code language} and {@code interpreterNeeded} are null for practices that do
 * not reach the family (assigning a mentor, say).
 *
 * @param step   the order to act in: 1 is what to do first (today's calls, anything due or overdue),
 *               then the catalog's stages in order; recommendations of one step may be done together
 * @param status OVERDUE, DUE (today) or UPCOMING
 * @param since  the school day the need arose; {@code due} is counted from it
 * @param covers other catalog ids this one action also carries out (they are not listed on their own)
 */
public record Recommendation(String intervention, Strategy strategy, Impact impact, Owner owner,
                             ContactRole contactRole, String language, Boolean interpreterNeeded,
                             LocalDate due, List<String> because, String rule,
                             int step, DueStatus status, LocalDate since, List<String> covers) {

    /** The contract's order: due date, then impact (HIGH first), then intervention id. */
    public static final Comparator<Recommendation> ORDER = (a, b) -> { // the same as a chain of comparing(…), without its calls
        int c = a.due.compareTo(b.due);
        if (c == 0) {
            c = a.impact.compareTo(b.impact);
        }
        return c != 0 ? c : a.intervention.compareTo(b.intervention);
    };

    public Recommendation {
        because = List.copyOf(because);
        covers = covers == null ? List.of() : List.copyOf(covers);
    }

    /** A recommendation outside a plan (step 1, due today, needed since its due day, covering nothing). */
    public Recommendation(String intervention, Strategy strategy, Impact impact, Owner owner,
                          ContactRole contactRole, String language, Boolean interpreterNeeded,
                          LocalDate due, List<String> because, String rule) {
        this(intervention, strategy, impact, owner, contactRole, language, interpreterNeeded, due, because, rule,
                1, DueStatus.DUE, due, List.of());
    }

    /** Whether this recommendation is, or covers, the practice {@code id}. */
    public boolean carriesOut(String id) {
        return intervention.equals(id) || covers.contains(id);
    }
}
