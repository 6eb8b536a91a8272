package org.attendanceoutreach.scenario;

import java.util.List;

/** One expectation checked: which file and student, and what did not hold (empty: it passed). */
public record ScenarioOutcome(String file, String studentId, List<String> failures) {
    public ScenarioOutcome {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
