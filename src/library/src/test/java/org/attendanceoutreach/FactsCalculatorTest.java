package org.attendanceoutreach;

import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.facts.SchoolDays;
import org.attendanceoutreach.facts.StudentFacts;
import org.attendanceoutreach.school.Absence;
import org.attendanceoutreach.school.AbsenceReason;
import org.attendanceoutreach.school.AbsenceType;
import org.attendanceoutreach.school.Contact;
import org.attendanceoutreach.school.ContactRole;
import org.attendanceoutreach.school.PhoneStatus;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.SchoolCalendar;
import org.attendanceoutreach.school.Student;
import org.attendanceoutreach.school.StudentContext;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
