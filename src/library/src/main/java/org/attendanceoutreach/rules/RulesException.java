package org.attendanceoutreach.rules;

import java.util.List;

/** The rules could not be loaded; {@link #problems()} lists every problem found, in file and line order. */
public class RulesException extends Exception {
    private final List<RuleProblem> problems;

    public RulesException(List<RuleProblem> problems) {
        super(problems.size() + " problem(s) in the rules:\n" + String.join("\n",
                problems.stream().map(RuleProblem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
