package org.attendanceoutreach.read;

import org.attendanceoutreach.result.InputProblem;

/** A school file that cannot be read at all (not JSON, no calendar, …). */
public class SchoolFileException extends Exception {
    private final InputProblem problem;

    public SchoolFileException(InputProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public InputProblem problem() {
        return problem;
    }
}
