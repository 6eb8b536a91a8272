package org.attendanceoutreach.read;

import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.school.School;

import java.util.List;

/**
 * A school file as read: the school, every student entry in file order (read or failed), and
 * warnings (unknown fields, by name). A scenario file's expectations are read apart
 * ({@link org.attendanceoutreach.scenario.ScenarioFile}). The warnings are
 * bounded: at most {@value Warnings#SHOWN_PER_KIND} of each kind, then one that counts the rest
 * ({@link Warnings}).
 */
public record SchoolFile(String file, School school, List<StudentInput> students, List<InputProblem> warnings) {
    public SchoolFile {
        students = List.copyOf(students);
        warnings = warnings == null ? List.of() : List.copyOf(Warnings.bounded(warnings));
    }
}
