package org.attendanceoutreach.read;

import java.util.regex.Pattern;

/**
 * How a rejected value may appear in an error message. Codes, dates and numbers are shown, so the
 * message says what to fix; anything that could be a name, a phone number or free text (a value
 * with spaces or mixed-case words, say, from a shifted export) is not.
 */
public final class Shown {
    private static final Pattern CODE_LIKE = Pattern.compile("[A-Z0-9_./:+\\-]{1,40}|[a-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}|[0-9/.:\\- T]{1,30}");

    private Shown() {
    }

    /** {@code 'VALUE'} for a code-like value, else a placeholder that carries no content. */
    public static String value(String raw) {
        if (raw == null) {
            return "nothing";
        }
        return CODE_LIKE.matcher(raw).matches() ? "'" + raw + "'" : "the value given (" + raw.length() + " characters, not shown)";
    }
}
