package org.attendanceoutreach.scenario;

import org.attendanceoutreach.internal.DidYouMean;
import org.attendanceoutreach.read.Shown;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One scenario expectation (contract sections 4 and 8), as {@link ScenarioFile} reads it from a
 * scenario file's {@code expect}. Null or empty means "not checked".
 *
 * @param first    ids that must be in step 1 (or covered by a recommendation in step 1)
 * @param step     id to the step it must be in
 * @param status   id to its status (OVERDUE, DUE, UPCOMING)
 * @param since    id to the day the need arose
 * @param next     ids that must wait in the student's {@code next}
 * @param progress id to the trend of a support in place (TOO_EARLY, IMPROVING, NOT_IMPROVING)
 * @param unknownKeys the keys of the entry that contract section 4 does not define (a misspelt
 *                    {@code "excldes"}), as written: the expectation fails while there is any, since
 *                    what it meant to check is not checked
 */
public record Expectation(String studentId, String attendanceTier, Integer supportTier,
                          List<String> includes, List<String> excludes, Map<String, String> contactRole,
                          Map<String, Boolean> interpreterNeeded, Map<String, LocalDate> due,
                          Map<String, String> owner, Boolean error, List<String> first, Map<String, Integer> step,
                          Map<String, String> status, Map<String, LocalDate> since, List<String> next,
                          Map<String, String> progress, List<String> unknownKeys) {
    /** Every key an expectation may have (contract sections 4 and 8), in the contract's order. */
    static final List<String> KEYS = List.of("studentId", "attendanceTier", "supportTier", "includes", "excludes",
            "contactRole", "interpreterNeeded", "due", "owner", "error", "first", "step", "status", "since", "next", "progress");

    /**
     * What is wrong with an unknown key, for policy staff: {@code unknown expectation key "excldes":
     * nothing was checked for it; did you mean 'excludes'?}, or the keys there are when none is close.
     */
    static String unknownKey(String key) {
        String near = DidYouMean.of(key, KEYS);
        return "unknown expectation key \"" + Shown.key(key) + "\": nothing was checked for it"
                + (near.isEmpty() ? "; the keys are " + String.join(", ", KEYS) + " (contract section 4)" : near);
    }

    public Expectation {
        unknownKeys = unknownKeys == null ? List.of() : List.copyOf(unknownKeys);
        includes = includes == null ? List.of() : List.copyOf(includes);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        contactRole = contactRole == null ? Map.of() : Map.copyOf(contactRole);
        interpreterNeeded = interpreterNeeded == null ? Map.of() : Map.copyOf(interpreterNeeded);
        due = due == null ? Map.of() : Map.copyOf(due);
        owner = owner == null ? Map.of() : Map.copyOf(owner);
        first = first == null ? List.of() : List.copyOf(first);
        step = step == null ? Map.of() : Map.copyOf(step);
        status = status == null ? Map.of() : Map.copyOf(status);
        since = since == null ? Map.of() : Map.copyOf(since);
        next = next == null ? List.of() : List.copyOf(next);
        progress = progress == null ? Map.of() : Map.copyOf(progress);
    }

    /** An expectation whose keys are all known (as one built in Java is). */
    public Expectation(String studentId, String attendanceTier, Integer supportTier,
                       List<String> includes, List<String> excludes, Map<String, String> contactRole,
                       Map<String, Boolean> interpreterNeeded, Map<String, LocalDate> due,
                       Map<String, String> owner, Boolean error, List<String> first, Map<String, Integer> step,
                       Map<String, String> status, Map<String, LocalDate> since, List<String> next,
                       Map<String, String> progress) {
        this(studentId, attendanceTier, supportTier, includes, excludes, contactRole, interpreterNeeded, due, owner, error,
                first, step, status, since, next, progress, null);
    }

    /** An expectation with the keys of contract section 4 only. */
    public Expectation(String studentId, String attendanceTier, Integer supportTier,
                       List<String> includes, List<String> excludes, Map<String, String> contactRole,
                       Map<String, Boolean> interpreterNeeded, Map<String, LocalDate> due,
                       Map<String, String> owner, Boolean error) {
        this(studentId, attendanceTier, supportTier, includes, excludes, contactRole, interpreterNeeded, due, owner, error,
                null, null, null, null, null, null, null);
    }
}
