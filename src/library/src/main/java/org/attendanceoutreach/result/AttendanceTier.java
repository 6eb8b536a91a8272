package org.attendanceoutreach.result;

/** Share of enrolled days missed this year, in the policy's bands. */
public enum AttendanceTier {
    /** Fewer enrolled days than the policy's minimum: too early to say. */
    INSUFFICIENT_DATA,
    SATISFACTORY,
    AT_RISK,
    MODERATE_CHRONIC,
    SEVERE_CHRONIC;

    /** Missing 10% or more (in the default policy): moderately or severely chronic. */
    public boolean isChronic() {
        return this == MODERATE_CHRONIC || this == SEVERE_CHRONIC;
    }

    /** In words, as a school says it: "at risk", "moderately chronic", "too early to say". */
    public String inWords() {
        return switch (this) {
            case INSUFFICIENT_DATA -> "too early to say";
            case SATISFACTORY -> "satisfactory";
            case AT_RISK -> "at risk";
            case MODERATE_CHRONIC -> "moderately chronic";
            case SEVERE_CHRONIC -> "severely chronic";
        };
    }

    /** How far along the scale of concern (INSUFFICIENT_DATA counts as none). */
    public int severity() {
        return this == INSUFFICIENT_DATA ? 0 : ordinal() - 1;
    }
}
