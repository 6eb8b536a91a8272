package org.attendanceoutreach.school;

import java.time.LocalDate;

/** A success mentor: when assigned, and when introduced to the family (null: not yet). */
public record Mentor(LocalDate assignedOn, LocalDate familyIntroducedOn) {
}
