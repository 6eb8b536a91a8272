package org.attendanceoutreach.internal.drl;

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
            return "cannot read '" + shorten(x.group(1)) + "'" + hint;
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
