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

/**
 * Reloads, good and broken, never disturb evaluations running on other threads.
 *
 * <p>Shown to catch a planted fault (2026-11-30): a reload that set the serving rules to null for
 * 200 ms before the new ones (workers then failed with NullPointerException, which used to kill the
 * worker thread silently, so the old test passed). Workers now record any throwable as a
 * difference, and each round must see evaluations finish while a reload is in progress.
 */
class ReloadUnderLoadTest {
    private static final String BROKEN = "package outreach;\nrule \"half a rule\"\nwhen\n    StudentFacts( \n";

    @Test
    void evaluationsDuringReloadsGiveTheSameResultsAndABrokenReloadKeepsTheOldRules(@TempDir Path dir) throws Exception {
        Path rules = RuleFolderTest.copyRules(dir);
        OutreachEngine engine = OutreachEngine.builder().rulesFolder(rules).build();
        SchoolFile file = new SchoolFileReader().read(Path.of("fixtures/sample-school.json"));
        SchoolResult expected = engine.evaluate(file);
        var student = file.students().stream().filter(s -> s.ok()).findFirst().orElseThrow();
        var expectedOne = engine.evaluate(file.school(), student.student());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean reloading = new AtomicBoolean(false);
        AtomicInteger evaluations = new AtomicInteger();
        AtomicInteger duringReload = new AtomicInteger();
        ConcurrentLinkedQueue<String> differences = new ConcurrentLinkedQueue<>();
        Thread[] workers = new Thread[3];
        for (int i = 0; i < workers.length; i++) {
            boolean whole = i == 0;
            workers[i] = new Thread(() -> {
                while (running.get()) {
                    try {
                        boolean same = whole ? engine.evaluate(file).equals(expected)
                                : engine.evaluate(file.school(), student.student()).equals(expectedOne);
                        evaluations.incrementAndGet();
                        if (reloading.get()) {
                            duringReload.incrementAndGet();
                        }
                        if (!same) {
                            differences.add("a result differed during a reload");
                        }
                    } catch (Throwable t) {
                        differences.add("an evaluation failed during a reload: " + t);
                        return;
                    }
                }
            });
            workers[i].start();
        }
        try {
            for (int round = 0; round < 3; round++) {
                int before = duringReload.get();
                reloading.set(true);
                engine.reload();
                Files.writeString(rules.resolve("broken.drl"), BROKEN);
                RulesException e = assertThrows(RulesException.class, engine::reload);
                reloading.set(false);
                assertTrue(e.problems().stream().anyMatch(p -> p.file().endsWith("broken.drl")), e.getMessage());
                Files.delete(rules.resolve("broken.drl"));
                assertTrue(duringReload.get() > before, "no evaluation finished while round " + round + " reloaded");
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
