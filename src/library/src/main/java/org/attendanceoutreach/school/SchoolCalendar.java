package org.attendanceoutreach.school;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The school year: instructional days are the weekdays from {@code firstDay} to {@code lastDay}
 * that are not closed days.
 */
public record SchoolCalendar(LocalDate firstDay, LocalDate lastDay, Set<LocalDate> closedDays) {
    public SchoolCalendar {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("lastDay " + lastDay + " is before firstDay " + firstDay);
        }
        closedDays = closedDays == null ? Set.of() : Set.copyOf(closedDays);
    }

    /** Whether students are expected in school on this day. */
    public boolean isInstructionalDay(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay)
                && day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !closedDays.contains(day);
    }

    /** Every instructional day of the year, in order. */
    public List<LocalDate> instructionalDays() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = firstDay; !d.isAfter(lastDay); d = d.plusDays(1)) {
            if (isInstructionalDay(d)) {
                days.add(d);
            }
        }
        return Collections.unmodifiableList(days);
    }
}
