package org.attendanceoutreach.sandbox;

import org.attendanceoutreach.OutreachEngine;
import org.attendanceoutreach.facts.SchoolDays;
import org.attendanceoutreach.internal.compile.CompiledRules;
import org.attendanceoutreach.internal.compile.ExecModelCompiler;
import org.attendanceoutreach.internal.drl.DrlModel;
import org.attendanceoutreach.internal.sandbox.BytecodeVerifier;
import org.attendanceoutreach.internal.sandbox.CheckedRules;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.rules.RuleCompiler;
import org.attendanceoutreach.rules.RuleProblem;
import org.attendanceoutreach.rules.RuleSet;
import org.attendanceoutreach.rules.RuleSource;
import org.attendanceoutreach.rules.RulesException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule sandbox, attacked: every file of {@code src/library/src/test/resources/attacks/} is a
 * rule file an attacker with write access to {@code rules/} might drop in. Each is added to the
 * shipped rules and must be <em>refused</em> (a {@code FILE:LINE} problem in that file) or, where
 * its header says {@code expect: contained}, load and then cost only its own students (an error
 * naming the rule, never a hang, every other student's result unchanged). Nothing any of them tries
 * may happen: no file is written (the attacks write under {@code target/sandbox-canary/}), no
 * environment value reaches a result, no other student is lost; the same through
 * {@code reloadOnChange}.
 *
 * <p>{@link #theBytecodeCheckAloneRefusesWhatReachesIt} takes the file checks away and hands each
 * attack straight to the executable model's compiler: whatever compiles must then be refused by the
 * bytecode verifier alone, which is the boundary (what it checks is exactly what is loaded).
 *
 * <p>Shown to catch a planted fault (2026-11-30): with {@code BytecodeVerifier} made to skip every
 * method body of the lambda classes (predicates, consequences), {@link #theBytecodeCheckAloneRefusesWhatReachesIt}
 * failed, naming 35 attacks that then compiled and passed (the unicode escapes, reflection, file
 * writes, {@code System.exit}, loops, …). 57 of the 67 attacks of that day reach the bytecode check there, and with the
 * verifier intact every one is refused by it alone; two whose compiled code is harmless (the MVEL
 * dialect, {@code rule … extends}) are marked so and refused by the file checks only.
 */
class RuleSandboxTest {
    static final Path ATTACKS = Path.of("src/library/src/test/resources/attacks");
    static final Path CANARY = Path.of("target/sandbox-canary");
    static Map<String, String> shipped;
    static RuleSet baselineRules;
    static SchoolFile sample;
    static List<StudentResult> baseline;

    @BeforeAll
    static void baseline() throws Exception {
        deleteCanary();
        shipped = RuleSource.folder(Path.of("rules")).read();
        baselineRules = RuleCompiler.compile(RuleSource.inMemory("shipped", shipped), null);
        sample = new SchoolFileReader().read(Path.of("fixtures/sample-school.json"));
        baseline = evaluate(baselineRules);
    }

    @AfterAll
    static void nothingAnAttackTriedHappened() {
        assertFalse(Files.exists(CANARY), "an attack wrote under " + CANARY);
    }

    static Stream<Path> attacks() throws IOException {
        try (Stream<Path> s = Files.list(ATTACKS)) {
            return s.filter(p -> p.toString().endsWith(".drl")).sorted().toList().stream();
        }
    }

    @Test
    void theCorpusHasAtLeastFortyAttacks() throws IOException {
        assertTrue(attacks().count() >= 40, "attacks: " + attacks().count());
    }

    static List<StudentResult> evaluate(RuleSet rules) {
        return rules.evaluateAll(sample.school(), new SchoolDays(sample.school().calendar()), sample.students(), null);
    }

    static boolean contained(String text) {
        return text.contains("// expect: contained");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void eachAttackIsRefusedAtItsLineOrContained(Path attack) throws Exception {
        String text = Files.readString(attack);
        String name = attack.getFileName().toString();
        Map<String, String> files = new TreeMap<>(shipped);
        files.put(name, text);
        RuleSource source = RuleSource.inMemory("attack " + name, files);
        if (!contained(text)) {
            RulesException e = assertThrows(RulesException.class,
                    () -> assertTimeoutPreemptively(Duration.ofSeconds(120), () -> RuleCompiler.compile(source, null)),
                    name + " was not refused");
            assertTrue(e.problems().stream().anyMatch(p -> p.file().equals(name) && p.line() > 0),
                    name + ": no problem at a line of the attack file: " + e.problems());
            for (RuleProblem p : e.problems()) {
                assertFalse(p.toString().contains("\tat "), "a stack trace in " + p);
            }
            return;
        }
        RuleSet rules = RuleCompiler.compile(source, null);
        List<StudentResult> results = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> evaluate(rules));
        assertEquals(baseline.size(), results.size(), "every student comes out");
        int stopped = 0;
        for (int i = 0; i < results.size(); i++) {
            StudentResult r = results.get(i);
            if (r.isRuleFailure()) {
                stopped++;
                assertNotNull(r.ruleFailure().rule(), name + ": the failure names the rule: " + r.ruleFailure());
                assertTrue(Set.of("a", "b").contains(r.ruleFailure().rule()), name + ": " + r.ruleFailure());
            } else if (!r.rulesFired().contains("a") && !r.rulesFired().contains("b")) {
                assertEquals(baseline.get(i).recommendations(), r.recommendations(), name + ": " + r.studentId() + " changed");
            }
        }
        assertTrue(stopped > 0, name + ": the attack never ran");
        assertTrue(stopped < results.size() || text.contains("forever"), name + ": every student lost");
    }

    /** The file checks taken away: whatever the executable model compiles must fail the bytecode check. */
    @Test
    void theBytecodeCheckAloneRefusesWhatReachesIt() throws Exception {
        int reached = 0;
        List<String> passed = new ArrayList<>();
        for (Path attack : attacks().toList()) {
            String text = Files.readString(attack);
            if (contained(text) || text.contains("// bytecode: harmless")) {
                continue;
            }
            Map<String, String> files = Map.of("attack.drl", text);
            List<RuleProblem> problems = new ArrayList<>();
            CompiledRules compiled = ExecModelCompiler.compile(files, DrlModel.parse(files, n -> n), n -> n, problems);
            if (compiled == null) {
                continue; // the compiler itself refused it
            }
            reached++;
            BytecodeVerifier.Result result = CheckedRules.verify(compiled);
            if (result.ok()) {
                passed.add(attack.getFileName().toString());
            }
        }
        assertTrue(passed.isEmpty(), "compiled and passed the bytecode check: " + passed);
        assertTrue(reached >= 15, "only " + reached + " attacks reached the bytecode check");
    }

    /** Dropped into a watched folder, attacks are refused, the last good rules keep serving, and nothing happens. */
    @Test
    void attacksDroppedIntoAWatchedFolderNeverGoLive(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        for (Map.Entry<String, String> e : shipped.entrySet()) {
            Files.createDirectories(rules.resolve(e.getKey()).getParent()); // letters/… too
            Files.writeString(rules.resolve(e.getKey()), e.getValue());
        }
        List<List<RuleProblem>> reloads = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger count = new AtomicInteger();
        List<String> names = List.of("04-unicode-static-initializer.drl", "29-file-write.drl", "31-environment-read.drl",
                "36-insert-foreign-fact.drl", "19-while-true.drl");
        try (OutreachEngine engine = OutreachEngine.builder().rulesFolder(rules).reloadOnChange(p -> {
            reloads.add(p);
            if (count.incrementAndGet() >= 1) {
                done.countDown();
            }
        }).build()) {
            RuleSet before = engine.rules();
            for (String n : names) {
                Files.writeString(rules.resolve(n), Files.readString(ATTACKS.resolve(n)));
            }
            assertTrue(done.await(120, TimeUnit.SECONDS), "the watcher never reloaded");
            Thread.sleep(1_000);
            assertFalse(reloads.isEmpty());
            for (List<RuleProblem> p : reloads) {
                assertFalse(p.isEmpty(), "an attack went live");
            }
            assertTrue(before == engine.rules(), "the last good rules keep serving");
            assertEquals(baseline.stream().map(StudentResult::recommendations).toList(),
                    evaluate(engine.rules()).stream().map(StudentResult::recommendations).toList());
        }
    }

    static void deleteCanary() throws IOException {
        if (Files.exists(CANARY)) {
            try (Stream<Path> s = Files.walk(CANARY)) {
                for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(CANARY.getParent());
    }
}
