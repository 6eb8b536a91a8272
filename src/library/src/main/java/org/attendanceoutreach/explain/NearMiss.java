package org.attendanceoutreach.explain;

/** A rule that did not fire but would have, had one condition held. */
public record NearMiss(String rule, String file, String missingCondition) {
}
