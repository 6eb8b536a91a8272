package org.attendanceoutreach.internal.drl;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drools' parser messages, in words policy staff use. */
final class ParserMessages {
    private static final Pattern MISMATCHED = Pattern.compile("mismatched input '(.*?)'(?: expecting (.*?))?(?: in .*)?$", Pattern.DOTALL);
    private static final Pattern MISSING = Pattern.compile("missing '?(.+?)'? at '(.*?)'", Pattern.DOTALL);
    private static final Pattern NO_VIABLE = Pattern.compile("no viable alternative at input '(.*?)'", Pattern.DOTALL);
    private static final Pattern EXTRANEOUS = Pattern.compile("extraneous input '(.*?)'", Pattern.DOTALL);

    private ParserMessages() {
    }

    /**
     * The message in plain words at the line to fix, or null for one that only repeats another
     * ("Parser returned a null Package"). A keyword that comes too early ('then', 'end') after a
     * '(' left open is reported as the missing ')' at the line of that '('.
     */
    static DrlFile.Located locate(String raw, String text, int line) {
        String m = translate(raw, text, line);
        if (m == null) {
            return null;
        }
        Matcher x = MISMATCHED.matcher(raw == null ? "" : raw.replaceAll("\\s+", " "));
        if (x.find() && List.of("then", "end", "when", "rule").contains(x.group(1))) {
            int open = unclosedParenthesis(text, line);
            if (open > 0) {
                return new DrlFile.Located("a ')' is missing: the '(' on this line is not closed before '" + x.group(1)
                        + "' on line " + line, open);
            }
            if (x.group(1).equals("rule") || x.group(1).equals("when")) {
                return new DrlFile.Located("'" + x.group(1) + "' comes before the previous rule's 'end'; each rule ends with 'end'", line);
            }
        }
        return new DrlFile.Located(m, line);
    }

    /** The line of the last '(' still open when {@code line} starts, counted from the rule it is in; 0 when none. */
    static int unclosedParenthesis(String text, int line) {
        String[] lines = text.split("\n", -1);
        int start = 0;
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            if (lines[i].stripLeading().startsWith("rule ") || lines[i].stripLeading().startsWith("rule\"")) {
                start = i;
                break;
            }
        }
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        for (int i = start; i < Math.min(line - 1, lines.length); i++) {
            boolean in = false;
            String l = lines[i];
            for (int k = 0; k < l.length(); k++) {
                char c = l.charAt(k);
                if (in) {
                    if (c == '\\') {
                        k++;
                    } else if (c == '"') {
                        in = false;
                    }
                } else if (c == '"') {
                    in = true;
                } else if (c == '/' && k + 1 < l.length() && l.charAt(k + 1) == '/') {
                    break;
                } else if (c == '(') {
                    open.push(i + 1);
                } else if (c == ')' && !open.isEmpty()) {
                    open.pop();
                }
            }
        }
        return open.isEmpty() ? 0 : open.peek();
    }

    /** What is said of a line whose quotes do not pair up ({@link #unpairedQuote}). */
    static final String UNPAIRED_QUOTE = "a '\"' is missing: the quotes on this line do not pair up (text in quotes opens"
            + " and closes with '\"' on the same line)";

    /**
     * The first line where text in double quotes is still open at the end of the line (a '"' left
     * out), outside comments and single-quoted text; 0 when there is none. Text in quotes never goes
     * on to the next line in DRL or Java (a file with a Java text block, three quotes, has none).
     * The parser's own messages for such a file only echo it, at the end of the file.
     */
    static int unpairedQuote(String text) {
        if (text.contains("\"\"\"")) {
            return 0;
        }
        int line = 1;
        char quote = 0;
        boolean lineComment = false;
        boolean blockComment = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '\n') {
                if (quote == '"') {
                    return line;
                }
                quote = 0;
                lineComment = false;
                line++;
            } else if (blockComment) {
                if (c == '*' && next == '/') {
                    blockComment = false;
                    i++;
                }
            } else if (lineComment) {
                continue;
            } else if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '/' && next == '/') {
                lineComment = true;
            } else if (c == '/' && next == '*') {
                blockComment = true;
                i++;
            } else if (c == '"' || c == '\'') {
                quote = c;
            }
        }
        return quote == '"' ? line : 0;
    }

    /** The message in plain words, or null for one that only repeats another ("Parser returned a null Package"). */
    static String translate(String raw, String text, int line) {
        String m = raw == null ? "" : raw.replaceAll("^\\[ERR \\d+\\]\\s*", "").replaceAll("\\s+", " ").strip();
        m = m.replaceAll("^Line \\d+:\\d+ ", "");
        if (m.contains("Parser returned a null Package")) {
            return null;
        }
        String hint = " (check the brackets, quotes and 'end' of the rule around this line)";
        Matcher x;
        if ((x = MISSING.matcher(m)).find()) {
            return "a '" + unquote(x.group(1)) + "' is missing before '" + x.group(2) + "'";
        }
        if ((x = MISMATCHED.matcher(m)).find()) {
            String found = x.group(1);
            String expected = x.group(2) == null ? "" : x.group(2);
            if (expected.contains("')'") || expected.equals("RIGHT_PAREN") || expected.contains("RIGHT_PAREN")) {
                return "a ')' is missing before '" + found + "'";
            }
            if ("<EOF>".equals(found)) {
                return "the file ends inside a rule: a rule ends with 'end'" + hint;
            }
            return "'" + found + "' is not expected here" + hint;
        }
        if ((x = NO_VIABLE.matcher(m)).find()) {
            String token = shorten(x.group(1));
            return (token.isBlank() ? "cannot read this line" : "cannot read '" + token + "'") + hint;
        }
        if ((x = EXTRANEOUS.matcher(m)).find()) {
            return "'" + x.group(1) + "' is not expected here" + hint;
        }
        return m + hint;
    }

    private static String unquote(String s) {
        return s.replace("'", "").replace("RIGHT_PAREN", ")").replace("LEFT_PAREN", "(").replace("RIGHT_CURLY", "}");
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(s.length() - 60) : s;
    }
}
