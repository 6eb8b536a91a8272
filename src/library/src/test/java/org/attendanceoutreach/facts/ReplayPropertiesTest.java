package org.attendanceoutreach.facts;

import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.policy.Policy;
import org.attendanceoutreach.policy.PolicyException;
import org.attendanceoutreach.policy.PolicyFile;
import org.attendanceoutreach.school.Absence;
import org.attendanceoutreach.school.AbsenceReason;
import org.attendanceoutreach.school.AbsenceType;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.SchoolCalendar;
import org.attendanceoutreach.school.Student;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The day a need arose is the first enrolled school day, up to today, on which its condition held
 * for the record up to that day: at risk, chronic, severe (the share of enrolled days missed, once
 * the minimum of enrolled days is reached), still missing days (chronic and the recent school days'
 * days missed), family and community barriers, a health plan, housing, and the early warning of the
 * first weeks. The oracle counts every day from scratch; the facts replay the record once, and skip
 * the tests on a day the student was there when nothing can first hold on it. Policies are drawn
 * with every number the policy file allows near its smallest. (Broken on purpose once, the skip
 * allowed before the minimum of enrolled days was reached: a student who had missed enough before
 * the minimum was dated at risk from the next day missed, not from the day the minimum was reached.)
 */
class ReplayPropertiesTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 9, 7);
    private static final AbsenceType[] TYPES = {AbsenceType.UNEXCUSED, AbsenceType.EXCUSED, AbsenceType.UNEXCUSED, AbsenceType.TARDY};
    private static final double[] PORTIONS = {1.0, 1.0, 0.5, 0.25, 0.75}; // exact in binary: sums agree however they are added
    private static Catalog catalog;
    private int days;
    private int needs;
    private int skippedPolicies;

    @Test
    void eachNeedArisesOnTheFirstDayItsConditionHolds() throws Exception {
        catalog = Catalog.parse("catalog.json", Files.readString(Path.of("rules/catalog.json")));
        qt().withExamples(800).withShrinkCycles(20).forAll(longs().all()).checkAssert(this::check);
        assertTrue(days > 15_000, "school days compared: " + days);
        assertTrue(needs > 1_000, "needs dated: " + needs);
        assertTrue(skippedPolicies == 0, "policies the generator made invalid: " + skippedPolicies);
    }

    private void check(long seed) {
        Random r = new Random(seed);
        Policy policy = policy(r);
        if (policy == null) {
            skippedPolicies++;
            return;
        }
        Set<LocalDate> closed = new HashSet<>();
        for (int k = r.nextInt(4); k > 0; k--) {
            closed.add(FIRST.plusDays(r.nextInt(60)));
        }
        SchoolCalendar calendar = new SchoolCalendar(FIRST, LocalDate.of(2027, 6, 18), closed);
        LocalDate today = FIRST.plusDays(r.nextInt(90));
        School school = new School("T", today, calendar, "en", List.of());
        List<LocalDate> schoolDays = calendar.instructionalDays();
        LocalDate enrolledOn = r.nextInt(3) == 0 ? FIRST.plusDays(r.nextInt(40)) : null;
        LocalDate withdrawnOn = r.nextInt(6) == 0 ? today.minusDays(r.nextInt(20)) : null;
        if (enrolledOn != null && withdrawnOn != null && !withdrawnOn.isAfter(enrolledOn)) {
            withdrawnOn = null;
        }
        double chance = r.nextDouble() * 0.6;
        List<Absence> absences = new ArrayList<>();
        for (LocalDate d : schoolDays) {
            boolean enrolled = (enrolledOn == null || !d.isBefore(enrolledOn)) && (withdrawnOn == null || d.isBefore(withdrawnOn));
            if (enrolled && !d.isAfter(today.plusDays(5)) && r.nextDouble() < chance) {
                AbsenceReason reason = r.nextInt(4) == 0 ? null : AbsenceReason.values()[r.nextInt(AbsenceReason.values().length)];
                absences.add(new Absence(d, TYPES[r.nextInt(TYPES.length)], reason, PORTIONS[r.nextInt(PORTIONS.length)]));
            }
        }
        Student student = Student.builder("S-" + seed).enrolledOn(enrolledOn).withdrawnOn(withdrawnOn).absences(absences).build();
        StudentFacts f = new FactsCalculator(policy, catalog).compute(school, new SchoolDays(calendar), student);

        Map<String, LocalDate> expected = oracle(policy, schoolDays, today, enrolledOn, withdrawnOn, absences);
        Map<String, LocalDate> actual = new HashMap<>();
        actual.put("atRisk", f.getAtRiskSince());
        actual.put("chronic", f.getChronicSince());
        actual.put("severe", f.getSevereSince());
        actual.put("stillMissing", f.getStillMissingSince());
        actual.put("familyBarrier", f.getFamilyBarrierSince());
        actual.put("communityBarrier", f.getCommunityBarrierSince());
        actual.put("healthPlan", f.getHealthPlanSince());
        actual.put("housing", f.getHousingSince());
        actual.put("earlyWarning", f.getEarlyWarningSince());
        assertEquals(expected, actual, "seed " + seed);
        expected.values().forEach(d -> needs += d == null ? 0 : 1);
    }

    /** Each need's first day, every day counted from scratch (null: it never held). */
    private Map<String, LocalDate> oracle(Policy p, List<LocalDate> schoolDays, LocalDate today, LocalDate enrolledOn,
                                          LocalDate withdrawnOn, List<Absence> absences) {
        Map<LocalDate, Absence> byDay = new HashMap<>();
        absences.forEach(a -> byDay.put(a.date(), a));
        List<LocalDate> enrolled = new ArrayList<>();
        for (LocalDate d : schoolDays) {
            if ((enrolledOn == null || !d.isBefore(enrolledOn)) && (withdrawnOn == null || d.isBefore(withdrawnOn)) && !d.isAfter(today)) {
                enrolled.add(d);
            }
        }
        Map<String, LocalDate> first = new HashMap<>();
        for (String need : List.of("atRisk", "chronic", "severe", "stillMissing", "familyBarrier", "communityBarrier", "healthPlan",
                "housing", "earlyWarning")) {
            first.put(need, null);
        }
        for (int i = 0; i < enrolled.size(); i++) {
            days++;
            LocalDate day = enrolled.get(i);
            double missed = 0;
            double health = 0;
            double barrier = 0;
            double lately = 0;
            double early = 0;
            boolean housing = false;
            for (int j = 0; j <= i; j++) {
                Absence a = byDay.get(enrolled.get(j));
                if (a == null || !a.isDayMissed()) {
                    continue;
                }
                missed += a.portion();
                if (a.isForHealth()) {
                    health += a.portion();
                }
                AbsenceReason why = a.reason();
                if (why == AbsenceReason.TRANSPORTATION || why == AbsenceReason.FAMILY || why == AbsenceReason.HOUSING) {
                    barrier += a.portion();
                }
                if (i - j < p.recentSchoolDays()) {
                    lately += a.portion();
                }
                if (j < p.earlyWarningSchoolDays()) {
                    early += a.portion();
                }
                housing |= why == AbsenceReason.HOUSING;
            }
            Absence today_ = byDay.get(day);
            boolean missedToday = today_ != null && today_.isDayMissed();
            int count = i + 1;
            double rate = missed / count;
            boolean counts = count >= p.minimumEnrolledDays();
            mark(first, "atRisk", day, counts && rate >= p.atRiskFrom());
            mark(first, "chronic", day, counts && rate >= p.moderateChronicFrom());
            mark(first, "severe", day, counts && rate >= p.severeChronicFrom());
            mark(first, "stillMissing", day, counts && rate >= p.moderateChronicFrom() && lately >= p.stillMissingDays());
            mark(first, "familyBarrier", day, barrier >= p.familyBarrierDays());
            mark(first, "communityBarrier", day, barrier >= p.communityBarrierDays());
            mark(first, "healthPlan", day, health >= p.healthPlanMinimumDaysMissed() && health / missed >= p.mostlyIllnessShare());
            mark(first, "housing", day, housing);
            // the early warning is dated by a day missed in the first weeks
            mark(first, "earlyWarning", day, missedToday && i < p.earlyWarningSchoolDays() && early >= p.earlyWarningDaysMissed());
        }
        return first;
    }

    private static void mark(Map<String, LocalDate> first, String need, LocalDate day, boolean holds) {
        if (holds && first.get(need) == null) {
            first.put(need, day);
        }
    }

    /** The shipped policy with its attendance numbers drawn at random, the smallest the policy file allows included; null when invalid. */
    private static Policy policy(Random r) {
        int atRisk = 1 + r.nextInt(8);
        int moderate = atRisk + 1 + r.nextInt(8);
        int severe = moderate + 1 + r.nextInt(12);
        Map<String, String> v = new HashMap<>();
        v.put("at-risk-from", atRisk + "%");
        v.put("moderate-chronic-from", moderate + "%");
        v.put("severe-chronic-from", severe + "%");
        v.put("minimum-enrolled-days", String.valueOf(r.nextInt(4) == 0 ? 1 : 1 + r.nextInt(12)));
        v.put("recent-school-days", String.valueOf(1 + r.nextInt(25)));
        v.put("still-missing-days", String.valueOf(1 + r.nextInt(4)));
        v.put("family-barrier-days", String.valueOf(1 + r.nextInt(3)));
        v.put("community-barrier-days", String.valueOf(1 + r.nextInt(4)));
        v.put("health-plan-minimum-days-missed", String.valueOf(1 + r.nextInt(3)));
        v.put("mostly-illness-share", (25 + r.nextInt(4) * 25) + "%");
        v.put("early-warning-school-days", String.valueOf(1 + r.nextInt(25)));
        v.put("early-warning-days-missed", String.valueOf(1 + r.nextInt(3)));
        StringBuilder text = new StringBuilder();
        try {
            for (String line : Files.readAllLines(Path.of("rules/policy.properties"))) {
                String key = line.contains("=") ? line.substring(0, line.indexOf('=')).strip() : null;
                text.append(key != null && v.containsKey(key) && !line.startsWith("#") ? key + " = " + v.get(key) : line).append('\n');
            }
            return PolicyFile.parse("policy.properties", text.toString());
        } catch (PolicyException e) {
            return null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
