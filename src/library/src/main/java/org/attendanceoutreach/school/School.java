package org.attendanceoutreach.school;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A school on the day of an evaluation: its calendar, the language its staff call in, and the
 * practices it uses today (for the practice audit).
 *
 * @param schoolId       the school's id, as the SIS knows it
 * @param asOf           "today": only days up to and including it count
 * @param calendar       the school year
 * @param schoolLanguage the language staff call in (BCP 47, default {@code en})
 * @param practices      catalog ids of the practices the school uses today (may be empty)
 */
public record School(String schoolId, LocalDate asOf, SchoolCalendar calendar, String schoolLanguage,
                     List<String> practices) {
    public School {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(calendar, "calendar");
        schoolId = schoolId == null ? "" : schoolId;
        schoolLanguage = schoolLanguage == null || schoolLanguage.isBlank() ? "en" : schoolLanguage;
        practices = practices == null ? List.of() : List.copyOf(practices);
    }

    /** The same school evaluated on another day. */
    public School withAsOf(LocalDate day) {
        return new School(schoolId, day, calendar, schoolLanguage, practices);
    }
}
