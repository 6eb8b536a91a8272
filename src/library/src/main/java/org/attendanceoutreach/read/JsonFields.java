package org.attendanceoutreach.read;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Typed, strict access to one JSON object, with the path of every field for error messages.
 * Values of free-text fields are never put into a message.
 */
final class JsonFields {
    private final JsonNode node;
    private final String path;

    JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static JsonFields object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(path, "expected an object, found " + kind(node));
        }
        return new JsonFields(node, path);
    }

    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private JsonNode present(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    /** Warns (through {@code warn}) about each field not in {@code known}, by name only (cut short and escaped: {@link Shown#key}). */
    void unknownFields(Set<String> known, Consumer<String> warn) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!known.contains(n)) {
                warn.accept(path(Shown.key(n)));
            }
        }
    }

    boolean has(String name) {
        return present(name) != null;
    }

    /** Calls {@code action} with each field name of this object, in order. */
    void forEach(java.util.function.BiConsumer<String, JsonNode> action) {
        node.fields().forEachRemaining(e -> action.accept(e.getKey(), e.getValue()));
    }

    String text(String name) {
        JsonNode v = present(name);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidInputException(path(name), "expected a string, found " + kind(v));
        }
        return unicode(v.textValue(), path(name));
    }

    /**
     * A JSON string may spell half of a surrogate pair as an escape (backslash, {@code ud800}); that is not
     * Unicode text (no UTF can carry it, and two such ids would print alike), so it is the
     * "not UTF-8" error of its field.
     */
    static String unicode(String text, String path) {
        if (org.attendanceoutreach.internal.PlainText.hasUnpairedSurrogate(text)) {
            throw new InvalidInputException(path, "is not UTF-8 text: it holds half of a surrogate pair"
                    + " (a \\uD800 … \\uDFFF escape without its other half); write the character itself");
        }
        return text;
    }

    String requiredText(String name) {
        String v = text(name);
        if (v == null || v.isBlank()) {
            throw new InvalidInputException(path(name), "is required and must be a non-empty string");
        }
        return v;
    }

    boolean flag(String name) {
        JsonNode v = present(name);
        if (v == null) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new InvalidInputException(path(name), "expected true or false, found " + kind(v));
        }
        return v.booleanValue();
    }

    LocalDate date(String name) {
        JsonNode v = present(name);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidInputException(path(name), "expected a date (YYYY-MM-DD), found " + kind(v));
        }
        try {
            return InputCheck.date(path(name), parseDate(v.textValue()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(path(name), Shown.date(v.textValue()) + " is not a date (YYYY-MM-DD)");
        }
    }

    /**
     * {@link LocalDate#parse} with a fast path for the usual {@code YYYY-MM-DD} (a third of the time
     * spent reading a district went into the general parser). Anything else, or an impossible date,
     * goes to {@code LocalDate.parse}, so what is accepted and what is rejected stay the same.
     */
    static LocalDate parseDate(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int y = digits(s, 0, 4);
            int m = digits(s, 5, 7);
            int d = digits(s, 8, 10);
            if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
                try {
                    return LocalDate.of(y, m, d);
                } catch (java.time.DateTimeException e) {
                    // 31 April and the like: LocalDate.parse below says so
                }
            }
        }
        return LocalDate.parse(s);
    }

    /** The decimal value of {@code s[from, to)}, or -1 when it is not all ASCII digits. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    LocalDate requiredDate(String name) {
        LocalDate d = date(name);
        if (d == null) {
            throw new InvalidInputException(path(name), "is required (a date, YYYY-MM-DD)");
        }
        return d;
    }

    Double number(String name) {
        JsonNode v = present(name);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            throw new InvalidInputException(path(name), "expected a number, found " + kind(v));
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw new InvalidInputException(path(name), "is not a finite number");
        }
        return d;
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(c.name());
            }
            throw new InvalidInputException(path(name), Shown.code(v, type) + " is not one of " + allowed);
        }
    }

    JsonFields child(String name) {
        JsonNode v = present(name);
        return v == null ? null : object(v, path(name));
    }

    /** The elements of an array field (empty when absent), each with its path. */
    List<Element> array(String name) {
        JsonNode v = present(name);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new InvalidInputException(path(name), "expected an array, found " + kind(v));
        }
        List<Element> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            out.add(new Element(v.get(i), path(name) + "[" + i + "]"));
        }
        return out;
    }

    record Element(JsonNode node, String path) {
        JsonFields asObject() {
            return object(node, path);
        }

        String asText() {
            if (!node.isTextual()) {
                throw new InvalidInputException(path, "expected a string, found " + kind(node));
            }
            return unicode(node.textValue(), path);
        }

        java.time.LocalDate asDate() {
            String s = asText();
            try {
                return InputCheck.date(path, parseDate(s));
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(path, Shown.date(s) + " is not a date (YYYY-MM-DD)");
            }
        }
    }

    static String kind(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        return v.isNumber() ? "a number" : v.getNodeType().toString().toLowerCase();
    }
}
