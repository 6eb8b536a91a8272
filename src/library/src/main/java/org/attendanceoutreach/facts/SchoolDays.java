package org.attendanceoutreach.facts;

import org.attendanceoutreach.school.SchoolCalendar;

import java.time.LocalDate;
import java.util.List;

/**
 * The instructional days of a calendar as a sorted array, for fast counting, with a table from each
 * calendar day of the year to its place among them (made once per calendar, so finding a day is one
 * array read, not a search, for every absence of every student). Immutable.
 */
public final class SchoolDays {
    private final SchoolCalendar calendar;
    private final long[] days;
    private final LocalDate[] dates;
    /** The epoch day of {@code table[0]}: the first school day. */
    private final long base;
    /** For each calendar day from the first school day to the last: its index when a school day, else -(the next one's index) - 1. */
    private final int[] table;

    public SchoolDays(SchoolCalendar calendar) {
        this.calendar = calendar;
        List<LocalDate> list = calendar.instructionalDays();
        this.days = new long[list.size()];
        this.dates = list.toArray(new LocalDate[0]);
        for (int i = 0; i < days.length; i++) {
            days[i] = list.get(i).toEpochDay();
        }
        this.base = days.length == 0 ? 0 : days[0];
        this.table = new int[days.length == 0 ? 0 : (int) (days[days.length - 1] - base + 1)];
        for (int i = 0, k = 0; i < table.length; i++) {
            table[i] = days[k] == base + i ? k++ : -k - 1;
        }
    }

    /** What {@code Arrays.binarySearch(days, d)} gives, by the table for the days of the year. */
    private int search(long d) {
        long at = d - base;
        if (at >= 0 && at < table.length) {
            return table[(int) at];
        }
        return at < 0 ? -1 : -days.length - 1;
    }

    public SchoolCalendar calendar() {
        return calendar;
    }

    public boolean isSchoolDay(LocalDate d) {
        return search(d.toEpochDay()) >= 0;
    }

    /** Index of {@code d} among the school days, or -1 when it is not one. */
    int indexOf(LocalDate d) {
        int i = search(d.toEpochDay());
        return i >= 0 ? i : -1;
    }

    /** Index of the first school day on or after {@code d} (may be {@code size()}). */
    int firstOnOrAfter(LocalDate d) {
        int i = search(d.toEpochDay());
        return i >= 0 ? i : -i - 1;
    }

    /** Index of the last school day on or before {@code d} (may be -1). */
    int lastOnOrBefore(LocalDate d) {
        int i = search(d.toEpochDay());
        return i >= 0 ? i : -i - 2;
    }

    LocalDate day(int index) {
        return dates[index];
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

    /** The first school day on or after {@code d}, or null when the year has none left. */
    public LocalDate onOrAfter(LocalDate d) {
        int i = firstOnOrAfter(d);
        return i < days.length ? day(i) : null;
    }

    /** The last school day on or before {@code d}, or null when the year has none before it. */
    public LocalDate onOrBefore(LocalDate d) {
        int i = lastOnOrBefore(d);
        return i >= 0 ? day(i) : null;
    }

    /** The first school day of the year (null: the calendar has none). */
    public LocalDate first() {
        return days.length == 0 ? null : day(0);
    }

    /** The last school day of the year (null: the calendar has none). */
    public LocalDate last() {
        return days.length == 0 ? null : day(days.length - 1);
    }

    /** School days after {@code d} up to the end of the year. */
    public int leftAfter(LocalDate d) {
        return days.length - 1 - lastOnOrBefore(d);
    }

    /** The school day from which {@code n} or fewer school days are left in the year (null: no school days). */
    public LocalDate lastWeeksBegin(int n) {
        if (days.length == 0) {
            return null;
        }
        return day(Math.max(0, days.length - 1 - Math.max(0, n)));
    }

    /** The first school day of {@code d}'s month when it is not after {@code d}, else the first of the month before. */
    public LocalDate schoolMonthStartedOn(LocalDate d) {
        int i = firstOnOrAfter(d.withDayOfMonth(1));
        if (i < days.length && !day(i).isAfter(d)) {
            return day(i);
        }
        int j = firstOnOrAfter(d.withDayOfMonth(1).minusMonths(1));
        return j < days.length && !day(j).isAfter(d) ? day(j) : d;
    }

    /**
     * A deadline: the school day {@code n} school days after the first school day on or after
     * {@code since}, never after the last school day of the year; the last school day when the year
     * has no school day on or after {@code since} (a weekend or closed days between the last school
     * day and the calendar's last day). {@code since} itself only when the calendar has no school day.
     */
    public LocalDate deadline(LocalDate since, int n) {
        if (days.length == 0) {
            return since;
        }
        int i = firstOnOrAfter(since);
        return day(Math.min(days.length - 1, i + Math.max(0, n)));
    }

    /** Whether {@code n} school days after the first school day on or after {@code since} is still in the year. */
    public boolean fitsInYear(LocalDate since, int n) {
        return firstOnOrAfter(since) + Math.max(0, n) <= days.length - 1;
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
