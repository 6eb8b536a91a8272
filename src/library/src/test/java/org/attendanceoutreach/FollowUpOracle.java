package org.attendanceoutreach;

import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.policy.Policy;
import org.attendanceoutreach.result.Trend;
import org.attendanceoutreach.school.Absence;
import org.attendanceoutreach.school.Intervention;
import org.attendanceoutreach.school.Student;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent count of a student's progress (contract section 8), day by day over the calendar's
 * dates, sharing no code with {@code facts.FactsCalculator}: which supports are in place, the enrolled
 * school days before each started and since, the shares missed, the trend, and whether support tier 3
 * by follow-up is due.
 */
final class FollowUpOracle {
    /** What the count finds for one support in place that has started. */
    record Expected(String intervention, LocalDate startedOn, int daysBefore, int daysSince, Double rateBefore, Double rateSince,
                    Trend trend) {
    }

    private FollowUpOracle() {
    }

    /** The supports on record: interventions[], or the mentor as a success mentor when interventions[] has none. */
    static List<Intervention> supports(Student s, LocalDate today) {
        List<Intervention> all = new ArrayList<>(s.interventions());
        boolean recorded = all.stream().anyMatch(x -> x.intervention().equals("success-mentor"));
        if (s.mentor() != null && !recorded && !s.mentor().assignedOn().isAfter(today)) {
            all.add(new Intervention("success-mentor", s.mentor().assignedOn(), null));
        }
        return all;
    }

    /** Progress of every support started by today and not ended before it. */
    static List<Expected> progress(Generated.Case c, Policy policy) {
        LocalDate today = c.school().asOf();
        Student s = c.student();
        Map<LocalDate, Double> missed = new HashMap<>();
        for (Absence a : s.absences()) {
            if (a.isDayMissed()) {
                missed.put(a.date(), a.portion());
            }
        }
        List<LocalDate> enrolled = new ArrayList<>();
        for (LocalDate d : c.school().calendar().instructionalDays()) {
            boolean in = (s.enrolledOn() == null || !d.isBefore(s.enrolledOn())) && (s.withdrawnOn() == null || d.isBefore(s.withdrawnOn()));
            if (in && !d.isAfter(today)) {
                enrolled.add(d);
            }
        }
        List<Expected> out = new ArrayList<>();
        for (Intervention x : supports(s, today)) {
            if (x.startedOn().isAfter(today) || (x.endedOn() != null && x.endedOn().isBefore(today))) {
                continue;
            }
            int before = 0;
            int since = 0;
            double missedBefore = 0;
            double missedSince = 0;
            for (LocalDate d : enrolled) {
                if (d.isBefore(x.startedOn())) {
                    before++;
                    missedBefore += missed.getOrDefault(d, 0.0);
                } else {
                    since++;
                    missedSince += missed.getOrDefault(d, 0.0);
                }
            }
            Double rateBefore = before == 0 ? null : missedBefore / before;
            Double rateSince = since == 0 ? null : missedSince / since;
            Double baseline = rateBefore != null ? rateBefore : s.priorYearAbsenceRate();
            Trend trend;
            if (since < policy.followUpMinimumSchoolDays() || rateSince == null) {
                trend = Trend.TOO_EARLY;
            } else if (baseline == null) {
                trend = rateSince < policy.atRiskFrom() ? Trend.IMPROVING : Trend.NOT_IMPROVING;
            } else {
                trend = baseline - rateSince >= policy.followUpImprovementMargin() - 1e-9 ? Trend.IMPROVING : Trend.NOT_IMPROVING;
            }
            out.add(new Expected(x.intervention(), x.startedOn(), before, since, rateBefore, rateSince, trend));
        }
        return out;
    }

    /** Whether a tier-2 support is in place long enough and not improving (contract section 8). */
    static boolean tierThreeByFollowUp(Generated.Case c, Policy policy, Catalog catalog) {
        for (Expected e : progress(c, policy)) {
            if (catalog.get(e.intervention()).supportTier() == 2 && e.trend() == Trend.NOT_IMPROVING
                    && e.daysSince() >= policy.followUpMinimumSchoolDays()) {
                return true;
            }
        }
        return false;
    }
}
