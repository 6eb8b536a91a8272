package org.attendanceoutreach.csv;

import org.attendanceoutreach.internal.Languages;
import org.attendanceoutreach.read.InputCheck;
import org.attendanceoutreach.read.Shown;
import org.attendanceoutreach.school.AbsenceReason;
import org.attendanceoutreach.school.Student;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the values of CSV cells. Each parser takes the trimmed cell (null when blank) and throws
 * {@link IllegalArgumentException} with a message that shows the value only as {@link Shown}
 * allows (a near miss of a code, a date-shaped value, a short number); never use one on a name or
 * phone column.
 */
final class CsvValues {
    private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    private CsvValues() {
    }

    /** {@code 2026-11-20}, or as US spreadsheets write it, {@code 11/20/2026}. */
    static LocalDate date(String v) {
        if (v == null) {
            return null;
        }
        try {
            Matcher m = US_DATE.matcher(v);
            LocalDate d;
            if (m.matches()) {
                d = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            } else {
                d = LocalDate.parse(v.length() > 10 && v.charAt(10) == 'T' ? v.substring(0, 10) : v);
            }
            if (d.getYear() < InputCheck.FIRST_YEAR || d.getYear() > InputCheck.LAST_YEAR) {
                throw new IllegalArgumentException(d + " is not in the years " + InputCheck.FIRST_YEAR + " … " + InputCheck.LAST_YEAR);
            }
            return d;
        } catch (DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException(Shown.date(v) + " is not a date (YYYY-MM-DD, or MM/DD/YYYY)");
        }
    }

    /** PK, K, 1 … 12 (also {@code kg}, {@code 05}). */
    static String grade(String v) {
        if (v == null) {
            return null;
        }
        String g = v.toUpperCase(Locale.ROOT);
        if (g.equals("KG") || g.equals("0K") || g.equals("0")) {
            g = "K";
        } else if (g.equals("PREK") || g.equals("PRE-K")) {
            g = "PK";
        } else if (g.matches("0\\d")) {
            g = g.substring(1);
        }
        if (!Student.isGrade(g)) {
            throw new IllegalArgumentException(Shown.code(v, Student.GRADES) + " is not a grade (PK, K, 1 … 12)");
        }
        return g;
    }

    /** yes/no, true/false, y/n, 1/0, x; blank is no. */
    static boolean flag(String v) {
        if (v == null) {
            return false;
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "x" -> {
                return true;
            }
            case "false", "no", "n", "0" -> {
                return false;
            }
            default -> throw new IllegalArgumentException(Shown.code(v, List.of("true", "false", "yes", "no", "y", "n", "1", "0", "x"))
                    + " is not yes or no (true/false, y/n, 1/0)");
        }
    }

    /** {@code 0.14} or {@code 14%} as 0.14, whatever its range. */
    private static double fraction(String v) {
        return v.endsWith("%") ? Double.parseDouble(v.substring(0, v.length() - 1).strip()) / 100 : Double.parseDouble(v);
    }

    /** A share: {@code 0.14} or {@code 14%}; must lie in 0 … 1. */
    static Double share(String v) {
        if (v == null) {
            return null;
        }
        double d;
        try {
            d = fraction(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Shown.number(v) + " is not a share such as 0.14 or 14%");
        }
        if (!(d >= 0 && d <= 1)) {
            throw new IllegalArgumentException(Shown.number(v) + " is outside 0 … 1 (a share: 0.14 means 14%)");
        }
        return d;
    }

    /** A portion of a day: more than 0 and at most 1 ({@code 0.5} or {@code 50%}). */
    static Double portion(String v) {
        if (v == null) {
            return null;
        }
        double d;
        try {
            d = fraction(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("portion: " + Shown.number(v) + " is not a number such as 0.5");
        }
        if (!(d > 0 && d <= 1)) {
            throw new IllegalArgumentException("portion: " + Shown.number(v) + " is outside the range: more than 0 and at most 1");
        }
        return d;
    }

    static AbsenceReason reason(String v) {
        if (v == null) {
            return null;
        }
        try {
            return AbsenceReason.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("reason: " + Shown.code(v, AbsenceReason.class)
                    + " is not ILLNESS, MEDICAL, TRANSPORTATION, FAMILY, HOUSING, DISCIPLINE, OTHER or UNKNOWN");
        }
    }

    /**
     * A language as given: a BCP 47 tag, an ISO 639 code or an English name ({@code Spanish},
     * {@code Navajo; Navaho}) becomes its tag; anything else is kept as given (the reader warns, and an
     * interpreter is flagged). Null when blank.
     */
    static String language(String v) {
        return v == null || v.isBlank() ? null : Languages.tagFor(v).orElse(v.strip());
    }

    /** Whether a language value names no ISO 639 language (blank is not unknown: it means the default). */
    static boolean unknownLanguage(String v) {
        return v != null && !v.isBlank() && Languages.tagFor(v).isEmpty();
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String v) {
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            StringBuilder all = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                all.append(all.length() == 0 ? "" : ", ").append(c.name());
            }
            throw new IllegalArgumentException(Shown.code(v, type) + " is not one of " + all);
        }
    }
}
