package org.attendanceoutreach.read;

import org.attendanceoutreach.internal.PlainText;
import org.attendanceoutreach.school.School;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The one redaction rule: how a value from a student's record may appear in an error or warning,
 * for every reader (school files, JSON lines, CSV, Ed-Fi) and every message built from one.
 *
 * <ul>
 *   <li>A rejected value is quoted only when it is a <em>near miss of a code</em>: an enum value
 *       one or two letters off one of the values the field allows ({@code 'UNEXCUSD'}), a date that
 *       has the shape of a date but is not one ({@code '2026-02-30'}, {@code '11/20/2026'}), a
 *       language tag written with the wrong separator ({@code 'es_MX'}), a short number, an Ed-Fi
 *       descriptor URI. The value is parsed and compared with what the field allows; it is never
 *       judged by a pattern over free text.</li>
 *   <li>Anything else (a name, a phone number, a relationship, free text, a code nowhere near a
 *       valid one) is never quoted: the message says {@code the value given (12 characters, not
 *       shown)} and names the field, which is enough to find it.</li>
 *   <li>A key (a field or column name) may be named, cut to {@value #MAX_KEY} characters, with its
 *       control characters escaped; the value under it never is.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class Shown {
    /** The longest key (field or column name) shown in a message; longer ones are cut. */
    public static final int MAX_KEY = 40;
    private static final int MAX_CODE = 40;

    private Shown() {
    }

    /**
     * A value rejected for a field whose valid values are {@code codes}: {@code 'VALUE'} when it is
     * within a letter or two of one of them (compared without regard to case, spaces or hyphens),
     * else a placeholder that carries nothing of it.
     */
    public static String code(String raw, Collection<String> codes) {
        return isNearMiss(raw, codes) ? quoted(raw.strip()) : hidden(raw);
    }

    /** As {@link #code(String, Collection)}, for the values of an enum. */
    public static <E extends Enum<E>> String code(String raw, Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E c : type.getEnumConstants()) {
            names.add(c.name());
        }
        return code(raw, names);
    }

    /** Whether {@code raw} is a near miss of one of {@code codes} (see {@link #code(String, Collection)}). */
    public static boolean isNearMiss(String raw, Collection<String> codes) {
        if (raw == null) {
            return false;
        }
        String v = normalized(raw);
        if (v.isEmpty() || v.length() > MAX_CODE || !isCodeShaped(v)) {
            return false;
        }
        for (String code : codes) {
            String c = normalized(code);
            int allowed = c.length() <= 4 ? 1 : c.length() <= 8 ? 2 : 3;
            if (Math.abs(c.length() - v.length()) <= allowed && distance(v, c) <= allowed) {
                return true;
            }
        }
        return false;
    }

    /**
     * A value rejected for a date field: quoted when it has the shape of a date (three groups of
     * digits, one of them a four-digit year, the others one or two digits, optionally with a time
     * after it), else a placeholder.
     */
    public static String date(String raw) {
        return isDateShaped(raw) ? quoted(raw.strip()) : hidden(raw);
    }

    /** A number rejected for being out of range: shown when it is short (a rate of 1.5, 14 or -0.2), else not. */
    public static String number(double value) {
        String text = value == Math.rint(value) && Math.abs(value) < 1e6 ? Long.toString((long) value) : Double.toString(value);
        return Double.isFinite(value) && Math.abs(value) < 10_000 && text.length() <= 8 ? text : "the number given";
    }

    /** A number rejected as text (from a CSV cell): quoted when it is a short number, else a placeholder. */
    public static String number(String raw) {
        if (raw == null) {
            return hidden(null);
        }
        String v = raw.strip();
        String digits = v.endsWith("%") ? v.substring(0, v.length() - 1).strip() : v;
        try {
            double d = Double.parseDouble(digits);
            if (Double.isFinite(d) && Math.abs(d) < 10_000 && v.length() <= 8) {
                return quoted(v);
            }
        } catch (NumberFormatException e) {
            // not a number: not shown
        }
        return hidden(raw);
    }

    /**
     * A value rejected for a language field: quoted when it is a language tag but for its
     * separators ({@code es_MX}), else a placeholder (a language's name in words is not shown:
     * it cannot be told from a person's name).
     */
    public static String language(String raw) {
        if (raw != null) {
            String v = raw.strip();
            if (!v.isEmpty() && v.length() <= MAX_CODE && School.isLanguageTag(v.replace('_', '-'))) {
                return quoted(v);
            }
        }
        return hidden(raw);
    }

    /**
     * An Ed-Fi descriptor: quoted when it is a descriptor URI ({@code uri://ed-fi.org/RelationDescriptor#Mother}:
     * a URI scheme, no spaces before the {@code #}, a last path segment ending in {@code Descriptor},
     * a code value of at most 60 characters), or a bare code value that is a near miss of {@code codes};
     * else a placeholder.
     */
    public static String descriptor(String raw, Collection<String> codes) {
        if (isDescriptorUri(raw)) {
            return quoted(raw.strip());
        }
        return code(raw, codes);
    }

    /** Whether {@code raw} is an Ed-Fi descriptor URI (see {@link #descriptor}), so its parts may be named. */
    public static boolean isDescriptorUri(String raw) {
        if (raw == null || PlainText.needsEscaping(raw)) {
            return false;
        }
        String v = raw.strip();
        int hash = v.lastIndexOf('#');
        if (hash < 0 || v.length() - hash - 1 > 60 || v.length() - hash - 1 < 1) {
            return false;
        }
        String path = v.substring(0, hash);
        int scheme = path.indexOf("://");
        if (scheme < 1 || path.chars().anyMatch(Character::isWhitespace) || path.length() > 200) {
            return false;
        }
        for (int i = 0; i < scheme; i++) {
            if (!Character.isLetter(path.charAt(i))) {
                return false;
            }
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.length() > "Descriptor".length() && last.endsWith("Descriptor");
    }

    /** A key (a JSON field or CSV column name) as it may be named: escaped, and cut to {@value #MAX_KEY} characters. */
    public static String key(String raw) {
        if (raw == null) {
            return "";
        }
        String k = PlainText.escape(raw);
        return k.length() <= MAX_KEY ? k : k.substring(0, MAX_KEY - 1) + "…";
    }

    /** What stands for a value that is not shown: its length, nothing of its content. */
    public static String hidden(String raw) {
        return raw == null ? "nothing" : "the value given (" + raw.length() + " characters, not shown)";
    }

    private static String quoted(String v) {
        return "'" + PlainText.escape(v) + "'";
    }

    private static String normalized(String s) {
        return s.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    /** Letters, digits and underscores only (a code, not a sentence or a number with punctuation). */
    private static boolean isCodeShaped(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDateShaped(String raw) {
        if (raw == null) {
            return false;
        }
        String v = raw.strip();
        int t = indexOfAny(v, 'T', ' ');
        String date = t < 0 ? v : v.substring(0, t);
        if (date.length() < 6 || date.length() > 11 || (t >= 0 && v.length() - t > 30)) {
            return false;
        }
        char separator = 0;
        List<String> groups = new ArrayList<>();
        StringBuilder group = new StringBuilder();
        for (int i = 0; i < date.length(); i++) {
            char c = date.charAt(i);
            if (c >= '0' && c <= '9') {
                group.append(c);
            } else if ((c == '-' || c == '/' || c == '.') && (separator == 0 || separator == c) && group.length() > 0) {
                separator = c;
                groups.add(group.toString());
                group.setLength(0);
            } else {
                return false;
            }
        }
        groups.add(group.toString());
        if (groups.size() != 3) {
            return false;
        }
        int years = 0;
        for (int i = 0; i < 3; i++) {
            int n = groups.get(i).length();
            if (n == 4 && (i == 0 || i == 2)) {
                years++;
            } else if (n < 1 || n > 2) {
                return false;
            }
        }
        if (years != 1) {
            return false;
        }
        if (t >= 0) {
            for (int i = t + 1; i < v.length(); i++) {
                char c = v.charAt(i);
                if (!((c >= '0' && c <= '9') || c == ':' || c == '.' || c == 'Z' || c == '+' || c == '-')) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }

    /** The optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
