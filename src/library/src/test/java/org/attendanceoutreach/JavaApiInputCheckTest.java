package org.attendanceoutreach;

import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.school.Absence;
import org.attendanceoutreach.school.AbsenceType;
import org.attendanceoutreach.school.Contact;
import org.attendanceoutreach.school.ContactRole;
import org.attendanceoutreach.school.Intervention;
import org.attendanceoutreach.school.Meeting;
import org.attendanceoutreach.school.MeetingType;
import org.attendanceoutreach.school.Mentor;
import org.attendanceoutreach.school.OutreachKind;
import org.attendanceoutreach.school.OutreachRecord;
import org.attendanceoutreach.school.PhoneStatus;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.SchoolCalendar;
import org.attendanceoutreach.school.Student;
import org.attendanceoutreach.school.StudentContext;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java API checks what it is given as the readers do: {@code engine.evaluate(school, student)}
 * with a value a school file could not carry gives a result carrying the {@link InputProblem}
 * (naming the student and the field), never a plan, and never throws. A language written as a
 * name or code ({@code Spanish}, {@code spa}, {@code es_MX}) is such a value; a language no ISO 639
 * table knows is not (the CSV and Ed-Fi readers keep it with a warning, and an interpreter is flagged).
 *
 * <p>Shown to catch: the {@code InputCheck} calls removed from {@code FactsCalculator.compute}
 * (every case below then came out evaluated, the rate of 1.5 and {@code NaN} at support tier 3 or
 * 1 with no problem).
 */
class JavaApiInputCheckTest {
    private static final SchoolCalendar CALENDAR = new SchoolCalendar(LocalDate.of(2026, 9, 8), LocalDate.of(2027, 6, 25),
            Set.of(LocalDate.of(2026, 11, 11)));
    private static final School SCHOOL = new School("PS-1", LocalDate.of(2026, 11, 20), CALENDAR, "en", List.of());
    private static final Absence TODAY = new Absence(LocalDate.of(2026, 11, 20), AbsenceType.UNEXCUSED);

    private static Student.Builder good() {
        return Student.builder("S-1").grade("3").absence(TODAY)
                .contact(new Contact(ContactRole.PARENT, "mother", "A", "555-0101", PhoneStatus.WORKING, "es"));
    }

    @Test
    void aStudentBuiltInJavaWithABadValueGetsItsProblemNotAPlan() {
        Map<String, UnaryOperator<Student.Builder>> cases = new LinkedHashMap<>();
        cases.put("priorYearAbsenceRate", b -> b.priorYearAbsenceRate(1.5));
        cases.put("priorYearAbsenceRate ", b -> b.priorYearAbsenceRate(Double.NaN));
        cases.put("priorYearAbsenceRate  ", b -> b.priorYearAbsenceRate(-0.1));
        cases.put("grade", b -> b.grade("13"));
        cases.put("grade ", b -> b.grade("k"));
        cases.put("withdrawnOn", b -> b.enrolledOn(LocalDate.of(2026, 10, 1)).withdrawnOn(LocalDate.of(2026, 9, 20)));
        cases.put("context.homeLanguage", b -> b.context(StudentContext.builder().homeLanguage("Spanish").build()));
        cases.put("context.homeLanguage ", b -> b.context(StudentContext.builder().homeLanguage("es_MX").build()));
        cases.put("contacts[0].language", b -> b.contacts(List.of(new Contact(ContactRole.PARENT, "mother", "A", "1", PhoneStatus.WORKING, "spa"))));
        cases.put("mentor.assignedOn", b -> b.mentor(new Mentor(null, null)));
        cases.put("meetings[0].date", b -> b.meeting(new Meeting(MeetingType.IEP, LocalDate.of(1, 1, 1))));
        cases.put("outreach[0].date", b -> b.outreach(new OutreachRecord(LocalDate.of(9999, 1, 1), OutreachKind.LETTER, null, false)));
        cases.put("enrolledOn", b -> b.enrolledOn(LocalDate.of(1850, 9, 1)));
        cases.put("studentId", b -> Student.builder(" ").absence(TODAY));
        cases.put("studentId ", b -> Student.builder("S-\uD800").absence(TODAY));
        cases.put("interventions[0].intervention", b -> b.intervention(new Intervention("Success Mentor", LocalDate.of(2026, 10, 5))));
        cases.put("interventions[0].intervention ", b -> b.intervention(new Intervention("succes-mentor", LocalDate.of(2026, 10, 5))));
        cases.put("interventions[0].endedOn", b -> b.intervention(new Intervention("success-mentor", LocalDate.of(2026, 10, 5),
                LocalDate.of(2026, 10, 1))));
        cases.put("interventions[1].startedOn", b -> b.intervention(new Intervention("success-mentor", LocalDate.of(2026, 9, 21)))
                .intervention(new Intervention("success-mentor", LocalDate.of(2026, 10, 5))));
        cases.put("interventions[0].startedOn", b -> b.intervention(new Intervention("success-mentor", LocalDate.of(1066, 10, 14))));

        for (Map.Entry<String, UnaryOperator<Student.Builder>> c : cases.entrySet()) {
            Student s = c.getValue().apply(good()).build();
            StudentResult r = TestEngine.get().evaluate(SCHOOL, s);
            assertTrue(r.isError(), c.getKey() + ": evaluated (" + r.attendanceTier() + ", support tier " + r.supportTier() + ") with no problem");
            InputProblem p = r.error();
            assertEquals(c.getKey().strip(), p.field(), p.toString());
            assertEquals(s.studentId(), p.studentId(), p.toString());
            assertTrue(r.recommendations().isEmpty(), c.getKey());
        }
        assertFalse(TestEngine.get().evaluate(SCHOOL, good().build()).isError(), "the same student without the bad value is evaluated");
        StudentResult unknown = TestEngine.get().evaluate(SCHOOL, good()
                .context(StudentContext.builder().homeLanguage("Tamashek of the north").build()).build());
        assertFalse(unknown.isError(), "a language no table knows is kept, as the CSV and Ed-Fi readers keep it");
        assertEquals(Boolean.TRUE, unknown.recommendation("personal-call-home").orElseThrow().interpreterNeeded(), "and calls for an interpreter");
    }

    @Test
    void aSchoolBuiltInJavaWithABadValueGivesEveryStudentItsProblem() {
        Map<String, School> cases = new LinkedHashMap<>();
        cases.put("schoolLanguage", new School("PS-1", SCHOOL.asOf(), CALENDAR, "English", List.of()));
        cases.put("calendar.lastDay", new School("PS-1", SCHOOL.asOf(),
                new SchoolCalendar(LocalDate.of(2026, 9, 8), LocalDate.of(2030, 6, 25), Set.of()), "en", List.of()));
        cases.put("asOf", SCHOOL.withAsOf(LocalDate.of(3000, 1, 1)));
        cases.put("calendar.closedDays", new School("PS-1", SCHOOL.asOf(),
                new SchoolCalendar(LocalDate.of(2026, 9, 8), LocalDate.of(2027, 6, 25), Set.of(LocalDate.of(1, 1, 1))), "en", List.of()));
        for (Map.Entry<String, School> c : cases.entrySet()) {
            StudentResult r = TestEngine.get().evaluate(c.getValue(), good().build());
            assertTrue(r.isError(), c.getKey() + ": evaluated");
            assertEquals(c.getKey(), r.error().field(), r.error().toString());
        }
    }

    @Test
    void theJavaApiAndTheReaderGiveTheSameMessageForTheSameValue() throws Exception {
        String json = """
                {"asOf": "2026-11-20", "calendar": {"firstDay": "2026-09-08", "lastDay": "2027-06-25", "closedDays": ["2026-11-11"]},
                 "students": [{"studentId": "S-1", "grade": "13", "absences": [{"date": "2026-11-20", "type": "UNEXCUSED"}]}]}
                """;
        InputProblem fromFile = new org.attendanceoutreach.read.SchoolFileReader()
                .read("s.json", new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .students().get(0).error();
        InputProblem fromJava = TestEngine.get().evaluate(SCHOOL, good().grade("13").build()).error();
        assertNotNull(fromFile);
        assertEquals(fromFile.message(), fromJava.message());
        assertEquals("'13' is not a grade (PK, K, 1 … 12)", fromJava.message());
    }
}
