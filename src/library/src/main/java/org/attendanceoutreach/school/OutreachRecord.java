package org.attendanceoutreach.school;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Outreach staff already did: what, when, whether they got through, whether it carried good news,
 * and (when known) whom it was meant to reach. {@code outcome} and {@code contactRole} may be null.
 */
public record OutreachRecord(LocalDate date, OutreachKind kind, OutreachOutcome outcome, boolean positive,
                             ContactRole contactRole) {
    public OutreachRecord {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
    }

    /** A record without the contact it was meant for. */
    public OutreachRecord(LocalDate date, OutreachKind kind, OutreachOutcome outcome, boolean positive) {
        this(date, kind, outcome, positive, null);
    }

    /** A contact that reached the family with good news about the child. */
    public boolean isPositiveContact() {
        return positive && (outcome == null || outcome == OutreachOutcome.REACHED);
    }

    /** Staff got through to the family (an outcome of REACHED, or none recorded for a letter, meeting or visit). */
    public boolean isReached() {
        return outcome == OutreachOutcome.REACHED;
    }

    /** A call, text or automated call: outreach by phone. */
    public boolean isByPhone() {
        return kind == OutreachKind.PERSONAL_CALL || kind == OutreachKind.PERSONAL_TEXT || kind == OutreachKind.AUTOMATED_CALL;
    }

    /** An attempt that did not get through: no answer, or a message left. */
    public boolean isUnanswered() {
        return outcome == OutreachOutcome.NO_ANSWER || outcome == OutreachOutcome.MESSAGE_LEFT;
    }
}
