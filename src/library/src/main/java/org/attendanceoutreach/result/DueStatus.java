package org.attendanceoutreach.result;

/** Where a recommendation stands on the evaluation day (contract section 8). */
public enum DueStatus {
    /** Due before today, and nothing on record shows it was done. */
    OVERDUE,
    /** Due today. */
    DUE,
    /** Due later. */
    UPCOMING
}
