package org.attendanceoutreach.policy;

import java.util.List;

/** A policy file with mistakes; each problem reads {@code FILE:LINE: message}. */
public class PolicyException extends Exception {
    private final List<String> problems;

    public PolicyException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
