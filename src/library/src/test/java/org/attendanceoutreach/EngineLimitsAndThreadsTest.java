package org.attendanceoutreach;

import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.read.StudentInput;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.rules.RuleLimits;
import org.attendanceoutreach.rules.RuleSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Budgets per student, and threads that belong to the caller. */
class EngineLimitsAndThreadsTest {
    /** A rule that changes the student forever: each firing is cheap, there is no end. */
    static final String FOREVER = """
            package outreach;
            import org.attendanceoutreach.facts.StudentFacts;
            rule "raise forever"
            when
                $student : StudentFacts( absentToday, supportTier < 4 )
            then
                modify( $student ) { raiseSupportTier( 2 ) }
            end
            """;

    static Path rulesWith(Path dir, String extra) throws Exception {
        Path rules = RuleFolderTest.copyRules(dir);
        Files.writeString(rules.resolve("zz-extra.drl"), extra);
        return rules;
    }

    static SchoolFile sample() throws Exception {
        return new SchoolFileReader().read(Path.of("fixtures/sample-school.json"));
    }

    static List<StudentResult> evaluate(OutreachEngine engine, SchoolFile file) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> engine.evaluate(file).students());
    }

    @Test
    void tooManyFiringsStopOnlyTheStudentsOfTheRuleThatLoops(@TempDir Path dir) throws Exception {
        SchoolFile file = sample();
        try (OutreachEngine engine = OutreachEngine.builder().rulesFolder(rulesWith(dir, FOREVER))
                .ruleLimits(new RuleLimits(500, Duration.ofSeconds(30), 0)).build()) {
            List<StudentResult> results = evaluate(engine, file);
            List<StudentResult> stopped = results.stream().filter(StudentResult::isRuleFailure).toList();
            assertTrue(!stopped.isEmpty(), "the looping rule was stopped");
            for (StudentResult r : stopped) {
                assertEquals("raise forever", r.ruleFailure().rule(), r.ruleFailure().toString());
                assertTrue(r.ruleFailure().message().contains("fired"), r.ruleFailure().message());
            }
            List<StudentResult> baseline = TestEngine.get().evaluate(file).students();
            for (int i = 0; i < results.size(); i++) {
                if (!results.get(i).isRuleFailure()) {
                    assertEquals(baseline.get(i), results.get(i), "every other student is evaluated as before");
                }
            }
            assertTrue(stopped.size() < results.size());
        }
    }

    @Test
    void tooLongStopsTheStudentAndNamesTheRule(@TempDir Path dir) throws Exception {
        SchoolFile file = sample();
        try (OutreachEngine engine = OutreachEngine.builder().rulesFolder(rulesWith(dir, FOREVER))
                .ruleLimits(new RuleLimits(Integer.MAX_VALUE / 64, Duration.ofMillis(30), 0)).build()) {
            List<StudentResult> stopped = evaluate(engine, file).stream().filter(StudentResult::isRuleFailure).toList();
            assertTrue(!stopped.isEmpty());
            // (on a slow machine another student may also run past 30 ms: only the looping rule must be named)
            assertTrue(stopped.stream().allMatch(r -> r.ruleFailure().message().contains("longer than 30 ms")), stopped.toString());
            assertTrue(stopped.stream().anyMatch(r -> "raise forever".equals(r.ruleFailure().rule())), stopped.toString());
        }
    }

    @Test
    void tooMuchMemoryStopsTheStudentAndNamesTheRule(@TempDir Path dir) throws Exception {
        SchoolFile file = sample();
        try (OutreachEngine engine = OutreachEngine.builder().rulesFolder(rulesWith(dir, FOREVER))
                .ruleLimits(new RuleLimits(Integer.MAX_VALUE / 64, Duration.ofSeconds(30), 1 << 20)).build()) {
            List<StudentResult> stopped = evaluate(engine, file).stream().filter(StudentResult::isRuleFailure).toList();
            assertTrue(!stopped.isEmpty());
            assertTrue(stopped.stream().allMatch(r -> r.ruleFailure().message().contains("MB of memory")), stopped.toString());
            assertTrue(stopped.stream().anyMatch(r -> "raise forever".equals(r.ruleFailure().rule())), stopped.toString());
        }
    }

    /**
     * Students are fired 256 to a session; when a rule fails for one of them, the batch falls back to
     * one student at a time, so every student gets exactly what evaluating it alone gives.
     */
    @Test
    void aFailingRuleInABatchFallsBackToOneStudentAtATime(@TempDir Path dir) throws Exception {
        SchoolFile file = sample();
        String failsForSome = """
                package outreach;
                import org.attendanceoutreach.facts.StudentFacts;
                import function org.attendanceoutreach.rules.Advice.recommend;
                rule "due after the next meeting"
                when
                    $student : StudentFacts( absentToday )
                then
                    recommend( kcontext, "personal-call-home" ).due( $student.getNextMeetingDate().plusDays( 1 ) ).because( "x" );
                end
                """;
        try (OutreachEngine engine = OutreachEngine.builder().rulesFolder(rulesWith(dir, failsForSome)).build()) {
            assertTrue(engine.rules().batchSize() > 1);
            List<StudentResult> batched;
            try (Stream<StudentResult> s = engine.evaluateAll(file.school(), file.students().iterator())) {
                batched = s.toList();
            }
            int failed = 0;
            for (int i = 0; i < batched.size(); i++) {
                StudentInput in = file.students().get(i);
                StudentResult alone = in.ok() ? engine.evaluate(file.school(), in.student()) : batched.get(i);
                assertEquals(alone, batched.get(i), in.key());
                failed += batched.get(i).isRuleFailure() ? 1 : 0;
            }
            assertTrue(failed > 0 && failed < batched.size(), "some students, not all, hit the failing rule: " + failed);
        }
    }

    /** The focus of agenda groups belongs to the session: rules that use them are evaluated one student at a time. */
    @Test
    void rulesWithAgendaGroupsAreEvaluatedOneStudentAtATime(@TempDir Path dir) throws Exception {
        String grouped = """
                package outreach;
                import org.attendanceoutreach.facts.StudentFacts;
                import function org.attendanceoutreach.rules.Advice.recommend;
                rule "call in the first phase"
                    agenda-group "first calls"
                    auto-focus true
                when
                    $student : StudentFacts( absentToday )
                then
                    recommend( kcontext, "personal-call-home" ).because( $student.absentTodayInWords() );
                end
                """;
        SchoolFile file = sample();
        try (OutreachEngine engine = OutreachEngine.builder().rulesFolder(rulesWith(dir, grouped)).build()) {
            assertEquals(1, engine.rules().batchSize());
            List<StudentResult> all = evaluate(engine, file);
            assertTrue(all.stream().anyMatch(r -> r.rulesFired().contains("call in the first phase")));
        }
        try (OutreachEngine engine = OutreachEngine.builder().rulesFolder(Path.of("rules")).build()) {
            assertEquals(256, engine.rules().batchSize());
        }
    }

    @Test
    void badLimitsAreRefusedAtOnceWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RuleLimits(0, Duration.ofSeconds(1), 0));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RuleLimits(1, Duration.ZERO, 0));
    }

    /**
     * Called again from inside an {@code evaluateAll} callback, on an executor of one thread: the
     * inner stream's chunks have no free thread, and the consuming thread runs them itself.
     * (Shown to fail, by hanging until the timeout, with a read-ahead that only waits for its tasks,
     * as the old one did, 2026-11-30.)
     */
    @Test
    void reentrantCallsFromACallbackDoNotDeadlockOnTheCallersExecutor() throws Exception {
        SchoolFile file = sample();
        List<StudentInput> students = file.students();
        ExecutorService one = Executors.newSingleThreadExecutor();
        AtomicInteger tasks = new AtomicInteger();
        try (OutreachEngine engine = OutreachEngine.builder().rulesFolder(Path.of("rules"))
                .executor(r -> one.execute(() -> {
                    tasks.incrementAndGet();
                    r.run();
                })).build()) {
            long inner = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                try (Stream<Long> s = engine.evaluateAll(file.school(), students.iterator(), null, r -> {
                    try (Stream<StudentResult> again = engine.evaluateAll(file.school(), students.subList(0, 3).iterator())) {
                        return again.count();
                    }
                })) {
                    return s.mapToLong(Long::longValue).sum();
                }
            });
            assertEquals(3L * students.size(), inner);
            assertTrue(tasks.get() > 0, "the caller's executor ran tasks");
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void bundledRulesLoadWithoutCompiling() throws Exception {
        long start = System.nanoTime();
        try (OutreachEngine engine = OutreachEngine.builder().bundledRules().build()) {
            assertTrue(engine.rules().ruleNames().size() > 10);
            assertTrue(RuleSource.bundled().read().size() > 3);
        }
        assertTrue(System.nanoTime() - start < 30_000_000_000L);
    }
}
