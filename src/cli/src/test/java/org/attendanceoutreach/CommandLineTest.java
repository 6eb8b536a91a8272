package org.attendanceoutreach;

import org.attendanceoutreach.cli.OutreachCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commands of contract section 5, run in-process. */
class CommandLineTest {
    record Run(int status, String out, String err) { }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = OutreachCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void recommendPrintsEveryStudentOfTheSampleAndSaysWhichRulesItUsed() {
        Run r = run("recommend", "--rules", "rules", "fixtures/sample-school.json");
        assertTrue(r.err().contains("rules: folder rules"), r.err());
        assertTrue(r.out().contains("\"intervention\": \"personal-call-home\""), r.out());
        assertEquals(0, r.status(), "every student of the sample is evaluated: " + r.err());
        Run withBad = run("recommend", "--rules", "rules", "fixtures/scenarios/one-bad-student.json");
        assertEquals(1, withBad.status(), "a file with a bad student");
        assertTrue(withBad.err().lines().anyMatch(l -> l.startsWith("error: fixtures/scenarios/one-bad-student.json: student BAD-02: absences[1].date: ")), withBad.err());
        assertTrue(withBad.out().contains("\"studentId\": \"BAD-03\""), "the students after it are evaluated");
    }

    @Test
    void recommendIsByteForByteRepeatable() {
        Run a = run("recommend", "--rules", "rules", "--format", "json", "fixtures/sample-school.json");
        Run b = run("recommend", "--rules", "rules", "--format", "json", "fixtures/sample-school.json");
        assertEquals(a.out(), b.out());
        assertFalse(a.out().isBlank());
    }

    @Test
    void tableAndCsvFormatsWork() {
        Run table = run("recommend", "--rules", "rules", "--format", "table", "fixtures/sample-school.json");
        assertTrue(table.out().contains("because "), table.out());
        Run csv = run("recommend", "--rules", "rules", "--format", "csv", "fixtures/sample-school.json");
        assertTrue(csv.out().startsWith("file,schoolId,studentId,"), csv.out());
        Run bad = run("recommend", "--format", "xml", "fixtures/sample-school.json");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("use json, table, csv or jsonl"), bad.err());
    }

    @Test
    void asOfEvaluatesAnotherDay() {
        Run r = run("recommend", "--rules", "rules", "--as-of", "2026-09-30", "fixtures/sample-school.json");
        assertTrue(r.out().contains("\"asOf\": \"2026-09-30\""), r.out());
    }

    @Test
    void checkRunsTheFixturesAndEndsWithTheCount() {
        Run r = run("check", "--rules", "rules", "fixtures");
        String last = r.out().strip().lines().reduce((x, y) -> y).orElse("");
        assertTrue(last.matches("\\d+ passed, 0 failed"), r.out());
        assertEquals(0, r.status());
    }

    @Test
    void checkReportsWhatWasExpectedAndWhatCameOut(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wrong.json");
        Files.writeString(file, """
                {"asOf": "2026-11-20", "calendar": {"firstDay": "2026-09-08", "lastDay": "2027-06-25"},
                 "students": [{"studentId": "W-1"}],
                 "expect": [{"studentId": "W-1", "attendanceTier": "SEVERE_CHRONIC", "includes": ["success-mentor"]}]}
                """);
        Run r = run("check", "--rules", "rules", file.toString());
        assertEquals(1, r.status());
        assertTrue(r.out().contains("attendanceTier: expected SEVERE_CHRONIC, got SATISFACTORY"), r.out());
        assertTrue(r.out().contains("includes: expected success-mentor"), r.out());
        assertTrue(r.out().strip().endsWith("0 passed, 1 failed"), r.out());
    }

    @Test
    void validatePassesOnTheRulesAndPointsAtTheLineOfABrokenFile(@TempDir Path dir) throws Exception {
        Run ok = run("validate", "--rules", "rules");
        assertEquals(0, ok.status(), ok.out());
        Path rules = RuleFolderTest.copyRules(dir);
        Path file = rules.resolve("meetings.drl");
        Files.writeString(file, Files.readString(file).replace("then\n", "then\n    this is not java\n"));
        Run broken = run("validate", "--rules", rules.toString());
        assertEquals(1, broken.status());
        assertTrue(broken.out().lines().anyMatch(l -> l.matches(".*meetings\\.drl:\\d+: .+")), broken.out());
    }
}
