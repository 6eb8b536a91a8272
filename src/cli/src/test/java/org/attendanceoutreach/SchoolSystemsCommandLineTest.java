package org.attendanceoutreach;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commands for a school's own systems: --edfi, --csv, call-list and report, run in-process as a user would. */
class SchoolSystemsCommandLineTest {
    private static CommandLineTest.Run run(String... args) {
        return CommandLineTest.run(args);
    }

    @Test
    void recommendReadsTheGrandBendSubsetWithOneWarningAndNoErrors() {
        CommandLineTest.Run r = run("recommend", "--rules", "rules", "--edfi", "fixtures/edfi/grand-bend-subset", "--as-of", "2022-05-27", "--format", "csv");
        assertEquals(0, r.status(), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("warning: ")).count(), r.err());
        assertFalse(r.err().contains("error"), r.err());
        assertEquals(48, r.out().lines().skip(1).map(l -> l.split(",")[2]).distinct().count());
        assertEquals(4, r.out().lines().filter(l -> l.contains(",MODERATE_CHRONIC,")).map(l -> l.split(",")[2]).distinct().count());
        assertFalse(r.err().contains("\r"), "no progress line when standard error is not a terminal");
    }

    @Test
    void recommendTakesTheCsvFilesAndRejectsHalfAnInput() {
        CommandLineTest.Run r = run("recommend", "--rules", "rules", "--format", "table", "--csv", "fixtures/csv/roster.csv", "fixtures/csv/attendance.csv",
                "--school", "fixtures/csv/school.json", "--codes", "fixtures/csv/codes.csv");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("E-102 +MODERATE_CHRONIC .*")), r.out());
        CommandLineTest.Run half = run("recommend", "--csv", "fixtures/csv/roster.csv", "fixtures/csv/attendance.csv");
        assertEquals(2, half.status());
        assertTrue(half.err().contains("--csv needs --school FILE"), half.err());
        CommandLineTest.Run none = run("recommend");
        assertEquals(2, none.status());
        assertTrue(none.err().contains("give school files, --edfi DIR, or --csv"), none.err());
    }

    @Test
    void anEdFiFolderWithAnUnmappedLocalDescriptorExitsOneAndNamesIt() {
        CommandLineTest.Run r = run("recommend", "--rules", "rules", "--edfi", "fixtures/edfi", "--as-of", "2026-11-20");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("error: fixtures/edfi/studentSchoolAttendanceEvents.json: student E-105: ["), r.err());
        assertTrue(r.err().contains("uri://lakeside.example.org/AttendanceEventCategoryDescriptor#Absent - Bus"), r.err());
        assertTrue(r.out().contains("\"studentId\": \"E-104\""), "every other student is evaluated");
    }

    @Test
    void callListPrintsTodaysCallsWithNumbersOnStandardOutputOnly() {
        CommandLineTest.Run table = run("call-list", "--rules", "rules", "--edfi", "fixtures/edfi", "--edfi-descriptors",
                "fixtures/edfi/lakeside-descriptors.json", "--as-of", "2026-11-20");
        assertEquals(0, table.status(), table.err());
        assertTrue(table.out().startsWith("TEACHER: "), table.out());
        assertTrue(table.out().contains("555-0102"), table.out());
        assertTrue(table.out().contains("4 calls, 0 numbers to find"), table.out());
        assertFalse(table.err().contains("555-"), "phone numbers never go to standard error");
        CommandLineTest.Run csv = run("call-list", "--rules", "rules", "--format", "csv", "fixtures/sample-school.json");
        assertEquals(0, csv.status(), csv.err());
        assertTrue(csv.out().startsWith("owner,studentId,"), csv.out());
        assertFalse(csv.err().contains("555-"), csv.err());
        CommandLineTest.Run bad = run("call-list", "--format", "xml", "fixtures/sample-school.json");
        assertEquals(2, bad.status());
    }

    /** Issue 15: a student with one bad record who is absent today is called, in every format, and the command says so (exit 1). */
    @Test
    void callListKeepsAStudentWhoCannotBeEvaluatedInEveryFormatAndWritesOut(@TempDir Path dir) throws Exception {
        Path school = dir.resolve("school.json");
        Files.writeString(school, """
                {"schoolId": "PS-9", "asOf": "2026-11-20", "calendar": {"firstDay": "2026-09-08", "lastDay": "2027-06-25"},
                 "students": [{"studentId": "X-1", "grade": "3", "context": {"homeLanguage": "es"},
                   "contacts": [{"role": "PARENT", "relationship": "mother", "name": "Rosa X", "phone": "555-0191", "phoneStatus": "WORKING"}],
                   "absences": [{"date": "2026-11-15", "type": "UNEXCUSED"}, {"date": "2026-11-20", "type": "UNEXCUSED"}]}]}
                """);
        for (String format : List.of("table", "csv", "json")) {
            CommandLineTest.Run r = run("call-list", "--rules", "rules", "--format", format, school.toString());
            assertEquals(1, r.status(), "an error in the batch: exit 1");
            assertTrue(r.err().contains("student X-1: absences[0].date"), r.err());
            assertTrue(r.out().contains("X-1") && r.out().contains("555-0191"), format + ": " + r.out());
            assertTrue(r.out().contains("could not be evaluated: see the error"), format + ": " + r.out());
            assertFalse(r.err().contains("555-") || r.err().contains("Rosa"), "no personal data on standard error");
        }
        Path out = dir.resolve("calls.csv");
        CommandLineTest.Run written = run("call-list", "--rules", "rules", "--format", "csv", "--out", out.toString(), "fixtures/sample-school.json");
        assertEquals(0, written.status(), written.err());
        assertEquals("", written.out(), "with --out nothing goes to standard output");
        assertTrue(Files.readString(out).startsWith("owner,studentId,"));
        assertTrue(written.err().contains("call list: " + out), written.err());
        CommandLineTest.Run folder = run("call-list", "--rules", "rules", "--out", dir.toString(), "fixtures/sample-school.json");
        assertEquals(2, folder.status(), "a folder is refused before any work: " + folder.err());
    }

    @Test
    void reportWritesOneSelfContainedPage(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report.html");
        CommandLineTest.Run r = run("report", "--rules", "rules", "fixtures/edfi-equivalent.json", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        String html = Files.readString(out);
        assertTrue(html.contains("<svg"));
        assertTrue(html.contains("E-102"));
        assertFalse(html.contains("http"));
    }

    @Test
    void recommendWritesTheRecommendedSupportsBackAsEdFiResources(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path out = tmp.resolve("post");
        CommandLineTest.Run r = run("recommend", "--rules", "rules", "--edfi", "fixtures/edfi", "--edfi-descriptors",
                "fixtures/edfi/lakeside-descriptors.json", "--as-of", "2026-11-20", "--write-back-edfi", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("recommended supports as Ed-Fi Data Standard 4 resources: post " + out.resolve("interventions.json")
                + ", then " + out.resolve("studentInterventionAssociations.json")), r.err());
        String interventions = java.nio.file.Files.readString(out.resolve("interventions.json"));
        assertTrue(interventions.contains("\"interventionClassDescriptor\" : \"uri://ed-fi.org/InterventionClassDescriptor#Practice\""), interventions);
        assertTrue(java.nio.file.Files.readString(out.resolve("studentInterventionAssociations.json")).contains("\"studentUniqueId\""));
        assertTrue(r.out().contains("\"progress\": ["), "the supports already in place come out with their progress");
        CommandLineTest.Run alone = run("recommend", "--rules", "rules", "--write-back-edfi", out.toString(), "fixtures/sample-school.json");
        assertEquals(2, alone.status());
        assertTrue(alone.err().contains("--write-back-edfi goes with --edfi DIR"), alone.err());
    }

    @Test
    void csvReadsTheSupportsInPlaceFromAFileOfTheirOwn() {
        CommandLineTest.Run r = run("recommend", "--rules", "rules", "--csv", "fixtures/csv/roster.csv", "fixtures/csv/attendance.csv",
                "--school", "fixtures/csv/school.json", "--codes", "fixtures/csv/codes.csv", "--interventions", "fixtures/csv/interventions.csv",
                "--format", "table");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("in place: success-mentor"), r.out());
        CommandLineTest.Run lonely = run("recommend", "--rules", "rules", "--interventions", "fixtures/csv/interventions.csv",
                "fixtures/sample-school.json");
        assertEquals(2, lonely.status());
        assertTrue(lonely.err().contains("--interventions go with --csv"), lonely.err());
    }
}
