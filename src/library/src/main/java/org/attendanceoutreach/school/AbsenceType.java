package org.attendanceoutreach.school;

/** Excused, unexcused and suspension days are days missed; tardies and early departures are not. */
public enum AbsenceType {
    EXCUSED(true), UNEXCUSED(true), SUSPENSION(true), TARDY(false), EARLY_DEPARTURE(false);

    private final boolean dayMissed;

    AbsenceType(boolean dayMissed) {
        this.dayMissed = dayMissed;
    }

    public boolean isDayMissed() {
        return dayMissed;
    }
}
