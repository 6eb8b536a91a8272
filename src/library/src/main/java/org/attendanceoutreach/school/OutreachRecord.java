package org.attendanceoutreach.school;

import java.time.LocalDate;
import java.util.Objects;

/** Outreach staff already did: what, when, whether they got through, and whether it carried good news. */
public record OutreachRecord(LocalDate date, OutreachKind kind, OutreachOutcome outcome, boolean positive) {
    public OutreachRecord {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
    }

    /** A contact that reached the family with good news about the child. */
    public boolean isPositiveContact() {
        return positive && (outcome == null || outcome == OutreachOutcome.REACHED);
    }
}
