package org.attendanceoutreach.explain;

import org.attendanceoutreach.result.StudentResult;

import java.util.List;
import java.util.Map;

/**
 * Why a student got what they got.
 *
 * @param result     the evaluation
 * @param facts      every fact the rules can read, by name (ids, counts, flags; never personal data)
 * @param rulesFired the rules that fired, in firing order
 * @param nearMisses rules that did not fire but would have with one condition more
 * @param matched    for each rule that fired, the conditions on the student it matched, as written
 */
public record Explanation(StudentResult result, Map<String, Object> facts, List<String> rulesFired, List<NearMiss> nearMisses,
                          Map<String, List<String>> matched) {
}
