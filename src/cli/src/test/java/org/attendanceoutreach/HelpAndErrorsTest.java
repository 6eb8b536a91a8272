package org.attendanceoutreach;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.attendanceoutreach.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every --help ends with examples that work on a clone; every usage error is one plain line and exit 2. */
class HelpAndErrorsTest {
    static final List<String> COMMANDS = List.of("recommend", "call-list", "report", "letters", "check", "validate", "audit", "rules",
            "diff", "explain", "generate", "bench");

    /** The example commands under "Examples:" of a help text, a trailing {@code \} joining the next line, comments dropped. */
    static List<String> examples(String help) {
        int at = help.indexOf("\nExamples:\n");
        List<String> out = new ArrayList<>();
        if (at < 0) {
            return out;
        }
        StringBuilder pending = null;
        for (String line : help.substring(at + "\nExamples:\n".length()).split("\n")) {
            String l = line.strip();
            if (pending != null) {
                pending.append(' ').append(l);
            } else if (l.startsWith("./outreach ")) {
                pending = new StringBuilder(l);
            } else {
                continue;
            }
            if (pending.toString().endsWith("\\")) {
                pending.setLength(pending.length() - 1);
                continue;
            }
            String command = pending.toString();
            int comment = command.indexOf(" #");
            out.add((comment < 0 ? command : command.substring(0, comment)).strip().replaceAll("\\s+", " "));
            pending = null;
        }
        return out;
    }

    /**
     * Runs {@code ./outreach ...} in-process from the repository root (as on a clone); each
     * {@code --out FILE} goes to {@code dir} instead, so the clone stays clean.
     */
    static CommandLineTest.Run runExample(String example, Path dir) {
        List<String> args = new ArrayList<>(List.of(example.substring("./outreach ".length()).split(" ")));
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("--out") || args.get(i).equals("--dir")) {
                args.set(i + 1, dir.resolve(Path.of(args.get(i + 1)).getFileName()).toString());
            }
        }
        if (args.get(0).equals("bench") && !args.contains("--dir")) {
            args.addAll(List.of("--dir", dir.resolve("bench").toString()));
        }
        return run(args.toArray(String[]::new));
    }

    @Test
    void everyHelpEndsWithExamplesAndEveryExampleWorksOnAClone(@TempDir Path dir) {
        List<String> all = new ArrayList<>();
        CommandLineTest.Run top = run("--help");
        assertEquals(0, top.status());
        assertFalse(examples(top.out()).isEmpty(), "./outreach --help shows examples:\n" + top.out());
        all.addAll(examples(top.out()));
        for (String command : COMMANDS) {
            CommandLineTest.Run help = run(command, "--help");
            assertEquals(0, help.status(), command);
            List<String> shown = examples(help.out());
            assertFalse(shown.isEmpty(), command + " --help shows an example:\n" + help.out());
            assertTrue(shown.stream().allMatch(e -> e.startsWith("./outreach " + command + " ")
                    || e.equals("./outreach " + command)), command + ": its examples run it: " + shown);
            boolean continued = false;
            for (String line : help.out().substring(help.out().indexOf("\nExamples:\n") + 11).strip().split("\n")) {
                String l = line.strip();
                assertTrue(continued || l.startsWith("# ") || l.startsWith("./outreach "), command + " --help ends with its examples: " + l);
                continued = l.endsWith("\\");
            }
            for (String line : help.out().split("\n")) {
                assertTrue(line.length() <= 80, command + " --help: a line longer than 80 columns wraps: " + line);
            }
            all.addAll(shown);
        }
        for (String example : all) {
            CommandLineTest.Run r = runExample(example, dir);
            assertEquals(0, r.status(), example + "\n" + r.err());
        }
        assertTrue(all.size() >= 2 * COMMANDS.size(), "two examples a command: " + all);
    }

    /**
     * A command's description reads as paragraphs: no line breaks in the middle of a sentence, where
     * the source's line ended ("... every student whose tiers," then "recommendations, owners ..."
     * on a line of its own). A line that does not end a sentence fills the width.
     */
    @Test
    void everyDescriptionWrapsAsParagraphsWithoutShortLinesInMidSentence() {
        for (String command : COMMANDS) {
            String help = run(command, "--help").out();
            List<String> lines = List.of(help.split("\n"));
            int first = 0;
            while (first < lines.size() && (lines.get(first).startsWith("Usage:") || lines.get(first).startsWith(" "))) {
                first++; // the synopsis and its continuation lines
            }
            for (int i = first; i < lines.size() && !lines.get(i).startsWith(" ") && !lines.get(i).isEmpty(); i++) {
                String line = lines.get(i);
                boolean endsASentence = line.endsWith(".") || line.endsWith(".)") || line.endsWith(":");
                boolean lastOfParagraph = i + 1 == lines.size() || lines.get(i + 1).startsWith(" ") || lines.get(i + 1).isEmpty();
                assertTrue(endsASentence || lastOfParagraph || line.length() >= 60,
                        command + " --help: a short line in the middle of a sentence: '" + line + "'\n" + help);
            }
        }
    }

    @Test
    void theExampleParserJoinsContinuedLinesAndDropsComments() {
        String help = "Usage: x\n\nExamples:\n  # a comment\n  ./outreach recommend --as-of 2026-10-01 \\\n      fixtures/sample-school.json\n"
                + "  ./outreach check fixtures   # all\n";
        assertEquals(List.of("./outreach recommend --as-of 2026-10-01 fixtures/sample-school.json", "./outreach check fixtures"),
                examples(help));
    }

    @Test
    void versionIsThePomsVersion() throws Exception {
        Matcher m = Pattern.compile("<artifactId>attendance-outreach-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "the root POM has a version");
        for (String flag : List.of("--version", "-V")) {
            CommandLineTest.Run r = run(flag);
            assertEquals(0, r.status());
            assertEquals("attendance-outreach " + m.group(1), r.out().lines().findFirst().orElse(""), r.out());
        }
        assertTrue(run("recommend", "--version").out().startsWith("attendance-outreach " + m.group(1) + "\n"));
    }

    /** A command line that is wrong, and what the one line on standard error must say. */
    record Bad(String expected, String... args) {
    }

    @Test
    void everyBadOptionValueIsOneLineThatSaysWhatToWriteAndExitsTwo(@TempDir Path dir) throws Exception {
        String school = "fixtures/sample-school.json";
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        List<Bad> table = new ArrayList<>();
        for (String command : List.of("recommend", "call-list", "report", "letters")) {
            table.add(new Bad("'2026-13-01' is not a date: the month (13) must be 01 to 12; write the day as YYYY-MM-DD, e.g. 2026-11-20",
                    command, "--as-of", "2026-13-01", school));
            table.add(new Bad("'tomorrow' is not a date: write the day as YYYY-MM-DD, e.g. 2026-11-20", command, "--as-of", "tomorrow", school));
            table.add(new Bad("'2026-02-30' is not a date: February 2026 has no day 30", command, "--as-of", "2026-02-30", school));
            table.add(new Bad("'20/11/2026' is not a date", command, "--as-of", "20/11/2026", school));
            table.add(new Bad("'1850-01-01' is not in the years 1900 … 2199", command, "--as-of", "1850-01-01", school));
            table.add(new Bad("--edfi-standard: ", command, "--edfi", "fixtures/edfi", "--edfi-standard", "7"));
            table.add(new Bad("--csv needs --school FILE", command, "--csv", "fixtures/csv/roster.csv", "fixtures/csv/attendance.csv"));
            table.add(new Bad("option '--csv' at index 0 (FILE) requires at least 2 values", command, "--school", "fixtures/csv/school.json", "--csv", "fixtures/csv/roster.csv"));
            table.add(new Bad("--school, --codes and --interventions go with --csv", command, "--school", "fixtures/csv/school.json", school));
            table.add(new Bad("give school files, --edfi DIR, or --csv", command));
            table.add(new Bad("--out " + folder, command, "--out", folder.toString(), school));
            table.add(new Bad("--follow-symlinks goes with --out FILE", command, "--follow-symlinks", school));
            table.add(new Bad("Unknown option: '--bogus'", command, "--bogus", school));
        }
        table.add(new Bad("'2026-13-01' is not a date", "explain", "--student", "S-1023", "--as-of", "2026-13-01", school));
        table.add(new Bad("Missing required option: '--student=ID'", "explain", school));
        table.add(new Bad("--format: 'xml' is not a format of recommend: use json, table, csv or jsonl", "recommend", "--format", "xml", school));
        table.add(new Bad("--format: 'pdf' is not a format of call-list: use table, csv or json", "call-list", "--format", "pdf", school));
        table.add(new Bad("--format: 'pdf' is not a format of letters: use text, html or json", "letters", "--format", "pdf", school));
        table.add(new Bad("--format: 'csv' is not a format of audit: use table or json", "audit", "--format", "csv", "fixtures/audit/school-practices.json"));
        table.add(new Bad("--format: 'xml' is not a format of generate: use jsonl or json", "generate", "--students", "1", "--format", "xml",
                "--out", dir.resolve("g.jsonl").toString()));
        table.add(new Bad("'abc' is not a whole number: write it in digits, e.g. 1000", "generate", "--students", "abc", "--out", dir.resolve("g.jsonl").toString()));
        table.add(new Bad("'1.5' is not a whole number", "generate", "--students", "1.5", "--out", dir.resolve("g.jsonl").toString()));
        table.add(new Bad("'99999999999' is not a whole number: write it in digits, e.g. 1000 (at most 2147483647)", "generate", "--students", "99999999999",
                "--out", dir.resolve("g.jsonl").toString()));
        table.add(new Bad("--students must be 0 or more", "generate", "--students", "-1", "--out", dir.resolve("g.jsonl").toString()));
        table.add(new Bad("--days must be 1 … 250", "generate", "--students", "1", "--days", "0", "--out", dir.resolve("g.jsonl").toString()));
        table.add(new Bad("'x' is not a whole number: write it in digits, e.g. 42", "generate", "--students", "1", "--seed", "x", "--out", dir.resolve("g.jsonl").toString()));
        table.add(new Bad("--out FILE is required", "generate", "--students", "1"));
        table.add(new Bad("Missing required option: '--students=N'", "generate", "--out", dir.resolve("g.jsonl").toString()));
        table.add(new Bad("--students must be 1 or more", "bench", "--students", "0"));
        table.add(new Bad("--days must be 1 … 250", "bench", "--students", "10", "--days", "999"));
        table.add(new Bad("'ten' is not a whole number", "bench", "--students", "ten"));
        table.add(new Bad("Missing required options: '--before=DIR', '--after=DIR'", "diff", school));
        table.add(new Bad("does not exist", "check", "no/such/folder"));
        table.add(new Bad("Missing required parameter: 'PATH'", "check"));
        table.add(new Bad("--rules: there is no folder " + Path.of("no/such/rules").toAbsolutePath(), "recommend", "--rules", "no/such/rules", school));
        table.add(new Bad("fixtures/edfi is a folder, not a school file: give school files (.json, or .jsonl); for a folder of Ed-Fi API "
                + "resources, --edfi fixtures/edfi", "recommend", "fixtures/edfi"));
        table.add(new Bad("fixtures is a folder, not a school file", "explain", "--student", "S-1023", "fixtures"));
        table.add(new Bad("fixtures is a folder, not a school file", "audit", "fixtures"));
        table.add(new Bad("fixtures is a folder, not a school file", "diff", "--before", "rules", "--after", "rules", "fixtures"));
        table.add(new Bad("--after: there is no folder " + Path.of("nope").toAbsolutePath(), "diff", "--before", "rules", "--after", "nope", school));
        table.add(new Bad("'frobnicate' is not a command", "frobnicate"));
        table.add(new Bad("Unknown option: '--bogus'", "--bogus"));

        for (Bad bad : table) {
            CommandLineTest.Run r = run(bad.args());
            String what = String.join(" ", bad.args()) + "\n" + r.err();
            assertEquals(2, r.status(), what);
            assertTrue(r.err().contains(bad.expected()), what);
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat ") || r.err().contains("java."), "no Java in: " + what);
            assertFalse(r.err().contains("Usage:"), "the error, not the whole usage: " + what);
            assertTrue(r.err().strip().lines().count() <= 4, "a few lines at most: " + what);
            assertEquals("", r.out(), "nothing on standard output: " + what);
        }
    }

    @Test
    void aUsageErrorNamesTheCommandAndWhereItsHelpIs() {
        CommandLineTest.Run r = run("recommend", "--as-of", "tomorrow", "fixtures/sample-school.json");
        List<String> lines = r.err().lines().toList();
        assertEquals(List.of("outreach recommend: Invalid value for option '--as-of': 'tomorrow' is not a date: write the day as YYYY-MM-DD, e.g. 2026-11-20",
                "Run ./outreach recommend --help for what it takes, with examples."), lines);
        CommandLineTest.Run typo = run("recomend", "fixtures/sample-school.json");
        assertTrue(typo.err().contains("Did you mean: outreach recommend"), typo.err());
    }
}
