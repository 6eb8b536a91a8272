package org.attendanceoutreach;

import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.catalog.Owner;
import org.attendanceoutreach.catalog.Practice;
import org.attendanceoutreach.result.AttendanceTier;
import org.attendanceoutreach.result.DueStatus;
import org.attendanceoutreach.result.NextStep;
import org.attendanceoutreach.result.Recommendation;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.school.Absence;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.Student;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.attendanceoutreach.Generated.casesAllYear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * Properties of a student's plan (contract section 8), over generated students on any day from the
 * summer before the year to after its last day. Each counts that the generated students reach the
 * branches it is about, and fails when they do not.
 */
class PlanPropertiesTest {
    private static final int EXAMPLES = 200;
    private final OutreachEngine engine = TestEngine.get();
    private final Catalog catalog = engine.catalog();

    private StudentResult evaluate(School school, Student student) {
        StudentResult r = engine.evaluate(school, student);
        assertFalse(r.isError(), () -> "a valid generated student was rejected: " + r.error());
        return r;
    }

    private StudentResult evaluate(Generated.Case c) {
        return evaluate(c.school(), c.student());
    }

    @Test
    void everyDueDateIsASchoolDayOfTheYear() {
        int[] branch = new int[4]; // overdue, due by the last day (clamped), before the year (summer meeting), after the year
        qt().withExamples(EXAMPLES).forAll(casesAllYear()).checkAssert(c -> dueDatesAreSchoolDays(c, branch));
        qt().withExamples(EXAMPLES).forAll(Generated.casesNearTheEnd()).checkAssert(c -> dueDatesAreSchoolDays(c, branch));
        assertTrue(branch[0] >= 50 && branch[1] >= 3 && branch[2] >= 3 && branch[3] >= 5, java.util.Arrays.toString(branch));
    }

    /**
     * Cases QuickTheories once found (its seeds are random, so they are checked on every run): a
     * calendar whose last day is a Sunday, "today" the Saturday or Sunday after the last school day,
     * and a wrong number logged that weekend. {@code find-working-phone-number} was due that day
     * (a weekend): with no school day left on or after the day the need arose, the deadline was that
     * day itself. Now it is the last school day, said in the reasons, and the need dates from it.
     */
    @Test
    void aNeedArisingAfterTheLastSchoolDayIsDueByTheLastSchoolDay() {
        int[][] found = {{2375, 0, 274, 255}, {2375, 0, 275, 255}, {2375, 0, 274, 200}, {2375, 0, 275, 200},
                {3085, 0, 285, 0}, {3085, 0, 286, 0}, {3085, 67, 285, 0}, {3085, 67, 286, 255}};
        int[] branch = new int[4];
        for (int[] f : found) {
            Generated.Case c = Generated.build(f[0], f[1], f[2], f[3]);
            LocalDate last = PolicyPropertiesTest.lastSchoolDay(c);
            assertTrue(c.school().asOf().isAfter(last) && !PolicyPropertiesTest.afterTheYear(c), "the weekend after the last school day: " + c);
            dueDatesAreSchoolDays(c, branch);
            Recommendation phone = evaluate(c).recommendation("find-working-phone-number").orElseThrow();
            assertEquals(last, phone.due());
            assertEquals(last, phone.since());
            assertEquals(DueStatus.OVERDUE, phone.status());
            assertTrue(phone.because().contains("due by the last school day, " + last), phone.because().toString());
        }
    }

    private void dueDatesAreSchoolDays(Generated.Case c, int[] branch) {
        {
            StudentResult r = evaluate(c);
            Set<LocalDate> schoolDays = Set.copyOf(c.school().calendar().instructionalDays());
            LocalDate last = PolicyPropertiesTest.lastSchoolDay(c);
            if (PolicyPropertiesTest.afterTheYear(c)) {
                branch[3]++;
                assertEquals(List.of(), r.recommendations(), "after the last day, in-year practices stop");
            }
            for (Recommendation rec : r.recommendations()) {
                if (!catalog.get(rec.intervention()).inYear()) {
                    branch[2]++;
                    assertTrue(rec.due().getDayOfWeek().getValue() <= 5, "a weekday: " + rec);
                    continue;
                }
                assertTrue(schoolDays.contains(rec.due()), rec.intervention() + " due on " + rec.due() + ", not a school day");
                assertFalse(rec.due().isAfter(last), "due after the last school day: " + rec);
                branch[0] += rec.status() == DueStatus.OVERDUE ? 1 : 0;
                branch[1] += rec.because().stream().anyMatch(b -> b.startsWith("due by the last school day")) ? 1 : 0;
            }
        }
    }

    @Test
    void deadlinesDoNotSlide() {
        int[] compared = new int[2]; // recommendations compared, of which overdue on the first day
        qt().withExamples(EXAMPLES).forAll(casesAllYear(), integers().between(1, 15)).checkAssert((c, later) -> {
            LocalDate today = c.school().asOf();
            LocalDate tomorrow = today.plusDays(later);
            if (today.isBefore(c.school().calendar().firstDay()) || tomorrow.isAfter(c.school().calendar().lastDay())) {
                return;
            }
            // the same record: nothing happens after today (no absence, outreach, mentor or meeting added later)
            Student s = c.student();
            Student same = new Student(s.studentId(), s.grade(), s.enrolledOn(), s.withdrawnOn(), s.context(), s.contacts(),
                    s.absences().stream().filter(a -> !a.date().isAfter(today)).toList(), s.priorYearAbsenceRate(),
                    s.mentor() != null && s.mentor().assignedOn().isAfter(today) ? null : s.mentor(),
                    s.meetings(), s.outreach().stream().filter(o -> !o.date().isAfter(today)).toList());
            StudentResult now = evaluate(c.school(), same);
            StudentResult then = evaluate(c.school().withAsOf(tomorrow), same);
            for (Recommendation a : now.recommendations()) {
                for (Recommendation b : then.recommendations()) {
                    if (a.intervention().equals(b.intervention()) && a.since().equals(b.since()) && a.rule().equals(b.rule())) {
                        compared[0]++;
                        compared[1] += a.status() == DueStatus.OVERDUE ? 1 : 0;
                        assertEquals(a.due(), b.due(), a.intervention() + " needed since " + a.since() + ": due on "
                                + today + " was " + a.due() + ", on " + tomorrow + " " + b.due());
                    }
                }
            }
        });
        assertTrue(compared[0] >= 100 && compared[1] >= 30, java.util.Arrays.toString(compared));
    }

    @Test
    void noIntensivePracticeWithoutAPositiveContactUnlessSeverelyChronicOrOnALongRun() {
        int[] branch = new int[5]; // held; recommended after a contact, severe, else on a long run; on a long run at all
        qt().withExamples(EXAMPLES).forAll(casesAllYear()).checkAssert(c -> {
            StudentResult r = evaluate(c);
            boolean contact = positiveContactSoFar(c);
            boolean severe = r.attendanceTier() == AttendanceTier.SEVERE_CHRONIC;
            boolean run = runUpToToday(c) >= engine.policy().longAbsenceRun();
            for (Recommendation rec : r.recommendations()) {
                if (catalog.get(rec.intervention()).intensive()) {
                    assertTrue(contact || severe || run, rec.intervention() + " without a positive contact, not severe, no long run");
                    branch[contact ? 1 : severe ? 2 : 3]++;
                    branch[4] += run ? 1 : 0;
                }
                for (String covered : rec.covers()) {
                    assertTrue(!catalog.get(covered).intensive() || contact || severe || run, covered);
                }
            }
            for (NextStep n : r.next()) {
                if (catalog.get(n.intervention()).intensive()) {
                    assertFalse(contact || severe || run, n.intervention() + " waits although it need not");
                    assertEquals("a positive contact with the family", n.after());
                    branch[0]++;
                }
            }
        });
        // (long runs without a positive contact and below severe are rare in generated students: branch 3 is not required)
        assertTrue(branch[0] >= 20 && branch[1] >= 20 && branch[2] >= 20 && branch[4] >= 3, java.util.Arrays.toString(branch));
    }

    @Test
    void aPracticeCoveredByAnotherIsNeverListedAlone() {
        // a recommendation covering another, the interpreter joined to a contact, waiting for a contact (rare: one
        // generated student in 40 or so; with 200 examples a run once met none, so this property runs four times as many)
        int[] branch = new int[3];
        qt().withExamples(4 * EXAMPLES).forAll(casesAllYear()).checkAssert(c -> {
            StudentResult r = evaluate(c);
            Set<String> listed = new TreeSet<>();
            r.recommendations().forEach(rec -> listed.add(rec.intervention()));
            for (Recommendation rec : r.recommendations()) {
                Practice p = catalog.get(rec.intervention());
                assertFalse(p.joinsFirstContact(), rec.intervention() + " is part of a contact, never a task of its own");
                for (String covered : p.covers()) {
                    assertFalse(listed.contains(covered), covered + " listed beside " + rec.intervention() + ", which covers it");
                }
                for (String covered : rec.covers()) {
                    assertFalse(listed.contains(covered), covered + " listed although " + rec.intervention() + " covers it");
                }
                branch[0] += rec.covers().isEmpty() ? 0 : 1;
                branch[1] += rec.covers().contains("arrange-adult-interpreter") ? 1 : 0;
                if (rec.covers().stream().anyMatch(x -> catalog.get(x).joinsFirstContact())) {
                    assertTrue(p.reachesFamily(), "joined to " + rec.intervention() + ", which does not reach the family");
                }
            }
            branch[2] += r.waiting("arrange-adult-interpreter").isPresent() ? 1 : 0;
        });
        assertTrue(branch[0] >= 30 && branch[1] >= 10 && branch[2] >= 1, java.util.Arrays.toString(branch));
    }

    @Test
    void oneCallerMakesAllOfAFamilysCallsOfOneDay() {
        int[] branch = new int[2]; // days with several calls, of which the case owner is the mentor
        qt().withExamples(EXAMPLES).forAll(casesAllYear()).checkAssert(c -> {
            StudentResult r = evaluate(c);
            Map<LocalDate, Set<Owner>> byDay = new HashMap<>();
            Map<LocalDate, Integer> count = new HashMap<>();
            for (Recommendation rec : r.recommendations()) {
                if (catalog.get(rec.intervention()).call()) {
                    LocalDate day = rec.status() == DueStatus.UPCOMING ? rec.due() : c.school().asOf();
                    byDay.computeIfAbsent(day, d -> new TreeSet<>()).add(rec.owner());
                    count.merge(day, 1, Integer::sum);
                }
            }
            byDay.forEach((day, owners) -> {
                assertEquals(1, owners.size(), "calls on " + day + " by " + owners);
                if (count.get(day) > 1) {
                    branch[0]++;
                    branch[1] += owners.contains(Owner.MENTOR) ? 1 : 0;
                }
            });
        });
        assertTrue(branch[0] >= 20 && branch[1] >= 3, java.util.Arrays.toString(branch));
    }

    static boolean positiveContactSoFar(Generated.Case c) {
        LocalDate today = c.school().asOf();
        boolean outreach = c.student().outreach().stream().anyMatch(o -> o.isPositiveContact() && !o.date().isAfter(today));
        boolean mentor = c.student().mentor() != null && !c.student().mentor().assignedOn().isAfter(today)
                && c.student().mentor().familyIntroducedOn() != null && !c.student().mentor().familyIntroducedOn().isAfter(today);
        return outreach || mentor;
    }

    /** School days missed in a row (half a day or more each) up to today, for a student enrolled today. */
    static int runUpToToday(Generated.Case c) {
        if (PolicyPropertiesTest.withdrawn(c)) {
            return 0;
        }
        Map<LocalDate, Absence> missed = new HashMap<>();
        c.student().absences().stream().filter(Absence::isDayMissed).forEach(a -> missed.put(a.date(), a));
        List<LocalDate> days = c.school().calendar().instructionalDays().stream().filter(d -> !d.isAfter(c.school().asOf()))
                .filter(d -> c.student().enrolledOn() == null || !d.isBefore(c.student().enrolledOn())).toList();
        int run = 0;
        for (int i = days.size() - 1; i >= 0 && missed.containsKey(days.get(i)) && missed.get(days.get(i)).portion() >= 0.5; i--) {
            run++;
        }
        return run;
    }
}
