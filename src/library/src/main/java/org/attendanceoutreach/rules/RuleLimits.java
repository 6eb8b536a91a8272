package org.attendanceoutreach.rules;

import java.time.Duration;

/**
 * What one student's evaluation may cost before it is stopped and reported as an error naming the
 * rule: rule firings, wall-clock time, and (where the JVM can tell) bytes allocated.
 *
 * @param firings        rule firings for one student
 * @param time           time for one student's rules
 * @param allocatedBytes bytes allocated by one student's rules (0: not checked)
 * @see org.attendanceoutreach.OutreachEngine.Builder#ruleLimits(RuleLimits)
 */
public record RuleLimits(int firings, Duration time, long allocatedBytes) {
    /** Today's rules fire 5 to 20 times for a student in well under a millisecond, allocating kilobytes. */
    public static final RuleLimits DEFAULTS = new RuleLimits(10_000, Duration.ofSeconds(2), 256L << 20);

    public RuleLimits {
        if (firings < 1) {
            throw new IllegalArgumentException("firings must be at least 1, not " + firings);
        }
        if (time == null || time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("time must be positive, not " + time);
        }
        if (allocatedBytes < 0) {
            throw new IllegalArgumentException("allocatedBytes must be 0 (unchecked) or positive, not " + allocatedBytes);
        }
    }
}
