package org.attendanceoutreach.internal.drl;

import java.util.ArrayList;
import java.util.List;

/**
 * Characters that look harmless in an editor but change what a rule file means, or stop it from
 * compiling: named in plain words with what to do. (Not a security boundary: the sandbox checks the
 * compiled code. These are here so policy staff get a message they can act on.)
 */
final class TextChecks {
    private TextChecks() {
    }

    static List<DrlFile.Located> check(String text) {
        List<DrlFile.Located> out = new ArrayList<>();
        int line = 1;
        boolean inString = false;
        boolean lineComment = false;
        boolean blockComment = false;
        boolean reportedCr = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '\n') {
                line++;
                lineComment = false;
                inString = false;
                continue;
            }
            if (c == '\r' && next != '\n' && !reportedCr) {
                out.add(new DrlFile.Located("a carriage return without a line feed (an old Mac line ending): Java reads it"
                        + " as the end of a line, so a // comment may end there and what follows runs as code; save the file"
                        + " with ordinary line endings", line));
                reportedCr = true;
            }
            if (c == '\\' && next == 'u' && isUnicodeEscape(text, i)) {
                out.add(new DrlFile.Located("'" + text.substring(i, Math.min(text.length(), i + 6)) + "' is a Java unicode escape,"
                        + " which Java reads as the character itself even inside a string or a comment; rule files may not"
                        + " use it: type the character itself", line));
                continue;
            }
            if (blockComment) {
                if (c == '*' && next == '/') {
                    blockComment = false;
                    i++;
                }
                continue;
            }
            if (lineComment) {
                continue;
            }
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '/' && next == '/') {
                lineComment = true;
                i++;
            } else if (c == '/' && next == '*') {
                blockComment = true;
                i++;
            } else if (c == '"') {
                inString = true;
            } else if (c == '\u201C' || c == '\u201D' || c == '\u201E') {
                out.add(new DrlFile.Located("a curly double quote (" + c + ") where a straight quote (\") is needed; word processors"
                        + " put these in: retype the quote in a plain text editor", line));
            } else if (c == '\u2018' || c == '\u2019') {
                out.add(new DrlFile.Located("a curly single quote (" + c + ") outside a text in quotes; use straight quotes (\")", line));
            } else if (c == '\u00A0' || c == '\u2007' || c == '\u202F') {
                out.add(new DrlFile.Located("a non-breaking space (often pasted from a web page or a word processor) where an"
                        + " ordinary space is needed; delete it and type a space", line));
            } else if (c == '\u200B' || c == '\uFEFF' && i > 0) {
                out.add(new DrlFile.Located("an invisible zero-width character; delete it (retype the line)", line));
            }
        }
        return out;
    }

    private static boolean isUnicodeEscape(String text, int at) {
        // an odd number of backslashes before 'u', then u+ and four hex digits, as Java reads it
        int backslashes = 0;
        for (int j = at; j >= 0 && text.charAt(j) == '\\'; j--) {
            backslashes++;
        }
        if (backslashes % 2 == 0) {
            return false;
        }
        int k = at + 1;
        while (k < text.length() && text.charAt(k) == 'u') {
            k++;
        }
        if (k + 4 > text.length()) {
            return false;
        }
        for (int j = k; j < k + 4; j++) {
            if (Character.digit(text.charAt(j), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
