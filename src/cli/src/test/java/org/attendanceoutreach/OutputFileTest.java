package org.attendanceoutreach;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.attendanceoutreach.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --out FILE}: the same output as standard output, written whole or not at all. */
class OutputFileTest {
    private static final String SAMPLE = "fixtures/sample-school.json";

    @TempDir
    Path dir;

    private long filesIn(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.count();
        }
    }

    @Test
    void recommendWritesToTheFileWhatItWouldPrintInEveryFormat() throws Exception {
        for (String format : new String[] {"json", "table", "csv", "jsonl"}) {
            CommandLineTest.Run printed = run("recommend", "--rules", "rules", "--format", format, SAMPLE);
            Path out = dir.resolve("recommendations." + format);
            Files.writeString(out, "the previous run\n");
            CommandLineTest.Run written = run("recommend", "--rules", "rules", "--format", format, "--out", out.toString(), SAMPLE);
            assertEquals(printed.status(), written.status(), written.err());
            assertEquals("", written.out(), "nothing on standard output with --out");
            assertEquals(printed.out(), Files.readString(out), format);
            assertEquals(printed.err(), written.err(), "the same errors and warnings on standard error");
        }
        assertEquals(4, filesIn(dir), "no temporary file left behind");
    }

    @Test
    void whenTheRulesDoNotCompileTheOldOutputStays() throws Exception {
        Path rules = RuleFolderTest.copyRules(dir.resolve("rules-copy"));
        Files.writeString(rules.resolve("broken.drl"), "package outreach;\nrule \"half a rule\"\nwhen\n    StudentFacts( \n");
        Path out = dir.resolve("out.json");
        Files.writeString(out, "yesterday's recommendations\n");
        CommandLineTest.Run r = run("recommend", "--rules", rules.toString(), "--out", out.toString(), SAMPLE);
        assertEquals(2, r.status(), r.err());
        assertEquals("yesterday's recommendations\n", Files.readString(out));
        assertEquals(2, filesIn(dir));
    }

    @Test
    void aFolderThatDoesNotExistIsAClearError() {
        Path out = dir.resolve("missing/out.json");
        CommandLineTest.Run r = run("recommend", "--rules", "rules", "--out", out.toString(), SAMPLE);
        assertEquals(2, r.status());
        assertTrue(r.err().contains("missing"), r.err());
        assertTrue(!Files.exists(dir.resolve("missing")));
    }

    @Test
    void auditAndRulesWriteTheirReportsWhole() throws Exception {
        CommandLineTest.Run printed = run("audit", "--rules", "rules", "--format", "json", "fixtures/audit/school-practices.json");
        Path audit = dir.resolve("audit.json");
        CommandLineTest.Run written = run("audit", "--rules", "rules", "--format", "json", "--out", audit.toString(),
                "fixtures/audit/school-practices.json");
        assertEquals(printed.status(), written.status(), written.err());
        assertEquals(printed.out(), Files.readString(audit));
        assertEquals("", written.out());

        CommandLineTest.Run table = run("rules", "--rules", "rules");
        Path md = dir.resolve("rules.md");
        CommandLineTest.Run tableWritten = run("rules", "--rules", "rules", "--out", md.toString());
        assertEquals(0, tableWritten.status(), tableWritten.err());
        assertEquals(table.out(), Files.readString(md));
        assertEquals(2, filesIn(dir));
    }

    @Test
    void theHtmlReportIsWrittenWholeAndABrokenRuleSetLeavesTheOldOne() throws Exception {
        Path page = dir.resolve("report.html");
        CommandLineTest.Run r = run("report", "--rules", "rules", "--out", page.toString(), SAMPLE);
        assertEquals(0, r.status(), r.err());
        String html = Files.readString(page);
        assertTrue(html.strip().endsWith("</html>"), "a complete page");

        Path rules = RuleFolderTest.copyRules(dir.resolve("rules-copy"));
        Files.writeString(rules.resolve("broken.drl"), "package outreach;\nrule \"half a rule\"\nwhen\n");
        CommandLineTest.Run broken = run("report", "--rules", rules.toString(), "--out", page.toString(), SAMPLE);
        assertEquals(2, broken.status(), broken.err());
        assertEquals(html, Files.readString(page));
        assertEquals(2, filesIn(dir), "no temporary file left behind");
    }

    /**
     * {@code --out} to a named pipe, a folder or a symbolic link is refused with a clear message
     * before the work starts (exit 2), and the target is left as it was; {@code --follow-symlinks}
     * writes the file a link points to. Shown to catch: the refusal removed from the command
     * (the pipe became a regular file of results).
     */
    @Test
    void aPipeAFolderOrALinkIsRefusedUnlessALinkIsToBeFollowed() throws Exception {
        Path fifo = dir.resolve("results.json");
        if (mkfifo(fifo)) {
            CommandLineTest.Run r = run("recommend", "--rules", "rules", "--out", fifo.toString(), SAMPLE);
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().contains("outreach recommend: --out " + fifo + ": is not a regular file"), r.err());
            assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the pipe is still a pipe");
            assertTrue(!r.err().contains("evaluating"), "refused before the work");
        }
        CommandLineTest.Run folder = run("report", "--rules", "rules", "--out", dir.toString(), SAMPLE);
        assertEquals(2, folder.status(), folder.err());
        assertTrue(folder.err().contains(dir + ": is a folder"), folder.err());

        Path real = dir.resolve("real.md");
        Files.writeString(real, "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.md"), real);
        CommandLineTest.Run refused = run("rules", "--rules", "rules", "--out", link.toString());
        assertEquals(2, refused.status(), refused.err());
        assertTrue(refused.err().contains("is a symbolic link") && refused.err().contains("--follow-symlinks"), refused.err());
        assertEquals("old\n", Files.readString(real));

        CommandLineTest.Run followed = run("rules", "--rules", "rules", "--out", link.toString(), "--follow-symlinks");
        assertEquals(0, followed.status(), followed.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(run("rules", "--rules", "rules").out(), Files.readString(real));

        CommandLineTest.Run alone = run("rules", "--rules", "rules", "--follow-symlinks");
        assertEquals(2, alone.status());
        assertTrue(alone.err().contains("--follow-symlinks goes with --out FILE"), alone.err());
    }

    private static boolean mkfifo(Path p) throws Exception {
        try {
            Process mk = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
            return mk.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && mk.exitValue() == 0 && Files.exists(p);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
