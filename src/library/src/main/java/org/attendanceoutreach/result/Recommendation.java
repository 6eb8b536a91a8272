package org.attendanceoutreach.result;

import org.attendanceoutreach.catalog.Impact;
import org.attendanceoutreach.catalog.Owner;
import org.attendanceoutreach.catalog.Strategy;
import org.attendanceoutreach.school.ContactRole;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * One thing to do for one student (contract section 3): which practice, who does it, whom to
 * reach and in which language, by when, and the facts behind it. {@code contactRole},
 * {@code language} and {@code interpreterNeeded} are null for practices that do not reach the
 * family (assigning a mentor, say).
 */
public record Recommendation(String intervention, Strategy strategy, Impact impact, Owner owner,
                             ContactRole contactRole, String language, Boolean interpreterNeeded,
                             LocalDate due, List<String> because, String rule) {

    /** The contract's order: due date, then impact (HIGH first), then intervention id. */
    public static final Comparator<Recommendation> ORDER = Comparator.comparing(Recommendation::due)
            .thenComparing(Recommendation::impact)
            .thenComparing(Recommendation::intervention);

    public Recommendation {
        because = List.copyOf(because);
    }
}
