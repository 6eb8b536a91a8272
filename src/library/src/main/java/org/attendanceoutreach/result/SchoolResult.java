package org.attendanceoutreach.result;

import org.attendanceoutreach.result.InputProblem;

import java.time.LocalDate;
import java.util.List;

/**
 * The results for every student of one school file, sorted by student id, or the error that
 * kept the whole file from being read (then {@code students} is empty).
 */
public record SchoolResult(String file, String schoolId, LocalDate asOf, List<StudentResult> students,
                           InputProblem error) {
    public SchoolResult {
        students = List.copyOf(students);
    }

    public static SchoolResult failed(String file, InputProblem error) {
        return new SchoolResult(file, null, null, List.of(), error);
    }
}
