package org.attendanceoutreach.scenario;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One scenario expectation (contract section 4), as {@link ScenarioFile} reads it from a scenario
 * file's {@code expect}. Null or empty means "not checked".
 */
public record Expectation(String studentId, String attendanceTier, Integer supportTier,
                          List<String> includes, List<String> excludes, Map<String, String> contactRole,
                          Map<String, Boolean> interpreterNeeded, Map<String, LocalDate> due,
                          Map<String, String> owner, Boolean error) {
    public Expectation {
        includes = includes == null ? List.of() : List.copyOf(includes);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        contactRole = contactRole == null ? Map.of() : Map.copyOf(contactRole);
        interpreterNeeded = interpreterNeeded == null ? Map.of() : Map.copyOf(interpreterNeeded);
        due = due == null ? Map.of() : Map.copyOf(due);
        owner = owner == null ? Map.of() : Map.copyOf(owner);
    }
}
