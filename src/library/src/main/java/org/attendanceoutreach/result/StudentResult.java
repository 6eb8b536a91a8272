package org.attendanceoutreach.result;

import org.attendanceoutreach.result.InputProblem;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the engine says about one student: the tiers and recommendations, or the error that kept
 * the student from being evaluated (then only {@code studentId} and {@code error} are set).
 */
public record StudentResult(String studentId, LocalDate asOf, int daysEnrolled, double daysMissed,
                            double absenceRate, AttendanceTier attendanceTier, int supportTier,
                            List<Recommendation> recommendations, List<String> cautions,
                            List<String> rulesFired, InputProblem error) {
    public StudentResult {
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
        cautions = cautions == null ? List.of() : List.copyOf(cautions);
        rulesFired = rulesFired == null ? List.of() : List.copyOf(rulesFired);
    }

    /** A student that could not be evaluated. */
    public static StudentResult failed(String studentId, LocalDate asOf, InputProblem error) {
        return new StudentResult(studentId, asOf, 0, 0, 0, null, 0, List.of(), List.of(), List.of(), error);
    }

    public boolean isError() {
        return error != null;
    }

    /** The recommendation of this practice, if there is one. */
    public Optional<Recommendation> recommendation(String intervention) {
        return recommendations.stream().filter(r -> r.intervention().equals(intervention)).findFirst();
    }

    /** The same result with its error located in a file (an error that already names its file keeps it). */
    public StudentResult inFile(String file) {
        return error == null || error.file() != null ? this : failed(studentId, asOf, error.inFile(file));
    }
}
