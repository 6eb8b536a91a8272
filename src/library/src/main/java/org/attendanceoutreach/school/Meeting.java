package org.attendanceoutreach.school;

import java.time.LocalDate;
import java.util.Objects;

/** A meeting already on the calendar with the family. */
public record Meeting(MeetingType type, LocalDate date) {
    public Meeting {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(date, "date");
    }
}
