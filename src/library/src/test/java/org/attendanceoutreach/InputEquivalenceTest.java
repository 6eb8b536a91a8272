package org.attendanceoutreach;

import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.AttendanceTier;
import org.attendanceoutreach.csv.AttendanceCodes;
import org.attendanceoutreach.csv.CsvSchoolReader;
import org.attendanceoutreach.edfi.DescriptorMap;
import org.attendanceoutreach.edfi.EdFiImport;
import org.attendanceoutreach.edfi.EdFiReader;
import org.attendanceoutreach.output.CallList;
import org.attendanceoutreach.output.ResultWriter;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileReader;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One invented school written three ways, as Ed-Fi API resources ({@code fixtures/edfi/}), as the
 * contract's school file ({@code fixtures/edfi-equivalent.json}) and as CSV exports
 * ({@code fixtures/csv/}): every student's result, and the call list, are identical. The supports in
 * place are written each way too (an Ed-Fi Intervention of class Practice coded by its catalog id, two
 * of the district's own classes mapped in its descriptor file, a reading intervention that is not an
 * attendance support; {@code interventions[]}; {@code interventions.csv}).
 */
class InputEquivalenceTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

    static SchoolFile edfi() throws Exception {
        DescriptorMap map = DescriptorMap.load(List.of(Path.of("fixtures/edfi/lakeside-descriptors.json")));
        EdFiImport imported = new EdFiReader(map).read(Path.of("fixtures/edfi"), AS_OF, null);
        assertTrue(imported.failedSchools().isEmpty(), imported.failedSchools().toString());
        assertEquals(1, imported.schools().size());
        return imported.schools().get(0);
    }

    static SchoolFile json() throws Exception {
        return new SchoolFileReader().read(Path.of("fixtures/edfi-equivalent.json"));
    }

    static SchoolFile csv() throws Exception {
        return new CsvSchoolReader(AttendanceCodes.load(Path.of("fixtures/csv/codes.csv")))
                .read(Path.of("fixtures/csv/roster.csv"), Path.of("fixtures/csv/attendance.csv"), Path.of("fixtures/csv/school.json"),
                        Path.of("fixtures/csv/interventions.csv"));
    }

    /** Every student's result as the json format writes it. */
    static String students(SchoolResult r) throws Exception {
        StringBuilder w = new StringBuilder();
        for (StudentResult s : r.students()) {
            w.append(ResultWriter.jsonLine(s)).append('\n');
        }
        return w.toString();
    }

    static String calls(SchoolFile f, SchoolResult r) throws Exception {
        StringWriter w = new StringWriter();
        CallList.json(CallList.of(f, r, TestEngine.get().catalog()), w);
        return w.toString();
    }

    @Test
    void edFiJsonAndCsvGiveIdenticalResultsAndCallLists() throws Exception {
        OutreachEngine engine = TestEngine.get();
        SchoolFile e = edfi();
        SchoolFile j = json();
        SchoolFile c = csv();
        assertTrue(e.warnings().isEmpty(), "the Ed-Fi fixture has a full calendar: " + e.warnings());
        assertTrue(c.warnings().isEmpty(), c.warnings().toString());
        SchoolResult re = engine.evaluate(e);
        SchoolResult rj = engine.evaluate(j);
        SchoolResult rc = engine.evaluate(c);
        assertEquals(j.school().schoolId(), e.school().schoolId());
        assertEquals(j.school().calendar(), e.school().calendar());
        assertEquals(students(rj), students(re), "Ed-Fi and JSON");
        assertEquals(students(rj), students(rc), "CSV and JSON");
        assertEquals(calls(j, rj), calls(e, re), "call list: Ed-Fi and JSON");
        assertEquals(calls(j, rj), calls(c, rc), "call list: CSV and JSON");
        assertEquals(7, rj.students().size());
        assertFalse(rj.students().stream().anyMatch(StudentResult::isError));
        // the fixture exercises what it claims to: a chronic student, foster care, an interpreter, a partial day
        assertEquals(AttendanceTier.MODERATE_CHRONIC, byId(re, "E-102").attendanceTier());
        assertEquals(AttendanceTier.SEVERE_CHRONIC, byId(re, "E-104").attendanceTier());
        assertEquals(11.5, byId(re, "E-104").daysMissed());
        assertTrue(byId(re, "E-103").carrying("contact-education-decision-maker").isPresent(), "reached with today's call");
        assertEquals(Boolean.TRUE, byId(re, "E-108").recommendation("personal-call-home").orElseThrow().interpreterNeeded());
        assertEquals(33, byId(re, "E-105").daysEnrolled(), "entered on 2026-10-05");
        assertEquals(38, byId(re, "E-106").daysEnrolled(), "exitWithdrawDate 2026-10-30 is the last day enrolled");
    }

    private static StudentResult byId(SchoolResult r, String id) {
        return r.students().stream().filter(s -> s.studentId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aSchoolFileACsvExportAndAnEdFiFolderDescribingTheSameSupportsGiveTheSameProgressAndTiers() throws Exception {
        OutreachEngine engine = TestEngine.get();
        List<SchoolResult> all = List.of(engine.evaluate(json()), engine.evaluate(csv()), engine.evaluate(edfi()));
        for (SchoolResult r : all) {
            StudentResult mentored = r.students().stream().filter(s -> s.studentId().equals("E-102")).findFirst().orElseThrow();
            assertEquals(List.of("success-mentor"), mentored.progress().stream().map(p -> p.intervention()).toList(),
                    "the reading intervention is not an attendance support");
            assertEquals(LocalDate.of(2026, 10, 5), mentored.progress().get(0).startedOn());
            assertTrue(mentored.recommendation("success-mentor").isEmpty(), "in place: not recommended again");
            StudentResult planned = r.students().stream().filter(s -> s.studentId().equals("E-104")).findFirst().orElseThrow();
            assertEquals("student-attendance-success-plan", planned.progress().get(0).intervention());
            StudentResult ended = r.students().stream().filter(s -> s.studentId().equals("E-103")).findFirst().orElseThrow();
            assertEquals(List.of(), ended.progress(), "the help bank ended on 2026-11-06: not in place");
        }
        for (SchoolResult r : all.subList(1, 3)) {
            for (int i = 0; i < r.students().size(); i++) {
                StudentResult a = all.get(0).students().get(i);
                StudentResult b = r.students().get(i);
                assertEquals(a.progress(), b.progress(), a.studentId());
                assertEquals(a.supportTier(), b.supportTier(), a.studentId());
                assertEquals(a.attendanceTier(), b.attendanceTier(), a.studentId());
            }
        }
    }
}
