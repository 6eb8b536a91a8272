package org.attendanceoutreach.result;

import org.attendanceoutreach.result.InputProblem;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the engine says about one student: the tiers and the plan (recommendations, and what comes
 * next once a condition is met), or the error that kept the student from being evaluated (then only
 * {@code studentId} and {@code error} are set). When the rules rather than the data were at fault,
 * {@code ruleFailure} says which rule and why ({@code error} then carries the same message, field
 * {@code (rules)}). {@code progress} says how the student is doing since each support in place
 * started; {@code leftOut}, what the rules proposed that the plan leaves out and why (for {@code explain}).
 */
public record StudentResult(String studentId, LocalDate asOf, int daysEnrolled, double daysMissed,
                            double absenceRate, AttendanceTier attendanceTier, int supportTier,
                            List<Recommendation> recommendations, List<String> cautions,
                            List<String> rulesFired, InputProblem error, List<NextStep> next, RuleFailure ruleFailure,
                            List<Progress> progress, List<LeftOut> leftOut) {
    public StudentResult {
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
        cautions = cautions == null ? List.of() : List.copyOf(cautions);
        rulesFired = rulesFired == null ? List.of() : List.copyOf(rulesFired);
        next = next == null ? List.of() : List.copyOf(next);
        progress = progress == null ? List.of() : List.copyOf(progress);
        leftOut = leftOut == null ? List.of() : List.copyOf(leftOut);
    }

    /** A result without supports in place (the record's shape before {@code progress}). */
    public StudentResult(String studentId, LocalDate asOf, int daysEnrolled, double daysMissed,
                         double absenceRate, AttendanceTier attendanceTier, int supportTier,
                         List<Recommendation> recommendations, List<String> cautions,
                         List<String> rulesFired, InputProblem error, List<NextStep> next, RuleFailure ruleFailure) {
        this(studentId, asOf, daysEnrolled, daysMissed, absenceRate, attendanceTier, supportTier, recommendations,
                cautions, rulesFired, error, next, ruleFailure, List.of(), List.of());
    }

    /** A result without anything waiting in {@code next}. */
    public StudentResult(String studentId, LocalDate asOf, int daysEnrolled, double daysMissed,
                         double absenceRate, AttendanceTier attendanceTier, int supportTier,
                         List<Recommendation> recommendations, List<String> cautions,
                         List<String> rulesFired, InputProblem error) {
        this(studentId, asOf, daysEnrolled, daysMissed, absenceRate, attendanceTier, supportTier, recommendations,
                cautions, rulesFired, error, List.of(), null);
    }

    /** A result without a rule failure. */
    public StudentResult(String studentId, LocalDate asOf, int daysEnrolled, double daysMissed,
                         double absenceRate, AttendanceTier attendanceTier, int supportTier,
                         List<Recommendation> recommendations, List<String> cautions,
                         List<String> rulesFired, InputProblem error, List<NextStep> next) {
        this(studentId, asOf, daysEnrolled, daysMissed, absenceRate, attendanceTier, supportTier, recommendations,
                cautions, rulesFired, error, next, null);
    }

    /** A student the rules could not evaluate: the rules' fault, not the data's. */
    public static StudentResult ruleFailed(String studentId, LocalDate asOf, RuleFailure failure) {
        return new StudentResult(studentId, asOf, 0, 0, 0, null, 0, List.of(), List.of(), List.of(),
                new InputProblem(null, studentId, "(rules)", failure.toString()), List.of(), failure);
    }

    /** The rules, not the data, kept this student from being evaluated. */
    public boolean isRuleFailure() {
        return ruleFailure != null;
    }

    /** A student that could not be evaluated. */
    public static StudentResult failed(String studentId, LocalDate asOf, InputProblem error) {
        return new StudentResult(studentId, asOf, 0, 0, 0, null, 0, List.of(), List.of(), List.of(), error, List.of());
    }

    public boolean isError() {
        return error != null;
    }

    /** The recommendation of this practice, if there is one (not one that only covers it). */
    public Optional<Recommendation> recommendation(String intervention) {
        return recommendations.stream().filter(r -> r.intervention().equals(intervention)).findFirst();
    }

    /** The recommendation of this practice, or the one that covers it, if there is one. */
    public Optional<Recommendation> carrying(String intervention) {
        Optional<Recommendation> own = recommendation(intervention);
        return own.isPresent() ? own : recommendations.stream().filter(r -> r.covers().contains(intervention)).findFirst();
    }

    /** The practice waiting in {@code next}, or the one there that covers it, if there is one. */
    public Optional<NextStep> waiting(String intervention) {
        return next.stream().filter(n -> n.intervention().equals(intervention) || n.covers().contains(intervention)).findFirst();
    }

    /** The progress of this support in place, if the student has it. */
    public Optional<Progress> progressOf(String intervention) {
        return progress.stream().filter(p -> p.intervention().equals(intervention)).findFirst();
    }

    /** The recommendations in step 1: what to do first. */
    public List<Recommendation> firstStep() {
        return recommendations.stream().filter(r -> r.step() == 1).toList();
    }

    /** The same result with its error located in a file (an error that already names its file keeps it). */
    public StudentResult inFile(String file) {
        if (error == null || error.file() != null) {
            return this;
        }
        return new StudentResult(studentId, asOf, 0, 0, 0, null, 0, List.of(), List.of(), List.of(), error.inFile(file), List.of(),
                ruleFailure, List.of(), List.of());
    }
}
