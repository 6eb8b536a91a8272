package org.attendanceoutreach.output;

import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.catalog.Owner;
import org.attendanceoutreach.catalog.Practice;
import org.attendanceoutreach.facts.SchoolDays;
import org.attendanceoutreach.result.Recommendation;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.school.School;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Each staff role's work for the next five school days, in minutes, from the plan: every recommendation
 * counts its practice's estimated {@code minutes} (catalog) on the day it is due, and what is due today or
 * overdue counts today. A covered practice adds nothing (the covering one is the action). A student who
 * could not be evaluated but is absent today adds today's call. Compared with the policy's
 * {@code staff-minutes-per-day}: a day over it needs more than one person in that role.
 *
 * @param days    the school days, from the first on or after the as-of day (fewer near the end of the year)
 * @param minutes per role, the minutes of each of those days; roles with no work are left out
 * @param limit   the policy's minutes one staff member gives the plan in a day
 */
record WeekLoad(List<LocalDate> days, Map<Owner, int[]> minutes, int limit) {
    static final int SCHOOL_DAYS = 5;

    static WeekLoad of(SchoolResult result, School school, List<CallList.Call> calls, Catalog catalog, int limit) {
        List<LocalDate> days = new ArrayList<>();
        SchoolDays schoolDays = new SchoolDays(school.calendar());
        LocalDate d = result.asOf() == null ? null : schoolDays.onOrAfter(result.asOf());
        while (d != null && days.size() < SCHOOL_DAYS) {
            days.add(d);
            d = schoolDays.onOrAfter(d.plusDays(1));
        }
        Map<Owner, int[]> minutes = new EnumMap<>(Owner.class);
        if (days.isEmpty()) {
            return new WeekLoad(List.of(), minutes, limit);
        }
        for (StudentResult s : result.students()) {
            for (Recommendation r : s.recommendations()) {
                int i = r.due().isAfter(days.get(0)) ? days.indexOf(r.due()) : 0;
                if (i >= 0) {
                    add(minutes, r.owner(), i, catalog.find(r.intervention()).map(Practice::minutes).orElse(0));
                }
            }
        }
        for (CallList.Call c : calls) {
            if (!c.evaluated()) {
                for (String id : c.interventions()) {
                    add(minutes, c.owner(), 0, catalog.find(id).map(Practice::minutes).orElse(0));
                }
            }
        }
        return new WeekLoad(List.copyOf(days), minutes, limit);
    }

    private static void add(Map<Owner, int[]> minutes, Owner owner, int day, int m) {
        if (m > 0) {
            minutes.computeIfAbsent(owner, o -> new int[SCHOOL_DAYS])[day] += m;
        }
    }

    /** How many people of a role a day's minutes need at the policy's minutes each (at least 1 when there is work). */
    int people(int dayMinutes) {
        return limit <= 0 ? 1 : (dayMinutes + limit - 1) / limit;
    }
}
