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
 * @param name           the school's name as families know it, for letters (null when not given)
 * @param phone          the number families call, for letters (null when not given)
 * @param contactPerson  the staff member families can ask for, for letters ("Ms. Rivera, attendance
 *                       clerk"; null when not given). Personal data: never logged.
 */
public record School(String schoolId, LocalDate asOf, SchoolCalendar calendar, String schoolLanguage,
                     List<String> practices, String name, String phone, String contactPerson) {
    public School {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(calendar, "calendar");
        schoolId = schoolId == null ? "" : schoolId;
        schoolLanguage = schoolLanguage == null || schoolLanguage.isBlank() ? "en" : schoolLanguage;
        practices = practices == null ? List.of() : List.copyOf(practices);
        name = blankToNull(name);
        phone = blankToNull(phone);
        contactPerson = blankToNull(contactPerson);
    }

    /** A school without the letters' details (name, phone, contact person). */
    public School(String schoolId, LocalDate asOf, SchoolCalendar calendar, String schoolLanguage, List<String> practices) {
        this(schoolId, asOf, calendar, schoolLanguage, practices, null, null, null);
    }

    /** The same school with the details its letters give: its name, its phone number, the person to ask for (each may be null). */
    public School withContactDetails(String schoolName, String schoolPhone, String person) {
        return new School(schoolId, asOf, calendar, schoolLanguage, practices, schoolName, schoolPhone, person);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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
        return new School(schoolId, day, calendar, schoolLanguage, practices, name, phone, contactPerson);
    }

    /** Without the contact person's name, which is personal data. */
    @Override
    public String toString() {
        return "School[schoolId=" + schoolId + ", asOf=" + asOf + ", schoolLanguage=" + schoolLanguage + "]";
    }
}
