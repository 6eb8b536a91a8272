package org.attendanceoutreach.rules;

/**
 * One problem with the rule folder, located by file and line (line 0: the file as a whole).
 * {@code toString()} gives {@code FILE:LINE: message}, the form editors and terminals link to, or
 * {@code FILE: message} for the file as a whole.
 */
public record RuleProblem(String file, int line, String message) implements Comparable<RuleProblem> {
    @Override
    public String toString() {
        return line == 0 ? file + ": " + message : file + ":" + line + ": " + message;
    }

    @Override
    public int compareTo(RuleProblem o) {
        int c = file.compareTo(o.file);
        return c != 0 ? c : Integer.compare(line, o.line);
    }
}
