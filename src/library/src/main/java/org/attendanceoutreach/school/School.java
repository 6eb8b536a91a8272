package org.attendanceoutreach.school;

import java.time.LocalDate;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
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

    /**
     * Whether {@code tag} is a language tag as the contract uses them (the school's language, a
     * family's home language, a contact's): a well-formed BCP 47 tag, as the JDK parses it, whose
     * language is an ISO 639 code of two or three letters ({@code en}, {@code es-MX},
     * {@code zh-Hant}, {@code haw}). {@code es_MX}, {@code Spanish} and {@code x-klingon} are not.
     * Every reader and the Java API's checks use this one test.
     */
    public static boolean isLanguageTag(String tag) {
        if (tag == null || tag.isEmpty() || tag.length() > 64) {
            return false;
        }
        try {
            String language = new Locale.Builder().setLanguageTag(tag).build().getLanguage();
            return language.length() == 2 || language.length() == 3;
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    /** The same school evaluated on another day. */
    public School withAsOf(LocalDate day) {
        return new School(schoolId, day, calendar, schoolLanguage, practices);
    }
}
