package org.attendanceoutreach.csv;

import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.TestEngine;
import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.read.StudentInput;
import org.attendanceoutreach.school.AbsenceReason;
import org.attendanceoutreach.school.AbsenceType;
import org.attendanceoutreach.school.ContactRole;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.Student;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV input: columns, codes, and a clear per-student error for every kind of bad row. */
class CsvSchoolReaderTest {
    static School school() throws Exception {
        return new SchoolFileReader().read(Path.of("fixtures/csv/school.json")).school();
    }

    static SchoolFile read(String roster, String attendance) throws Exception {
        return read(AttendanceCodes.defaults(), roster, attendance);
    }

    static SchoolFile read(AttendanceCodes codes, String roster, String attendance) throws Exception {
        return new CsvSchoolReader(codes).read(school(), "roster.csv", new StringReader(roster), "attendance.csv",
                new StringReader(attendance), List.of());
    }

    static StudentInput entry(SchoolFile f, String key) {
        return f.students().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void columnsAreFoundByNameWhateverTheirCaseSpacingOrOrderAndQuotedCommasStayInTheirCell() throws Exception {
        SchoolFile f = read("\uFEFFcontact1 phone,STUDENT_ID,Grade,Contact1Role,contact1-name,Flags,Enrolled On\r\n"
                        + "\"555-0199\",S-1,kg,parent,\"Reyes, Ana\",\"fosterCare; iep\",9/14/2026\r\n",
                "studentId,date,code,reason,portion\nS-1,2026-11-20,u,transportation,\nS-1,2026-11-19,P,,\nS-1,2026-11-18,E,,50%\n");
        Student s = entry(f, "S-1").student();
        assertEquals("K", s.grade());
        assertEquals("2026-09-14", s.enrolledOn().toString());
        assertTrue(s.context().fosterCare() && s.context().iep());
        assertEquals(ContactRole.PARENT, s.contacts().get(0).role());
        assertEquals("Reyes, Ana", s.contacts().get(0).name());
        assertEquals("555-0199", s.contacts().get(0).phone());
        assertEquals(2, s.absences().size(), "the present day is not an absence");
        assertEquals(AbsenceType.EXCUSED, s.absences().get(0).type());
        assertEquals(0.5, s.absences().get(0).portion());
        assertEquals(AbsenceReason.TRANSPORTATION, s.absences().get(1).reason());
        assertTrue(f.warnings().isEmpty(), f.warnings().toString());
    }

    @Test
    void languagesAreTagsCodesOrEnglishNamesAndAnUnknownOneIsAWarningThatFlagsAnInterpreter() throws Exception {
        SchoolFile f = read("studentId,homeLanguage,contact1Role,contact1Phone,contact1Language\n"
                        + "S-1,Navajo; Navaho,PARENT,555-0101,spa\n"
                        + "S-2,zh-Hant,PARENT,555-0102,\n"
                        + "S-3,Tamashek of the north,PARENT,555-0103,Other\n",
                "studentId,date,code\nS-1,2026-11-20,U\nS-3,2026-11-20,U\n");
        assertEquals("nv", entry(f, "S-1").student().context().homeLanguage());
        assertEquals("es", entry(f, "S-1").student().contacts().get(0).language());
        assertEquals("zh-Hant", entry(f, "S-2").student().context().homeLanguage());
        Student three = entry(f, "S-3").student();
        assertEquals("Tamashek of the north", three.context().homeLanguage(), "kept as given");
        assertEquals("Other", three.contacts().get(0).language());
        assertEquals(List.of("line 4: homeLanguage", "line 4: contact1Language"), f.warnings().stream().map(InputProblem::field).toList());
        assertFalse(f.warnings().toString().contains("Tamashek"), "the value is not quoted: " + f.warnings());
        StudentResult r = TestEngine.get().evaluate(f).students().stream().filter(x -> x.studentId().equals("S-3")).findFirst().orElseThrow();
        assertFalse(r.isError());
        assertTrue(r.recommendation("personal-call-home").orElseThrow().interpreterNeeded(), "an interpreter is flagged");
        assertEquals("Other", r.recommendation("personal-call-home").orElseThrow().language());
    }

    @Test
    void aBadRowIsAnErrorOfItsStudentNamingFileLineStudentAndColumnAndTheOthersAreRead() throws Exception {
        String roster = "studentId,grade,contact1Role,contact1Name,contact1Phone,priorYearAbsenceRate\n"
                + "S-1,5,PARENT,Maria Lopez,555-0101,\n"
                + "S-2,13,PARENT,Jo Park,555-0102,\n"
                + "S-3,4,,Kim Lee,555-0103,\n"
                + "S-4,4,PARENT,Al Roy,555-0104,140%\n"
                + ",2,PARENT,No Id,555-0105,\n"
                + "S-5,K,PARENT,Bo Diaz,555-0106,\n"
                + "S-5,K,PARENT,Bo Diaz,555-0106,\n";
        String attendance = "studentId,date,code\n"
                + "S-1,2026-11-20,U\n"
                + "S-6,2026-11-20,U\n";
        SchoolFile f = read(roster, attendance);
        assertTrue(entry(f, "S-1").ok());
        InputProblem grade = entry(f, "S-2").error();
        assertEquals("roster.csv: student S-2: line 3: grade: '13' is not a grade (PK, K, 1 … 12)", grade.toString());
        InputProblem role = entry(f, "S-3").error();
        assertEquals("line 4: contact1Role", role.field());
        InputProblem rate = entry(f, "S-4").error();
        assertEquals("line 5: priorYearAbsenceRate", rate.field());
        assertEquals("line 6: studentId", entry(f, "line 6").error().field());
        assertTrue(entry(f, "S-5").error().message().contains("more than once"), entry(f, "S-5").error().message());
        InputProblem stray = entry(f, "S-6").error();
        assertEquals("attendance.csv: student S-6: line 3: studentId: is not in the roster roster.csv; add the student there (1 attendance rows)",
                stray.toString());
        for (StudentInput s : f.students()) {
            if (!s.ok()) {
                for (String personal : List.of("Maria", "Lopez", "Jo Park", "Kim Lee", "Al Roy", "No Id", "Bo Diaz", "555-01")) {
                    assertFalse(s.error().toString().contains(personal), s.error().toString());
                }
            }
        }
        SchoolResult r = TestEngine.get().evaluate(f);
        assertEquals(7, r.students().size(), "every student is in the output");
        assertEquals("roster.csv", r.students().stream().filter(x -> x.studentId().equals("S-2")).findFirst().orElseThrow().error().file());
        assertEquals("attendance.csv", r.students().stream().filter(x -> x.studentId().equals("S-6")).findFirst().orElseThrow().error().file(),
                "an error keeps the file it came from");
    }

    @Test
    void badAttendanceRowsNameTheirLineAndColumn() throws Exception {
        String roster = "studentId,enrolledOn,withdrawnOn\nA,,\nB,,\nC,,\nD,2026-10-05,\nE,,\nF,,\nG,,2026-10-01\n";
        String attendance = "studentId,date,code,reason,portion\n"
                + "A,2026-11-20,UE,,\n"
                + "B,2026-10-12,U,,\n"
                + "C,2026-11-02,U,,\n"
                + "C,2026-11-02,E,,\n"
                + "D,2026-09-30,U,,\n"
                + "E,2026-11-20,U,,1.5\n"
                + "F,2026-11-20,U,flu,\n"
                + "G,2026-10-05,U,,\n"
                + ",2026-11-20,U,,\n";
        SchoolFile f = read(roster, attendance);
        assertEquals("line 2: code", entry(f, "A").error().field());
        assertTrue(entry(f, "A").error().message().contains("'UE' is not an attendance code"), entry(f, "A").error().message());
        assertEquals("attendance.csv: student B: line 3: date: 2026-10-12 is not an instructional day (a closed day in the calendar)",
                entry(f, "B").error().toString());
        assertTrue(entry(f, "C").error().toString().contains("line 5: date: 2026-11-02 is listed twice (also line 4)"), entry(f, "C").error().toString());
        assertTrue(entry(f, "D").error().message().contains("outside the student's enrolment"), entry(f, "D").error().message());
        assertEquals("line 7: portion", entry(f, "E").error().field());
        assertEquals("line 8: reason", entry(f, "F").error().field());
        assertTrue(entry(f, "G").error().message().contains("outside the student's enrolment"));
        assertEquals(1, f.warnings().size(), "the row without a student id: " + f.warnings());
    }

    @Test
    void aCodesFileAddsCodesWithTheirReasonAndPortion() throws Exception {
        AttendanceCodes codes = AttendanceCodes.load(Path.of("fixtures/csv/codes.csv"));
        SchoolFile f = read(codes, "studentId\nA\n", "studentId,date,code\nA,2026-11-19,B\nA,2026-11-20,h\n");
        Student a = entry(f, "A").student();
        assertEquals(AbsenceReason.TRANSPORTATION, a.absences().get(0).reason());
        assertEquals(0.5, a.absences().get(1).portion());
        assertNull(AttendanceCodes.defaults().find("B"));
        AttendanceCodes.CodesFileException e = assertThrows(AttendanceCodes.CodesFileException.class,
                () -> AttendanceCodes.defaults().with("codes.csv", new StringReader("code,type\nX,ABSENT\n")));
        assertTrue(e.getMessage().startsWith("codes.csv: line 2: type: 'ABSENT' is not PRESENT, EXCUSED"), e.getMessage());
    }

    @Test
    void unknownColumnsAreWarnedAboutByNameAndAFileWithoutItsKeyColumnsIsRejected() throws Exception {
        SchoolFile f = read("studentId,shoeSize\nA,9\n", "studentId,date,code,teacherNote\nA,2026-11-20,U,call the aunt\n");
        assertEquals(2, f.warnings().size());
        assertEquals("roster.csv: shoeSize: unknown column, ignored", f.warnings().get(0).toString());
        assertFalse(f.warnings().toString().contains("call the aunt"));
        SchoolFileException e = assertThrows(SchoolFileException.class, () -> read("id,grade\nA,5\n", "studentId,date,code\n"));
        assertTrue(e.getMessage().startsWith("roster.csv: line 1: no studentId column"), e.getMessage());
        e = assertThrows(SchoolFileException.class, () -> read("studentId\nA\n", "studentId,date,code\n\"A,2026-11-20,U\n"));
        assertTrue(e.getMessage().contains("attendance.csv: line 2: a quoted value is not closed"), e.getMessage());
    }

    @Test
    void theFixtureReadsWithoutAProblem() throws Exception {
        SchoolFile f = new CsvSchoolReader(AttendanceCodes.load(Path.of("fixtures/csv/codes.csv")))
                .read(Path.of("fixtures/csv/roster.csv"), Path.of("fixtures/csv/attendance.csv"), Path.of("fixtures/csv/school.json"));
        assertTrue(f.students().stream().allMatch(StudentInput::ok));
        assertFalse(TestEngine.get().evaluate(f).students().stream().anyMatch(StudentResult::isError));
    }
}
