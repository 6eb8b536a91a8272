package org.attendanceoutreach;

import org.attendanceoutreach.result.DueStatus;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.result.Recommendation;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.AttendanceTier;
import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.catalog.Impact;
import org.attendanceoutreach.catalog.Practice;
import org.attendanceoutreach.output.ResultWriter;
import org.attendanceoutreach.policy.Policy;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.StudentInput;
import org.attendanceoutreach.school.Absence;
import org.attendanceoutreach.school.AbsenceReason;
import org.attendanceoutreach.school.AbsenceType;
import org.attendanceoutreach.school.ContactRole;
import org.attendanceoutreach.school.OutreachKind;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.Student;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.attendanceoutreach.Generated.cases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Properties of the attendance policy, checked over generated schools and students. Each one is
 * something a school would say of the policy, not a restatement of how the code computes it.
 */
class PolicyPropertiesTest {
    private static final int EXAMPLES = 150;
    private final OutreachEngine engine = TestEngine.get();
    private final Catalog catalog = engine.catalog();

    private StudentResult evaluate(Generated.Case c) {
        StudentResult r = engine.evaluate(c.school(), c.student());
        assertFalse(r.isError(), () -> "a valid generated student was rejected: " + r.error());
        return r;
    }

    @Test
    void theGeneratedStudentsReachEveryBranchThatMatters() {
        Map<AttendanceTier, Integer> tiers = new EnumMap<>(AttendanceTier.class);
        int absentToday = 0;
        int fosterWithEdm = 0;
        int beforeYear = 0;
        int interpreter = 0;
        Random seeds = new Random(42);
        for (int i = 0; i < 400; i++) {
            Generated.Case c = Generated.build(seeds.nextLong(), seeds.nextInt(81), seeds.nextInt(251) - 20, seeds.nextInt(256));
            StudentResult r = evaluate(c);
            tiers.merge(r.attendanceTier(), 1, Integer::sum);
            absentToday += absentToday(c).isPresent() ? 1 : 0;
            fosterWithEdm += fosterWithEdm(c) ? 1 : 0;
            beforeYear += c.school().asOf().isBefore(c.school().calendar().firstDay()) ? 1 : 0;
            interpreter += r.carrying("arrange-adult-interpreter").isPresent() || r.waiting("arrange-adult-interpreter").isPresent() ? 1 : 0;
        }
        for (AttendanceTier t : AttendanceTier.values()) {
            assertTrue(tiers.getOrDefault(t, 0) >= 10, "too few generated students are " + t + ": " + tiers);
        }
        assertTrue(absentToday >= 40, "absent today: " + absentToday);
        assertTrue(fosterWithEdm >= 20, "foster care with an EDM: " + fosterWithEdm);
        assertTrue(beforeYear >= 10, "before the school year: " + beforeYear);
        assertTrue(interpreter >= 40, "needing an interpreter: " + interpreter);
    }

    /**
     * More absences never lower a tier. One exception is the policy's own, and the property says it
     * exactly: support tier 3 "by follow-up" compares the share of days missed since a tier-2 support
     * started with the share before it, so another absence <em>before</em> the support started makes
     * the support look more effective: the student may lose the tier 3 that this rule gave, back to
     * what the other rules give (tier 2 when chronically absent, tier 1 for a student who attends
     * well: contract section 8 has no other condition), and only when no tier-2 support is
     * NOT_IMPROVING any more. The attendance tier itself never drops. Another absence on or after the start of every
     * support never lowers the support tier. (Found by QuickTheories seed 7940858145707, kept as a
     * fixed example below.)
     */
    @Test
    void anotherAbsenceNeverLowersTheAttendanceOrSupportTier() {
        anotherAbsenceNeverLowersATier(qt().withExamples(EXAMPLES), 3);
    }

    /** The seed that found the follow-up exception: its cases run every time. */
    @Test
    void anotherAbsenceBeforeASupportStartedMayOnlyUndoTheFollowUpsTierThree() {
        anotherAbsenceNeverLowersATier(qt().withFixedSeed(7940858145707L).withExamples(EXAMPLES), 1);
    }

    private void anotherAbsenceNeverLowersATier(org.quicktheories.QuickTheory theory, int minimumBefore) {
        int[] branch = new int[2]; // before a support started, not before any support
        theory.forAll(cases(), longs().all()).checkAssert((c, salt) -> {
            LocalDate day = Generated.freeDay(c, salt);
            if (day == null) {
                return;
            }
            StudentResult before = evaluate(c);
            List<Absence> more = new ArrayList<>(c.student().absences());
            more.add(new Absence(day, AbsenceType.UNEXCUSED));
            StudentResult after = evaluate(new Generated.Case(c.school(), c.student().withAbsences(more)));
            assertTrue(after.attendanceTier().severity() >= before.attendanceTier().severity(),
                    before.attendanceTier() + " became " + after.attendanceTier());
            if (beforeASupportStarted(c, day)) {
                branch[0]++;
                boolean followUpUndone = before.supportTier() == 3 && notImproving(before) && !notImproving(after);
                assertTrue(after.supportTier() >= before.supportTier() || followUpUndone,
                        before.supportTier() + " became " + after.supportTier() + ": " + before.progress() + " -> " + after.progress());
            } else {
                branch[1]++;
                assertTrue(after.supportTier() >= before.supportTier(), before.supportTier() + " became " + after.supportTier());
            }
        });
        // about half of the cases have a free school day to add an absence on, and about half of those fall before no support
        assertTrue(branch[0] >= minimumBefore && branch[1] >= 25, java.util.Arrays.toString(branch));
    }

    /** A tier-2 support in place is not improving (what support tier 3 by follow-up rests on). */
    private boolean notImproving(StudentResult r) {
        return r.progress().stream().anyMatch(p -> engine.catalog().get(p.intervention()).supportTier() == 2
                && p.trend() == org.attendanceoutreach.result.Trend.NOT_IMPROVING);
    }

    /** The day is before the start of a support in place (a mentor counts as one). */
    private static boolean beforeASupportStarted(Generated.Case c, LocalDate day) {
        Student s = c.student();
        if (s.mentor() != null && day.isBefore(s.mentor().assignedOn())) {
            return true;
        }
        return s.interventions().stream().anyMatch(i -> day.isBefore(i.startedOn()));
    }

    @Test
    void theOrderOfAbsencesAndStudentsNeverChangesTheOutput() {
        qt().withExamples(60).forAll(cases(), cases(), longs().all()).checkAssert((a, b, salt) -> {
            School school = a.school();
            Student first = a.student();
            Student second = new Student(b.student().studentId() + "-2", b.student().grade(), null, null,
                    b.student().context(), b.student().contacts(), List.of(), b.student().priorYearAbsenceRate(),
                    null, b.student().meetings(), b.student().outreach());
            List<Absence> shuffled = new ArrayList<>(first.absences());
            Collections.shuffle(shuffled, new Random(salt));
            String forward = json(school, List.of(first, second));
            String backward = json(school, List.of(second, first.withAbsences(shuffled)));
            assertEquals(forward, backward);
        });
    }

    @Test
    void aStudentAbsentTodayAlwaysHasACallInStepOne() {
        int[] branch = new int[3]; // absent and called, absent but already called today, not absent
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            StudentResult r = evaluate(c);
            Optional<Recommendation> call = r.recommendation("personal-call-home");
            if (absentToday(c).isPresent() && !withdrawn(c) && !calledToday(c)) {
                branch[0]++;
                Recommendation rec = call.orElseThrow(() -> new AssertionError("absent today but no personal call: " + r.recommendations()));
                assertEquals(1, rec.step(), "the call comes first");
                assertEquals(c.school().asOf(), rec.due());
                assertEquals(DueStatus.DUE, rec.status());
                assertEquals(c.school().asOf(), rec.since());
            } else {
                branch[absentToday(c).isPresent() ? 1 : 2]++;
                assertTrue(call.isEmpty(), "a same-day call for a student who is not absent today, or was already called: " + call);
            }
        });
        assertTrue(branch[0] >= 20 && branch[1] >= 3 && branch[2] >= 20, java.util.Arrays.toString(branch));
    }

    @Test
    void theSameDayPushIsOnlyForAnAbsenceWithoutAValidReasonAndOneCallDoesBoth() {
        int[] branch = new int[3]; // pushed, absent with a valid reason (excused, illness, suspension), not absent
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            StudentResult r = evaluate(c);
            Optional<Absence> today = absentToday(c);
            boolean noValidReason = today.isPresent() && today.get().type() == AbsenceType.UNEXCUSED
                    && today.get().reason() != AbsenceReason.ILLNESS && today.get().reason() != AbsenceReason.MEDICAL;
            boolean expected = noValidReason && !withdrawn(c) && !calledToday(c);
            branch[expected ? 0 : today.isPresent() ? 1 : 2]++;
            assertEquals(expected, r.carrying("same-day-return-problem-solving").isPresent(), "absent today: " + today);
            assertTrue(r.recommendation("same-day-return-problem-solving").isEmpty(), "never listed apart from the call");
            if (expected) {
                assertTrue(r.recommendation("personal-call-home").orElseThrow().covers().contains("same-day-return-problem-solving"));
            }
            if (today.isPresent() && today.get().type() == AbsenceType.SUSPENSION) {
                assertTrue(r.cautions().stream().noneMatch(x -> x.contains("misses them")), "no 'we miss them' for a suspension");
            }
        });
        assertTrue(branch[0] >= 10 && branch[1] >= 10 && branch[2] >= 20, java.util.Arrays.toString(branch));
    }

    @Test
    void aStudentWhoHasLeftTheSchoolGetsNoOutreach() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            StudentResult r = evaluate(c);
            if (withdrawn(c)) {
                assertEquals(List.of(), r.recommendations());
                assertEquals(List.of(), r.next());
            }
        });
    }

    @Test
    void aStudentInFosterCareIsAlwaysReachedThroughTheEducationDecisionMaker() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            if (!fosterWithEdm(c)) {
                return;
            }
            StudentResult r = evaluate(c);
            // reaching the EDM is part of the first contact with the family, or waits for the next one
            boolean inPlan = r.carrying("contact-education-decision-maker").isPresent()
                    || r.waiting("contact-education-decision-maker").isPresent();
            assertEquals(!withdrawn(c) && !afterTheYear(c), inPlan);
            assertTrue(r.recommendation("contact-education-decision-maker").isEmpty(), "never a call of its own");
            for (Recommendation rec : r.recommendations()) {
                if (rec.contactRole() != null) {
                    assertEquals(ContactRole.EDUCATION_DECISION_MAKER, rec.contactRole(), rec.intervention());
                }
            }
        });
    }

    @Test
    void everyRecommendationIsACatalogPracticeWithAReasonAndARule() {
        Set<String> rules = Set.copyOf(engine.rules().ruleNames());
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            StudentResult r = evaluate(c);
            for (Recommendation rec : r.recommendations()) {
                Practice p = catalog.find(rec.intervention()).orElseThrow(() -> new AssertionError("unknown " + rec.intervention()));
                assertEquals(p.strategy(), rec.strategy());
                assertEquals(p.impact(), rec.impact());
                assertFalse(rec.because().isEmpty(), rec.intervention() + " has no reason");
                rec.because().forEach(b -> assertFalse(b.isBlank()));
                for (String rule : rec.rule().split("; ")) {
                    assertTrue(rules.contains(rule), "no rule named " + rule);
                }
                assertNotNull(rec.owner());
                assertFalse(rec.since().isAfter(rec.due()), rec.intervention() + ": due before the need arose");
                DueStatus status = rec.due().isBefore(c.school().asOf()) ? DueStatus.OVERDUE
                        : rec.due().isEqual(c.school().asOf()) ? DueStatus.DUE : DueStatus.UPCOMING;
                assertEquals(status, rec.status(), rec.intervention());
                if (status != DueStatus.UPCOMING) {
                    assertEquals(1, rec.step(), rec.intervention() + " is due or overdue: step 1");
                }
            }
            assertEquals(sorted(r.recommendations()), r.recommendations(), "contract order: due, impact, id");
            int steps = (int) r.recommendations().stream().mapToInt(Recommendation::step).distinct().count();
            for (Recommendation rec : r.recommendations()) {
                assertTrue(rec.step() >= 1 && rec.step() <= steps, "steps are 1 … " + steps + " without gaps: " + rec);
            }
        });
    }

    @Test
    void noLowerImpactPracticeIsRecommendedWhereItsStrategysHigherImpactOneIs() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            StudentResult r = evaluate(c);
            for (Recommendation rec : r.recommendations()) {
                for (Recommendation other : r.recommendations()) {
                    assertFalse(catalog.get(other.intervention()).replaces().contains(rec.intervention()),
                            other.intervention() + " replaces " + rec.intervention());
                }
                assertFalse(rec.intervention().equals("automated-absence-call")
                        || rec.intervention().equals("call-after-three-consecutive-absences"), rec.intervention());
                if (rec.impact() != Impact.HIGH) {
                    assertTrue(r.recommendations().stream().noneMatch(o -> o.strategy() == rec.strategy()
                            && o.impact().isHigherThan(rec.impact())), rec.intervention() + " beside a higher-impact practice");
                }
            }
        });
    }

    @Test
    void anInterpreterIsNeededExactlyWhenTheFamilysLanguageDiffersFromTheSchools() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            StudentResult r = evaluate(c);
            for (Recommendation rec : r.recommendations()) {
                if (rec.language() != null) {
                    boolean differs = !primary(rec.language()).equals(primary(c.school().schoolLanguage()));
                    assertEquals(differs, rec.interpreterNeeded(), rec.intervention() + " in " + rec.language());
                    if (differs) {
                        assertTrue(r.cautions().stream().anyMatch(x -> x.contains("never the student")));
                    }
                }
            }
        });
    }

    @Test
    void theAttendanceTierIsThePolicyBandOfTheShareOfEnrolledDaysMissed() {
        Policy policy = engine.policy();
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            StudentResult r = evaluate(c);
            int enrolled = 0;
            for (LocalDate d : c.school().calendar().instructionalDays()) {
                if (!d.isAfter(c.school().asOf()) && (c.student().enrolledOn() == null || !d.isBefore(c.student().enrolledOn()))
                        && (c.student().withdrawnOn() == null || d.isBefore(c.student().withdrawnOn()))) {
                    enrolled++;
                }
            }
            double missed = c.student().absences().stream()
                    .filter(a -> !a.date().isAfter(c.school().asOf()) && a.type() != AbsenceType.TARDY && a.type() != AbsenceType.EARLY_DEPARTURE)
                    .mapToDouble(Absence::portion).sum();
            assertEquals(enrolled, r.daysEnrolled());
            assertEquals(missed, r.daysMissed(), 1e-9);
            double rate = enrolled == 0 ? 0 : missed / enrolled;
            AttendanceTier expected = enrolled < policy.minimumEnrolledDays() ? AttendanceTier.INSUFFICIENT_DATA
                    : rate >= policy.severeChronicFrom() ? AttendanceTier.SEVERE_CHRONIC
                    : rate >= policy.moderateChronicFrom() ? AttendanceTier.MODERATE_CHRONIC
                    : rate >= policy.atRiskFrom() ? AttendanceTier.AT_RISK : AttendanceTier.SATISFACTORY;
            assertEquals(expected, r.attendanceTier(), "rate " + rate + " over " + enrolled + " days");
            double prior = c.student().priorYearAbsenceRate() == null ? 0 : c.student().priorYearAbsenceRate();
            // a tier-2 support in place long enough that is not working (contract section 8), counted independently
            boolean notWorking = FollowUpOracle.tierThreeByFollowUp(c, policy, engine.catalog());
            int support = expected == AttendanceTier.SEVERE_CHRONIC || prior >= policy.supportTier3PriorYearFrom() || notWorking ? 3
                    : expected == AttendanceTier.MODERATE_CHRONIC || prior >= policy.supportTier2PriorYearFrom() ? 2 : 1;
            assertEquals(support, r.supportTier());
        });
    }

    @Test
    void aChronicallyAbsentStudentsFamilyHearsFromTheSchoolEveryMonth() {
        int[] branch = new int[3]; // letter due, letter already sent lately, not chronic
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            StudentResult r = evaluate(c);
            Optional<Recommendation> letter = r.recommendation("monthly-letter-and-follow-up-call");
            boolean chronic = r.attendanceTier().isChronic() && !withdrawn(c) && !afterTheYear(c);
            LocalDate lastMonth = c.school().asOf().withDayOfMonth(1).minusMonths(1);
            boolean sentLately = c.student().outreach().stream().anyMatch(o -> o.kind() == OutreachKind.LETTER
                    && !o.date().isAfter(c.school().asOf()) && !o.date().isBefore(lastMonth));
            if (letter.isPresent()) {
                assertTrue(chronic, "a letter for a student who is not chronically absent");
                LocalDate due = letter.get().due();
                assertFalse(due.isAfter(c.school().asOf().plusDays(14)), "due " + due);
                assertFalse(letter.get().since().isAfter(c.school().asOf()), "needed from a day that has come");
                branch[0]++;
            } else if (chronic) {
                assertTrue(sentLately, "chronically absent, no letter sent this month or last, yet no letter");
                branch[1]++;
            } else {
                branch[2]++;
            }
        });
        assertTrue(branch[0] >= 20 && branch[1] >= 1 && branch[2] >= 20, java.util.Arrays.toString(branch));
    }

    @Test
    void relationshipComesBeforeAHomeVisitAndTheNurseOnlyStepsInForIllness() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            StudentResult r = evaluate(c);
            boolean positiveContactSoFar = c.student().outreach().stream()
                    .anyMatch(o -> o.isPositiveContact() && !o.date().isAfter(c.school().asOf()))
                    || (c.student().mentor() != null && c.student().mentor().familyIntroducedOn() != null
                    && !c.student().mentor().assignedOn().isAfter(c.school().asOf())
                    && !c.student().mentor().familyIntroducedOn().isAfter(c.school().asOf()));
            if (r.recommendation("relational-home-visit").isPresent()) {
                assertEquals(3, r.supportTier());
            }
            if (r.supportTier() == 3 && !positiveContactSoFar && !withdrawn(c)) {
                assertTrue(r.recommendation("consult-staff-with-relationship").isPresent());
            }
            if (r.recommendation("nurse-health-attendance-plan").isPresent()) {
                double missed = c.student().absences().stream().filter(a -> a.isDayMissed() && !a.date().isAfter(c.school().asOf()))
                        .mapToDouble(Absence::portion).sum();
                double ill = c.student().absences().stream().filter(a -> a.isDayMissed() && a.isForHealth()
                        && !a.date().isAfter(c.school().asOf())).mapToDouble(Absence::portion).sum();
                assertTrue(ill >= engine.policy().healthPlanMinimumDaysMissed() && ill / missed >= engine.policy().mostlyIllnessShare(),
                        ill + " of " + missed + " days for illness");
                assertTrue(r.cautions().stream().anyMatch(x -> x.contains("permission")), "the parents' permission caution");
            }
        });
    }

    @Test
    void theSummerMeetingHappensOnlyBeforeTheFirstDayAndHomelessStudentsMeetTheLiaison() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            StudentResult r = evaluate(c);
            r.recommendation("summer-transition-meeting").ifPresent(m -> {
                if (c.school().asOf().isBefore(c.school().calendar().firstDay())) {
                    assertTrue(m.due().isBefore(c.school().calendar().firstDay()), "before the year starts");
                    assertTrue(m.due().getDayOfWeek().getValue() <= 5, "a weekday");
                } else {
                    // the invitation in the last weeks of the year, for next summer
                    assertTrue(r.attendanceTier().isChronic(), "chronically absent this year");
                    assertEquals(lastSchoolDay(c), m.due(), "invited while the child is still in school");
                    assertTrue(schoolDaysLeft(c) <= engine.policy().lastWeeksSchoolDays());
                }
            });
            if (c.student().context().homeless() && !withdrawn(c) && !afterTheYear(c)) {
                // (a support already in place is not recommended again: FollowUpPropertiesTest)
                assertTrue(r.recommendation("mckinney-vento-liaison").isPresent() || inPlace(c, "mckinney-vento-liaison"));
                assertTrue(r.recommendation("community-resource-connection").isPresent() || inPlace(c, "community-resource-connection"));
            }
        });
    }

    static Optional<Absence> absentToday(Generated.Case c) {
        return c.student().absences().stream().filter(a -> a.date().equals(c.school().asOf()) && a.isDayMissed()).findFirst();
    }

    static boolean calledToday(Generated.Case c) {
        return c.student().outreach().stream().anyMatch(o -> o.kind() == OutreachKind.PERSONAL_CALL && o.date().equals(c.school().asOf()));
    }

    /** Whether the practice is on record as a support not ended by today (then it is not recommended again). */
    static boolean inPlace(Generated.Case c, String intervention) {
        return FollowUpOracle.supports(c.student(), c.school().asOf()).stream().anyMatch(x -> x.intervention().equals(intervention)
                && (x.endedOn() == null || !x.endedOn().isBefore(c.school().asOf())));
    }

    static boolean afterTheYear(Generated.Case c) {
        return c.school().asOf().isAfter(c.school().calendar().lastDay());
    }

    static LocalDate lastSchoolDay(Generated.Case c) {
        List<LocalDate> days = c.school().calendar().instructionalDays();
        return days.get(days.size() - 1);
    }

    static int schoolDaysLeft(Generated.Case c) {
        return (int) c.school().calendar().instructionalDays().stream().filter(d -> d.isAfter(c.school().asOf())).count();
    }

    static boolean withdrawn(Generated.Case c) {
        return c.student().withdrawnOn() != null && !c.student().withdrawnOn().isAfter(c.school().asOf());
    }

    static boolean fosterWithEdm(Generated.Case c) {
        return c.student().context().fosterCare()
                && c.student().contacts().stream().anyMatch(k -> k.role() == ContactRole.EDUCATION_DECISION_MAKER);
    }

    private static List<Recommendation> sorted(List<Recommendation> recs) {
        List<Recommendation> copy = new ArrayList<>(recs);
        copy.sort(Recommendation.ORDER);
        return copy;
    }

    private static String primary(String tag) {
        return tag.split("-")[0].toLowerCase(Locale.ROOT);
    }

    private String json(School school, List<Student> students) {
        List<StudentInput> inputs = students.stream().map(StudentInput::of).toList();
        SchoolResult result = engine.evaluate(new SchoolFile("generated.json", school, inputs, List.of()));
        StringWriter w = new StringWriter();
        try {
            ResultWriter.json(List.of(result), w);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return w.toString();
    }
}
