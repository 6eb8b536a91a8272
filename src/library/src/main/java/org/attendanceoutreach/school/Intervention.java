package org.attendanceoutreach.school;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A support the school has put in place for a student (contract section 8, {@code interventions[]}):
 * which practice of the catalog, from when, and until when.
 *
 * <p>It is in place on every day from {@code startedOn} through {@code endedOn} (the last day of the
 * support; null: still in place). A support that starts after "today" is planned: it is not
 * recommended again, but there is nothing to measure yet.
 *
 * @param intervention the catalog id ({@code success-mentor})
 * @param startedOn    the first day of the support
 * @param endedOn      its last day, or null while it runs
 */
public record Intervention(String intervention, LocalDate startedOn, LocalDate endedOn) {
    /** The practice a student's {@code mentor} stands for (contract section 8). */
    public static final String SUCCESS_MENTOR = "success-mentor";

    public Intervention {
        Objects.requireNonNull(intervention, "intervention");
        Objects.requireNonNull(startedOn, "startedOn");
    }

    /** A support still running. */
    public Intervention(String intervention, LocalDate startedOn) {
        this(intervention, startedOn, null);
    }

    /** Whether the support is in place on {@code day}: started on or before it, and not ended before it. */
    public boolean inPlaceOn(LocalDate day) {
        return !startedOn.isAfter(day) && (endedOn == null || !endedOn.isBefore(day));
    }

    /** Whether the support has ended by {@code day} (its last day is before it). */
    public boolean endedBy(LocalDate day) {
        return endedOn != null && endedOn.isBefore(day);
    }
}
