package org.attendanceoutreach.facts;

import org.attendanceoutreach.school.SchoolCalendar;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** The instructional days of a calendar as a sorted array, for fast counting. Immutable. */
public final class SchoolDays {
    private final SchoolCalendar calendar;
    private final long[] days;

    public SchoolDays(SchoolCalendar calendar) {
        this.calendar = calendar;
        List<LocalDate> list = calendar.instructionalDays();
        this.days = new long[list.size()];
        for (int i = 0; i < days.length; i++) {
            days[i] = list.get(i).toEpochDay();
        }
    }

    public SchoolCalendar calendar() {
        return calendar;
    }

    public boolean isSchoolDay(LocalDate d) {
        return Arrays.binarySearch(days, d.toEpochDay()) >= 0;
    }

    /** Index of {@code d} among the school days, or -1 when it is not one. */
    int indexOf(LocalDate d) {
        int i = Arrays.binarySearch(days, d.toEpochDay());
        return i >= 0 ? i : -1;
    }

    /** Index of the first school day on or after {@code d} (may be {@code size()}). */
    int firstOnOrAfter(LocalDate d) {
        int i = Arrays.binarySearch(days, d.toEpochDay());
        return i >= 0 ? i : -i - 1;
    }

    /** Index of the last school day on or before {@code d} (may be -1). */
    int lastOnOrBefore(LocalDate d) {
        int i = Arrays.binarySearch(days, d.toEpochDay());
        return i >= 0 ? i : -i - 2;
    }

    LocalDate day(int index) {
        return LocalDate.ofEpochDay(days[index]);
    }

    int size() {
        return days.length;
    }

    /**
     * The school day {@code n} school days after {@code from} (the first school day after
     * {@code from} is 1). Past the last day of the year it counts weekdays.
     */
    public LocalDate plusSchoolDays(LocalDate from, int n) {
        int i = lastOnOrBefore(from);
        int target = i + n;
        if (target < days.length && target >= 0) {
            return day(target);
        }
        LocalDate d = from;
        for (int k = 0; k < n; k++) {
            d = d.plusDays(1);
            while (d.getDayOfWeek().getValue() >= 6) {
                d = d.plusDays(1);
            }
        }
        return d;
    }

    /** The first school day of the month after {@code d}'s, or of {@code d}'s month when {@code d} is it. */
    public LocalDate firstSchoolDayOfMonthFrom(LocalDate d) {
        int i = firstOnOrAfter(d.withDayOfMonth(1));
        if (i < days.length && day(i).equals(d)) {
            return d;
        }
        LocalDate next = d.withDayOfMonth(1).plusMonths(1);
        int j = firstOnOrAfter(next);
        return j < days.length ? day(j) : next;
    }
}
