package org.attendanceoutreach;

import org.attendanceoutreach.policy.Policy;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.facts.SchoolDays;
import org.attendanceoutreach.facts.StudentFacts;
import org.attendanceoutreach.school.Absence;
import org.attendanceoutreach.school.AbsenceReason;
import org.attendanceoutreach.school.AbsenceType;
import org.attendanceoutreach.school.Contact;
import org.attendanceoutreach.school.ContactRole;
import org.attendanceoutreach.school.Mentor;
import org.attendanceoutreach.school.OutreachKind;
import org.attendanceoutreach.school.OutreachOutcome;
import org.attendanceoutreach.school.OutreachRecord;
import org.attendanceoutreach.school.PhoneStatus;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.SchoolCalendar;
import org.attendanceoutreach.school.Student;
import org.attendanceoutreach.school.StudentContext;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/** The attendance facts, computed in Java before any rule runs. */
class FactsCalculatorTest {
    // Mon 2026-09-07 is the first day; Wed 2026-09-16 is closed. Today is Fri 2026-09-25.
    private static final SchoolCalendar CALENDAR = new SchoolCalendar(LocalDate.of(2026, 9, 7), LocalDate.of(2027, 6, 18),
            Set.of(LocalDate.of(2026, 9, 16)));
    private static final School SCHOOL = new School("T", LocalDate.of(2026, 9, 25), CALENDAR, "en", List.of());
    private static final SchoolDays DAYS = new SchoolDays(CALENDAR);

    private static StudentFacts facts(Student s) {
        return TestEngine.get().rules().facts(SCHOOL, DAYS, s);
    }

    private static Absence day(int dayOfSeptember, AbsenceType type) {
        return new Absence(LocalDate.of(2026, 9, dayOfSeptember), type);
    }

    @Test
    void enrolledDaysAreTheInstructionalDaysUpToToday() {
        // 3 weeks of 5 days, minus the closed Wednesday
        assertEquals(14, facts(Student.withId("A")).getDaysEnrolled());
        Student late = new Student("B", null, LocalDate.of(2026, 9, 21), null, null, null, null, null, null, null, null);
        assertEquals(5, facts(late).getDaysEnrolled());
        Student gone = new Student("C", null, null, LocalDate.of(2026, 9, 14), null, null, null, null, null, null, null);
        assertEquals(5, facts(gone).getDaysEnrolled());
    }

    @Test
    void partialDaysCountByPortionAndTardiesDoNotCount() {
        Student s = Student.withId("A").withAbsences(List.of(
                day(8, AbsenceType.UNEXCUSED), new Absence(LocalDate.of(2026, 9, 9), AbsenceType.EXCUSED, AbsenceReason.ILLNESS, 0.5),
                day(10, AbsenceType.TARDY), day(11, AbsenceType.EARLY_DEPARTURE), day(14, AbsenceType.SUSPENSION)));
        StudentFacts f = facts(s);
        assertEquals(2.5, f.getDaysMissed());
        assertEquals(0.5, f.getDaysMissedForHealth());
        assertEquals(2.5 / 14, f.getAbsenceRate(), 1e-12);
        assertFalse(f.isAbsentToday());
    }

    @Test
    void theRunOfAbsencesEndsTodayAndSkipsTheWeekend() {
        Student s = Student.withId("A").withAbsences(List.of(
                day(21, AbsenceType.UNEXCUSED), day(22, AbsenceType.UNEXCUSED), day(24, AbsenceType.UNEXCUSED),
                day(25, AbsenceType.EXCUSED), day(18, AbsenceType.UNEXCUSED)));
        StudentFacts f = facts(s);
        assertTrue(f.isAbsentToday());
        assertEquals(AbsenceType.EXCUSED, f.getAbsenceTypeToday());
        assertEquals(2, f.getAbsenceRun(), "the 23rd breaks the run");
        assertEquals(5.0, f.getMissedLately());
    }

    @Test
    void anAbsenceOnAClosedDayAWeekendOrTwiceIsRejectedWithItsField() {
        assertField("absences[0].date", "closed day", Student.withId("A").withAbsences(List.of(day(16, AbsenceType.EXCUSED))));
        assertField("absences[0].date", "saturday", Student.withId("A").withAbsences(List.of(day(19, AbsenceType.EXCUSED))));
        assertField("absences[1].date", "listed twice",
                Student.withId("A").withAbsences(List.of(day(8, AbsenceType.EXCUSED), day(8, AbsenceType.TARDY))));
        Student late = new Student("B", null, LocalDate.of(2026, 9, 21), null, null, null,
                List.of(day(8, AbsenceType.EXCUSED)), null, null, null, null);
        assertField("absences[0].date", "outside the student's enrolment", late);
    }

    private static void assertField(String field, String message, Student s) {
        StudentResult r = TestEngine.get().evaluate(SCHOOL, s);
        assertTrue(r.isError());
        assertEquals(field, r.error().field());
        assertTrue(r.error().message().contains(message), r.error().message());
    }

    @Test
    void fosterCareReachesTheEducationDecisionMakerEvenWhenAParentAnswers() {
        List<Contact> contacts = List.of(
                new Contact(ContactRole.PARENT, "mother", "N", "555", PhoneStatus.WORKING, "es"),
                new Contact(ContactRole.EDUCATION_DECISION_MAKER, "foster parent", "N", "556", PhoneStatus.DISCONNECTED, "en"));
        Student s = Student.withId("A").withContacts(contacts);
        assertEquals(ContactRole.PARENT, facts(s).getContactRole());
        StudentFacts foster = facts(s.withContext(new StudentContext(true, false, false, "es", false, false, false)));
        assertEquals(ContactRole.EDUCATION_DECISION_MAKER, foster.getContactRole());
        assertFalse(foster.isHasWorkingPhone());
        assertEquals("en", foster.getLanguage());
    }

    @Test
    void theSameLanguageWithARegionNeedsNoInterpreter() {
        Student s = Student.withId("A").withContacts(List.of(new Contact(ContactRole.PARENT, null, null, "1", null, "en-GB")));
        assertFalse(facts(s).isInterpreterNeeded());
        Student t = Student.withId("A").withContext(new StudentContext(false, false, false, "es-MX", false, false, false));
        assertTrue(facts(t).isInterpreterNeeded());
        assertEquals("es-MX", facts(t).getLanguage());
    }

    @Test
    void beforeTheFirstDayThereAreNoEnrolledDays() {
        School summer = SCHOOL.withAsOf(LocalDate.of(2026, 8, 20));
        StudentFacts f = TestEngine.get().rules().facts(summer, DAYS, Student.withId("A"));
        assertEquals(0, f.getDaysEnrolled());
        assertTrue(f.isBeforeSchoolYear());
    }

    // ---- the day each need arose, replayed ------------------------------------------------------

    @Test
    void theDayEachNeedAroseIsTheFirstDayAPlainRecountFindsIt() {
        Policy p = TestEngine.get().policy();
        int[] reached = new int[8];
        qt().withExamples(300).forAll(Generated.cases()).checkAssert(c -> {
            School school = c.school();
            SchoolDays days = new SchoolDays(school.calendar());
            StudentFacts f;
            try {
                f = TestEngine.get().rules().facts(school, days, c.student());
            } catch (RuntimeException e) {
                return; // not a valid record (the reader's checks); other tests cover rejection
            }
            Recount r = new Recount(c, p);
            check(reached, 0, r.first(d -> r.enough(d) && r.rate(d) >= p.atRiskFrom()), f.getAtRiskSince(), "at risk", c);
            check(reached, 1, r.first(d -> r.enough(d) && r.rate(d) >= p.moderateChronicFrom()), f.getChronicSince(), "chronic", c);
            check(reached, 2, r.first(d -> r.enough(d) && r.rate(d) >= p.severeChronicFrom()), f.getSevereSince(), "severe", c);
            check(reached, 3, r.first(d -> r.enough(d) && r.rate(d) >= p.moderateChronicFrom()
                    && r.lately(d) >= p.stillMissingDays()), f.getStillMissingSince(), "chronic and still missing", c);
            check(reached, 4, r.first(d -> r.barrier(d) >= p.familyBarrierDays()), f.getFamilyBarrierSince(), "family barriers", c);
            check(reached, 5, r.first(d -> r.barrier(d) >= p.communityBarrierDays()), f.getCommunityBarrierSince(), "community barriers", c);
            check(reached, 6, r.first(d -> r.health(d) >= p.healthPlanMinimumDaysMissed()
                    && r.health(d) / r.missed(d) >= p.mostlyIllnessShare()), f.getHealthPlanSince(), "health plan", c);
            LocalDate run = f.getAbsenceRun() >= p.longAbsenceRun() ? r.runReached(p.longAbsenceRun()) : null;
            check(reached, 7, run, f.dayRunReached(p.longAbsenceRun()), "long run", c);
        });
        for (int i = 0; i < reached.length; i++) {
            assertTrue(reached[i] >= 5, "too few generated students reach need " + i + ": " + java.util.Arrays.toString(reached));
        }
    }

    private static void check(int[] reached, int i, LocalDate expected, LocalDate actual, String what, Generated.Case c) {
        assertEquals(expected, actual, what + " since, for " + c);
        if (expected != null) {
            reached[i]++;
        }
    }

    /**
     * The test's own count of a student's record, day by day from scratch: every question is asked
     * again for each day, with nothing carried over, so it shares nothing with the engine's one pass.
     */
    private static final class Recount {
        private final List<LocalDate> enrolled = new ArrayList<>();
        private final Map<LocalDate, Absence> missedOn = new HashMap<>();
        private final Policy policy;
        private final LocalDate today;

        Recount(Generated.Case c, Policy policy) {
            this.policy = policy;
            this.today = c.school().asOf();
            LocalDate start = c.student().enrolledOn() == null ? c.school().calendar().firstDay() : c.student().enrolledOn();
            for (LocalDate d : c.school().calendar().instructionalDays()) {
                if (!d.isBefore(start) && !d.isAfter(today)
                        && (c.student().withdrawnOn() == null || d.isBefore(c.student().withdrawnOn()))) {
                    enrolled.add(d);
                }
            }
            for (Absence a : c.student().absences()) {
                if (a.isDayMissed()) {
                    missedOn.put(a.date(), a);
                }
            }
        }

        LocalDate first(Predicate<LocalDate> holds) {
            return enrolled.stream().filter(holds).findFirst().orElse(null);
        }

        boolean enough(LocalDate d) {
            return enrolledBy(d) >= policy.minimumEnrolledDays();
        }

        int enrolledBy(LocalDate d) {
            return (int) enrolled.stream().filter(x -> !x.isAfter(d)).count();
        }

        double missed(LocalDate d) {
            return enrolled.stream().filter(x -> !x.isAfter(d) && missedOn.containsKey(x)).mapToDouble(x -> missedOn.get(x).portion()).sum();
        }

        double rate(LocalDate d) {
            return missed(d) / enrolledBy(d);
        }

        double health(LocalDate d) {
            return enrolled.stream().filter(x -> !x.isAfter(d) && missedOn.containsKey(x) && missedOn.get(x).isForHealth())
                    .mapToDouble(x -> missedOn.get(x).portion()).sum();
        }

        double barrier(LocalDate d) {
            return enrolled.stream().filter(x -> !x.isAfter(d) && missedOn.containsKey(x) && missedOn.get(x).reason() != null
                    && List.of(AbsenceReason.TRANSPORTATION, AbsenceReason.FAMILY, AbsenceReason.HOUSING).contains(missedOn.get(x).reason()))
                    .mapToDouble(x -> missedOn.get(x).portion()).sum();
        }

        /** Days missed on the last recent-school-days enrolled school days up to d. */
        double lately(LocalDate d) {
            List<LocalDate> window = new ArrayList<>();
            for (LocalDate x : enrolled) {
                if (!x.isAfter(d)) {
                    window.add(x);
                }
            }
            double sum = 0;
            for (int i = window.size() - 1; i >= 0 && window.size() - i <= policy.recentSchoolDays(); i--) {
                sum += missedOn.containsKey(window.get(i)) ? missedOn.get(window.get(i)).portion() : 0;
            }
            return sum;
        }

        /** The day today's run of days missed (half a day or more each) reached n days. */
        LocalDate runReached(int n) {
            int i = enrolled.size() - 1;
            while (i >= 0 && missedOn.containsKey(enrolled.get(i)) && missedOn.get(enrolled.get(i)).portion() >= 0.5) {
                i--;
            }
            return enrolled.get(i + n);
        }
    }

    @Test
    void theOutreachOnRecordSaysWhatWasDoneAndWhatDidNotWork() {
        List<Contact> parent = List.of(new Contact(ContactRole.PARENT, "mother", "N", "555", PhoneStatus.WORKING, null));
        OutreachRecord called = new OutreachRecord(LocalDate.of(2026, 9, 25), OutreachKind.PERSONAL_CALL, OutreachOutcome.NO_ANSWER, false);
        OutreachRecord wrong = new OutreachRecord(LocalDate.of(2026, 9, 14), OutreachKind.PERSONAL_CALL, OutreachOutcome.WRONG_NUMBER, false);
        OutreachRecord reachedByVisit = new OutreachRecord(LocalDate.of(2026, 9, 15), OutreachKind.HOME_VISIT, OutreachOutcome.REACHED, true);
        OutreachRecord text = new OutreachRecord(LocalDate.of(2026, 9, 17), OutreachKind.PERSONAL_TEXT, OutreachOutcome.MESSAGE_LEFT, false);
        Student s = new Student("A", null, null, null, null, parent, null, null, null, null, List.of(called, wrong, reachedByVisit, text));
        StudentFacts f = facts(s);
        assertTrue(f.isCalledToday());
        // a visit that reached the family does not fix the phone: the wrong number stands, whatever the status says
        assertEquals(LocalDate.of(2026, 9, 14), f.getWrongNumberOn());
        assertFalse(f.isHasWorkingPhone());
        assertEquals(LocalDate.of(2026, 9, 14), f.getNoWorkingPhoneSince());
        // unanswered since the family was last reached (the visit on the 15th): the text and today's call
        assertEquals(LocalDate.of(2026, 9, 15), f.getLastReachedOn());
        assertEquals(2, f.getUnansweredAttempts());
        assertEquals(LocalDate.of(2026, 9, 25), f.unansweredAttemptOn(2));
        assertNull(f.unansweredAttemptOn(3));
        assertTrue(f.isHadPositiveContact());

        // a call that got through by phone after the wrong number: the number works again
        OutreachRecord reachedByPhone = new OutreachRecord(LocalDate.of(2026, 9, 18), OutreachKind.PERSONAL_CALL, OutreachOutcome.REACHED, false);
        StudentFacts fixed = facts(new Student("A", null, null, null, null, parent, null, null, null, null, List.of(wrong, reachedByPhone)));
        assertNull(fixed.getWrongNumberOn());
        assertTrue(fixed.isHasWorkingPhone());
        // a wrong number logged for another contact says nothing about this one
        OutreachRecord otherContact = new OutreachRecord(LocalDate.of(2026, 9, 14), OutreachKind.PERSONAL_CALL, OutreachOutcome.WRONG_NUMBER,
                false, ContactRole.GUARDIAN);
        assertTrue(facts(new Student("A", null, null, null, null, parent, null, null, null, null, List.of(otherContact))).isHasWorkingPhone());
        // outreach after today is not on record yet
        OutreachRecord tomorrow = new OutreachRecord(LocalDate.of(2026, 9, 28), OutreachKind.PERSONAL_CALL, OutreachOutcome.NO_ANSWER, false);
        StudentFacts later = facts(new Student("A", null, null, null, null, parent, null, null, null, null, List.of(tomorrow)));
        assertEquals(0, later.getUnansweredAttempts());
        assertFalse(later.doneSince(OutreachKind.PERSONAL_CALL, LocalDate.of(2026, 9, 1)));
    }

    @Test
    void theCaseOwnerIsTheMentorElseTheTeacher() {
        assertEquals(org.attendanceoutreach.catalog.Owner.TEACHER, facts(Student.withId("A")).getCaseOwner());
        Student mentored = new Student("A", null, null, null, null, null, null, null,
                new Mentor(LocalDate.of(2026, 9, 10), null), null, null);
        assertEquals(org.attendanceoutreach.catalog.Owner.MENTOR, facts(mentored).getCaseOwner());
        Student notYet = new Student("A", null, null, null, null, null, null, null,
                new Mentor(LocalDate.of(2026, 10, 1), null), null, null);
        assertEquals(org.attendanceoutreach.catalog.Owner.TEACHER, facts(notYet).getCaseOwner(), "a mentor from next week");
    }

    @Test
    void datesForThePlanAreSchoolDays() {
        StudentFacts f = facts(Student.withId("A").withAbsences(List.of(day(21, AbsenceType.UNEXCUSED), day(22, AbsenceType.UNEXCUSED),
                day(23, AbsenceType.UNEXCUSED), day(24, AbsenceType.UNEXCUSED), day(25, AbsenceType.UNEXCUSED))));
        assertEquals(LocalDate.of(2026, 9, 21), f.getAbsenceRunStartedOn());
        assertEquals(LocalDate.of(2026, 9, 25), f.dayRunReached(5));
        assertNull(f.dayRunReached(6));
        assertEquals(LocalDate.of(2026, 9, 7), f.schoolMonthStartedOn());
        assertEquals(LocalDate.of(2026, 9, 7), f.getEnrolledSince());
        assertEquals(LocalDate.of(2026, 9, 4), f.weekdayBefore(LocalDate.of(2026, 9, 7)), "the Friday before a Monday");
        // the closed Wednesday is not a school day: the next school day after Tuesday the 15th is Thursday the 17th
        assertEquals(LocalDate.of(2026, 9, 17), DAYS.deadline(LocalDate.of(2026, 9, 15), 1));
        assertEquals(LocalDate.of(2026, 9, 17), DAYS.deadline(LocalDate.of(2026, 9, 16), 0), "a closed day moves to the next school day");
        assertEquals(LocalDate.of(2027, 6, 18), DAYS.deadline(LocalDate.of(2027, 6, 14), 10), "never after the last day");
        assertFalse(DAYS.fitsInYear(LocalDate.of(2027, 6, 14), 10));
        // the weekend after the last school day has no school day on or after it: the last school day
        assertEquals(LocalDate.of(2027, 6, 18), DAYS.deadline(LocalDate.of(2027, 6, 19), 0), "never the weekend after the last day");
        assertFalse(DAYS.fitsInYear(LocalDate.of(2027, 6, 19), 0));
    }
}
