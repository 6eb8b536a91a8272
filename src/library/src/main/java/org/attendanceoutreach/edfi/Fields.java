package org.attendanceoutreach.edfi;

import com.fasterxml.jackson.databind.JsonNode;
import org.attendanceoutreach.read.Shown;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reading values out of an Ed-Fi resource record: nested fields, ids, numbers and dates. */
final class Fields {
    private Fields() {
    }

    /** The text at a path of nested fields, or null when any step is missing or the value is not a scalar. */
    static String text(JsonNode n, String... path) {
        JsonNode v = n;
        for (String p : path) {
            if (v == null || !v.isObject()) {
                return null;
            }
            v = v.get(p);
        }
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    /** An identifier: the text, stripped, or null when blank. */
    static String id(JsonNode n, String... path) {
        String v = text(n, path);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** A whole number, or null when missing or not a number. */
    static Integer number(JsonNode n, String... path) {
        String v = text(n, path);
        try {
            return v == null ? null : (int) Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A date as the API gives it ({@code 2021-08-23}, or with a time part {@code 2021-08-23T00:00:00}); null when blank. */
    static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String v = s.strip();
        if (v.length() > 10 && v.charAt(10) == 'T') {
            v = v.substring(0, 10);
        }
        return LocalDate.parse(v);
    }

    static LocalDate requiredDate(String resource, int index, String field, String value) {
        return requiredDate(resource, "[" + index + "]", field, value);
    }

    static LocalDate requiredDate(String resource, String at, String field, String value) {
        if (value == null) {
            throw new Problem(resource, at + "." + field, "is required (YYYY-MM-DD)");
        }
        return optionalDate(resource, at, field, value);
    }

    static LocalDate optionalDate(String resource, int index, String field, String value) {
        return optionalDate(resource, "[" + index + "]", field, value);
    }

    static LocalDate optionalDate(String resource, String at, String field, String value) {
        try {
            return date(value);
        } catch (DateTimeParseException e) {
            throw new Problem(resource, at + "." + field, Shown.date(value) + " is not a date (YYYY-MM-DD)");
        }
    }

    /** Whether a date range ({@code end} null: open) includes the day. */
    static boolean includes(LocalDate begin, LocalDate end, LocalDate day) {
        return !begin.isAfter(day) && (end == null || !end.isBefore(day));
    }
}
