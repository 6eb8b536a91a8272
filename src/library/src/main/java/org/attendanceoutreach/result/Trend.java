package org.attendanceoutreach.result;

/**
 * Whether a support in place is working (contract section 8, {@code progress[].trend}), from the
 * share of enrolled school days missed before it started and since.
 */
public enum Trend {
    /** In place fewer school days than the policy's {@code follow-up-minimum-school-days}: too soon to tell. */
    TOO_EARLY,
    /** The share missed since it started is lower than before by at least {@code follow-up-improvement-margin}. */
    IMPROVING,
    /** In place long enough, and the share missed since is not lower than before by the margin. */
    NOT_IMPROVING
}
