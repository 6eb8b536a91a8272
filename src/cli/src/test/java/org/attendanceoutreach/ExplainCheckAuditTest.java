package org.attendanceoutreach;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.attendanceoutreach.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** explain in words and percentages, check says what it skipped, audit's columns line up. */
class ExplainCheckAuditTest {

    @Test
    void explainGivesSharesAsPercentagesAndTheTiersTheRulesSet() {
        CommandLineTest.Run r = run("explain", "--rules", "rules", "--student", "S-1023", "fixtures/sample-school.json");
        assertEquals(0, r.status(), r.err());
        String out = r.out();
        assertTrue(out.startsWith("student S-1023 as of Friday 2026-11-20:\n"
                + "  attendance tier: at risk: 5 of 52 enrolled school days missed (9.6%)\n"
                + "  support tier 1: universal: what every family gets\n"), out);
        assertTrue(out.contains("\n  absenceRate = 9.6%\n"), out);
        assertTrue(out.contains("\n  daysMissed = 5\n"), "a whole number of days has no .0: " + out);
        assertTrue(out.contains("\n  absentToday = yes\n"), out);
        assertTrue(out.contains("\n  chronicSince = none\n"), out);
        assertTrue(out.contains("  set by the rules: attendanceTier = AT_RISK, supportTier = 1\n"), out);
        assertFalse(out.matches("(?s).*\\d\\.\\d{5,}.*"), "no long decimals: " + out);
        assertFalse(out.lines().anyMatch(l -> l.endsWith(" = null")), "a fact without a value is 'none': " + out);
        assertTrue(out.contains("DUE: due today; the teacher reaches the parent"), out);
    }

    @Test
    void aSatisfactoryStudentShowsTheTierTheRulesGaveNotNull() {
        String satisfactory = null;
        CommandLineTest.Run all = run("recommend", "--rules", "rules", "--format", "csv", "fixtures/sample-school.json");
        for (String line : all.out().lines().toList()) {
            if (line.contains(",SATISFACTORY,")) {
                satisfactory = line.split(",")[2];
                break;
            }
        }
        assertTrue(satisfactory != null, "the sample has a satisfactory student");
        CommandLineTest.Run r = run("explain", "--rules", "rules", "--student", satisfactory, "fixtures/sample-school.json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("  attendance tier: satisfactory: "), r.out());
        assertTrue(r.out().contains("set by the rules: attendanceTier = SATISFACTORY"), r.out());
        assertFalse(r.out().lines().anyMatch(l -> l.endsWith(" = null")), r.out());
    }

    @Test
    void explainTakesAnotherDayAndOtherInputs() {
        CommandLineTest.Run october = run("explain", "--rules", "rules", "--student", "S-1023", "--as-of", "2026-10-01",
                "fixtures/sample-school.json");
        assertEquals(0, october.status(), october.err());
        assertTrue(october.out().startsWith("student S-1023 as of Thursday 2026-10-01:\n"), october.out());
        CommandLineTest.Run csv = run("explain", "--rules", "rules", "--student", "E-101", "--school", "fixtures/csv/school.json",
                "--csv", "fixtures/csv/roster.csv", "fixtures/csv/attendance.csv", "--codes", "fixtures/csv/codes.csv");
        assertEquals(0, csv.status(), csv.err());
        assertTrue(csv.out().startsWith("student E-101 as of "), csv.out());
        CommandLineTest.Run nobody = run("explain", "--rules", "rules", "--student", "S-0000", "fixtures/sample-school.json");
        assertEquals(1, nobody.status());
        assertTrue(nobody.err().contains("no student S-0000 in fixtures/sample-school.json"), nobody.err());
    }

    @Test
    void checkOfFixturesSaysWhatItSkippedAndWhy() {
        CommandLineTest.Run r = run("check", "--rules", "rules", "fixtures");
        assertEquals(0, r.status(), r.out());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("skipped ") && l.contains(" files in fixtures/bad/ (")
                && l.endsWith("not valid JSON and no \"expect\" list: an input meant to be bad, not a scenario")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("skipped ") && l.contains(" files in fixtures/edfi/ (")
                && l.endsWith("a JSON list or value, not an object (Ed-Fi resources are lists): not a scenario")), r.out());
        assertTrue(lines.contains("skipped fixtures/csv/school.json: no \"expect\" list: a school file or other data, not a scenario"), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\d+ scenario files checked, \\d+ other JSON files skipped \\(above\\)")), r.out());
        assertTrue(lines.get(lines.size() - 1).matches("\\d+ passed, 0 failed"), r.out());
    }

    @Test
    void aScenarioInAFolderNamedBadOrEdfiIsChecked(@TempDir Path dir) throws Exception {
        String scenario = """
                {"asOf": "2026-11-20", "calendar": {"firstDay": "2026-09-08", "lastDay": "2027-06-25"},
                 "students": [{"studentId": "W-1"}],
                 "expect": [{"studentId": "W-1", "attendanceTier": "SEVERE_CHRONIC"}]}
                """;
        Files.createDirectories(dir.resolve("bad"));
        Files.createDirectories(dir.resolve("edfi"));
        Files.writeString(dir.resolve("bad/wrong.json"), scenario);
        Files.writeString(dir.resolve("edfi/wrong.json"), scenario);
        // a scenario being written, with a syntax error: checked, so the error is seen
        Files.writeString(dir.resolve("broken.json"), scenario.replace("\"students\": [", "\"students\" ["));
        CommandLineTest.Run r = run("check", "--rules", "rules", dir.toString());
        assertEquals(1, r.status());
        assertTrue(r.out().contains("FAIL " + dir.resolve("bad/wrong.json") + ": W-1: attendanceTier: expected SEVERE_CHRONIC"), r.out());
        assertTrue(r.out().contains("FAIL " + dir.resolve("edfi/wrong.json") + ": W-1: attendanceTier"), r.out());
        assertTrue(r.out().contains("FAIL " + dir.resolve("broken.json") + ": -: the file cannot be read"), r.out());
        assertTrue(r.out().strip().endsWith("0 passed, 3 failed"), r.out());
    }

    @Test
    void aMisspeltExpectationKeyFailsTheCheckAtItsPlace(@TempDir Path dir) throws Exception {
        // S-1023 of the sample gets personal-call-home; "excldes" used to pass, with "1 passed, 0 failed" and exit 0
        String sample = Files.readString(Path.of("fixtures/sample-school.json"));
        String head = sample.substring(0, sample.indexOf("\"expect\": ["));
        Path file = Files.writeString(dir.resolve("typo.json"), head
                + "\"expect\": [{\"studentId\": \"S-1023\", \"excldes\": [\"personal-call-home\"]},"
                + " {\"studentId\": \"S-1023\", \"includes\": [\"personal-call-home\"]}]}");
        CommandLineTest.Run r = run("check", "--rules", "rules", file.toString());
        assertEquals(1, r.status(), r.out());
        assertTrue(r.out().contains("FAIL " + file + ": S-1023: unknown expectation key \"excldes\": nothing was checked for it;"
                + " did you mean 'excludes'?\n"), r.out());
        assertTrue(r.out().strip().endsWith("1 passed, 1 failed"), r.out());
    }

    @Test
    void checkWithNothingToCheckFails() {
        CommandLineTest.Run r = run("check", "--rules", "rules", "fixtures/bad");
        assertEquals(1, r.status(), "no scenario file is not a pass");
        assertTrue(r.out().contains("nothing to check: no scenario file"), r.out());
    }

    @Test
    void auditColumnsLineUpWhateverTheIds() {
        CommandLineTest.Run r = run("audit", "--rules", "rules", "fixtures/audit/school-practices.json");
        assertEquals(0, r.status(), r.err());
        List<String> table = r.out().lines().dropWhile(l -> !l.startsWith("STRATEGY")).takeWhile(l -> !l.isBlank()).toList();
        assertEquals(10, table.size(), r.out());
        String header = table.get(0);
        for (String column : List.of("IMPACT", "DOES NOW", "MOVE TO")) {
            int at = header.indexOf(column);
            for (String row : table.subList(1, table.size())) {
                assertEquals(' ', row.charAt(at - 1), "column " + column + " starts at " + at + " in: " + row);
                assertTrue(row.charAt(at) != ' ', "column " + column + " starts at " + at + " in: " + row);
            }
        }
        assertTrue(table.stream().anyMatch(l -> l.contains("automated-absence-call, call-after-three-consecutive-absences  personal-call-home")),
                "the longest cell is followed by the gap too: " + r.out());
    }
}
