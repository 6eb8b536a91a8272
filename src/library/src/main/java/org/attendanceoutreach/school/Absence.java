package org.attendanceoutreach.school;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day's attendance exception. {@code portion} is the share of the day missed (1.0 for a whole
 * day); {@code reason} may be null.
 */
public record Absence(LocalDate date, AbsenceType type, AbsenceReason reason, double portion) {
    public Absence {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(type, "type");
        if (!(portion > 0.0 && portion <= 1.0)) {
            throw new IllegalArgumentException("portion must be more than 0 and at most 1, was " + portion);
        }
    }

    public Absence(LocalDate date, AbsenceType type) {
        this(date, type, null, 1.0);
    }

    /** Whether this counts as a day (or part of a day) missed. */
    public boolean isDayMissed() {
        return type.isDayMissed();
    }

    /** Illness or a medical reason. */
    public boolean isForHealth() {
        return reason == AbsenceReason.ILLNESS || reason == AbsenceReason.MEDICAL;
    }
}
