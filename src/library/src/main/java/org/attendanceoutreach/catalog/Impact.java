package org.attendanceoutreach.catalog;

/** How much a practice does for attendance, per the chart: HIGH first. */
public enum Impact {
    HIGH, MODERATE, LOW;

    /** Whether this practice does more than {@code other}. */
    public boolean isHigherThan(Impact other) {
        return ordinal() < other.ordinal();
    }
}
