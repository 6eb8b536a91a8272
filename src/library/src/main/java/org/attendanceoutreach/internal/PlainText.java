package org.attendanceoutreach.internal;

/**
 * Text from the input made safe to show to a person: in a terminal table, a call list, an error
 * message or a log line. Every character that could move the cursor, start an escape sequence,
 * change colours, break a line, reorder text or hide itself is written as {@code \}{@code uXXXX}
 * (an id holding the escape character and {@code [31m} is shown with {@code \}{@code u001b[31m}, not in red); an unpaired
 * surrogate, which no output encoding can carry, is written the same way, so two different ids can
 * never be shown alike. Everything else is left as it is. Not part of the API.
 *
 * <p>The characters escaped: the C0 and C1 controls and DEL (Unicode category Cc, which includes tab,
 * line feed and carriage return), the format characters (Cf: bidirectional overrides and isolates,
 * zero-width characters, the byte-order mark, …), the line and paragraph separators (Zl, Zp), and
 * unpaired surrogates.
 */
public final class PlainText {
    private PlainText() {
    }

    /** {@code text} with every unsafe character escaped; {@code null} stays {@code null}. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(i + 1));
                if (isUnsafeCodePoint(cp)) {
                    appendEscaped(out, c);
                    appendEscaped(out, text.charAt(i + 1));
                } else {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c) || isUnsafeCodePoint(c)) {
                appendEscaped(out, c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether {@link #escape} would change {@code text}. */
    public static boolean needsEscaping(String text) {
        return text != null && firstUnsafe(text) >= 0;
    }

    /** Whether {@code text} holds a surrogate without its pair (not Unicode text: no UTF can encode it). */
    public static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a character is one {@link #escape} writes as {@code \}{@code uXXXX}. */
    public static boolean isUnsafe(char c) {
        return Character.isSurrogate(c) || isUnsafeCodePoint(c);
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                continue; // printable ASCII: the usual case, decided at once
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (isUnsafeCodePoint(Character.toCodePoint(c, text.charAt(i + 1)))) {
                    return i;
                }
                i++;
            } else if (Character.isSurrogate(c) || isUnsafeCodePoint(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isUnsafeCodePoint(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }

    private static void appendEscaped(StringBuilder out, char c) {
        out.append("\\u");
        String hex = Integer.toHexString(c);
        for (int pad = hex.length(); pad < 4; pad++) {
            out.append('0');
        }
        out.append(hex);
    }
}
