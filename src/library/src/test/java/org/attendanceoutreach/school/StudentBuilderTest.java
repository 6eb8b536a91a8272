package org.attendanceoutreach.school;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Students and their context built by name; the records stay immutable. */
class StudentBuilderTest {
    private static final Absence TODAY = new Absence(LocalDate.of(2026, 11, 20), AbsenceType.UNEXCUSED);

    @Test
    void aBuiltStudentIsTheRecordTheCanonicalConstructorMakes() {
        Contact mother = new Contact(ContactRole.PARENT, "mother", "A", "555-0101", PhoneStatus.WORKING, "es");
        Mentor mentor = new Mentor(LocalDate.of(2026, 10, 1), null);
        Meeting iep = new Meeting(MeetingType.IEP, LocalDate.of(2026, 12, 2));
        OutreachRecord call = new OutreachRecord(LocalDate.of(2026, 11, 5), OutreachKind.PERSONAL_CALL, OutreachOutcome.REACHED, true);
        StudentContext context = StudentContext.builder().fosterCare(true).iep(true).homeLanguage("es").newToSchool(true).build();
        Intervention plan = new Intervention("student-attendance-success-plan", LocalDate.of(2026, 10, 5), null);
        Student built = Student.builder("S-1").grade("K").enrolledOn(LocalDate.of(2026, 9, 14)).context(context)
                .contact(mother).absence(TODAY).priorYearAbsenceRate(0.14).mentor(mentor).meeting(iep).outreach(call)
                .intervention(plan).build();
        assertEquals(new Student("S-1", "K", LocalDate.of(2026, 9, 14), null,
                new StudentContext(true, true, false, "es", false, false, true), List.of(mother), List.of(TODAY), 0.14, mentor,
                List.of(iep), List.of(call), List.of(plan)), built);
        assertEquals(List.of(), built.toBuilder().interventions(null).build().interventions());
        assertEquals(built.withAbsences(List.of()).interventions(), List.of(plan), "a support stays through the with… copies");
        assertEquals(built, built.toBuilder().build());
        assertEquals(context, context.toBuilder().build());
    }

    @Test
    void whatIsNotSetIsEmptyAndTheRecordCannotBeChangedThroughItsLists() {
        Student s = Student.builder("S-2").build();
        assertEquals(Student.withId("S-2"), s);
        assertEquals(StudentContext.NONE, s.context());
        assertEquals("en", StudentContext.builder().build().homeLanguage());
        assertTrue(s.absences().isEmpty() && s.contacts().isEmpty() && s.meetings().isEmpty() && s.outreach().isEmpty());
        Student.Builder b = Student.builder("S-3").absence(TODAY);
        Student first = b.build();
        b.absence(new Absence(LocalDate.of(2026, 11, 19), AbsenceType.EXCUSED));
        assertEquals(1, first.absences().size(), "a built student does not change when its builder does");
        assertThrows(UnsupportedOperationException.class, () -> first.absences().add(TODAY));
        assertEquals(List.of(), first.toBuilder().absences(null).build().absences());
        assertThrows(NullPointerException.class, () -> Student.builder(null));
    }
}
