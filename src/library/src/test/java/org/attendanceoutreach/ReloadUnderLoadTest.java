package org.attendanceoutreach;

import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.rules.RuleProblem;
import org.attendanceoutreach.rules.RulesException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reloads, good and broken, never disturb evaluations running on other threads. */
class ReloadUnderLoadTest {
    private static final String BROKEN = "package outreach;\nrule \"half a rule\"\nwhen\n    StudentFacts( \n";

    @Test
    void evaluationsDuringReloadsGiveTheSameResultsAndABrokenReloadKeepsTheOldRules(@TempDir Path dir) throws Exception {
        Path rules = RuleFolderTest.copyRules(dir);
        OutreachEngine engine = OutreachEngine.builder().rulesFolder(rules).build();
        SchoolFile file = new SchoolFileReader().read(Path.of("fixtures/sample-school.json"));
        SchoolResult expected = engine.evaluate(file);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger evaluations = new AtomicInteger();
        ConcurrentLinkedQueue<String> differences = new ConcurrentLinkedQueue<>();
        Thread[] workers = new Thread[3];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Thread(() -> {
                while (running.get()) {
                    SchoolResult r = engine.evaluate(file);
                    evaluations.incrementAndGet();
                    if (!r.equals(expected)) {
                        differences.add("a result differed during a reload");
                    }
                }
            });
            workers[i].start();
        }
        try {
            for (int round = 0; round < 3; round++) {
                engine.reload();
                Files.writeString(rules.resolve("broken.drl"), BROKEN);
                RulesException e = assertThrows(RulesException.class, engine::reload);
                assertTrue(e.problems().stream().anyMatch(p -> p.file().endsWith("broken.drl")), e.getMessage());
                Files.delete(rules.resolve("broken.drl"));
            }
        } finally {
            running.set(false);
            for (Thread w : workers) {
                w.join();
            }
        }
        assertTrue(evaluations.get() > 3, "the workers ran: " + evaluations.get());
        assertEquals(List.of(), List.copyOf(differences));
        assertEquals(expected, engine.evaluate(file));
    }

    @Test
    void aWatchedFolderReloadsOnChangeAndReportsABrokenFile(@TempDir Path dir) throws Exception {
        Path rules = RuleFolderTest.copyRules(dir);
        BlockingQueue<List<RuleProblem>> reloads = new LinkedBlockingQueue<>();
        try (OutreachEngine engine = OutreachEngine.builder().rulesFolder(rules).reloadOnChange(reloads::add).build()) {
            var before = engine.rules();
            Files.writeString(rules.resolve("broken.drl"), BROKEN);
            List<RuleProblem> failed = reloads.poll(30, TimeUnit.SECONDS);
            assertNotNull(failed, "no reload after a file was added");
            assertFalse(failed.isEmpty());
            assertTrue(before == engine.rules(), "the old rules keep serving");
            Files.delete(rules.resolve("broken.drl"));
            List<RuleProblem> ok = reloads.poll(30, TimeUnit.SECONDS);
            assertNotNull(ok, "no reload after the file was removed");
            assertEquals(List.of(), ok);
            assertFalse(before == engine.rules(), "the new rules serve");
        }
    }
}
