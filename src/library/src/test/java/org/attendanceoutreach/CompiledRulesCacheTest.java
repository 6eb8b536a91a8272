package org.attendanceoutreach;

import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.internal.compile.CompiledRules;
import org.attendanceoutreach.internal.compile.ExecModelCompiler;
import org.attendanceoutreach.internal.drl.DrlModel;
import org.attendanceoutreach.internal.sandbox.CheckedRules;
import org.attendanceoutreach.rules.RuleProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compiled-rules cache is only a cache: what it holds goes through the same bytecode check as a
 * fresh compile. A tampered entry (here: the compiled code of an attack put under the key of the
 * rules: it reads the environment into a reason) is refused, compiled again, and replaced. Shown
 * to fail (2026-11-30) with the check skipped for cache entries: the engine then served the
 * attack's code instead of the rules.
 */
class CompiledRulesCacheTest {
    @Test
    void aFolderCompiledOnceIsLoadedFromTheCacheNextTime(@TempDir Path dir) throws Exception {
        Path rules = edited(dir);
        Path cache = dir.resolve("cache");
        try (OutreachEngine engine = OutreachEngine.builder().rulesFolder(rules).compiledRulesCache(cache).build()) {
            assertTrue(engine.rules().ruleNames().size() > 10);
        }
        List<Path> entries = entries(cache);
        assertEquals(1, entries.size(), "one entry, named by the hash of the rule files");
        long before = Files.getLastModifiedTime(entries.get(0)).toMillis();
        try (OutreachEngine engine = OutreachEngine.builder().rulesFolder(rules).compiledRulesCache(cache).build()) {
            assertTrue(engine.rules().ruleNames().size() > 10);
        }
        assertEquals(before, Files.getLastModifiedTime(entries.get(0)).toMillis(), "loaded, not compiled and written again");
    }

    @Test
    void aTamperedEntryIsRefusedAndCompiledAgain(@TempDir Path dir) throws Exception {
        Path rules = edited(dir);
        Path cache = dir.resolve("cache");
        try (OutreachEngine engine = OutreachEngine.builder().rulesFolder(rules).compiledRulesCache(cache).build()) {
            assertNotNull(engine.rules());
        }
        Path entry = entries(cache).get(0);
        CompiledRules good = CompiledRules.fromBytes(Files.readAllBytes(entry));
        String attack = Files.readString(Path.of("src/library/src/test/resources/attacks/31-environment-read.drl"));
        Map<String, String> files = Map.of("attack.drl", attack);
        List<RuleProblem> problems = new ArrayList<>();
        CompiledRules evil = ExecModelCompiler.compile(files, DrlModel.parse(files, n -> n), n -> n, problems);
        assertNotNull(evil, problems.toString());
        Files.write(entry, new CompiledRules(evil.modelClass(), evil.classes(), good.sourceHash()).toBytes());
        assertTrue(!CheckedRules.verify(CompiledRules.fromBytes(Files.readAllBytes(entry))).ok(), "the entry is tampered");

        SchoolFile sample = new SchoolFileReader().read(Path.of("fixtures/sample-school.json"));
        try (OutreachEngine engine = OutreachEngine.builder().rulesFolder(rules).compiledRulesCache(cache).build()) {
            assertEquals(TestEngine.get().evaluate(sample), engine.evaluate(sample), "the real rules serve");
        }
        CompiledRules again = CompiledRules.fromBytes(Files.readAllBytes(entries(cache).get(0)));
        assertTrue(CheckedRules.verify(again).ok(), "the entry was replaced by a fresh compile");
    }

    private static Path edited(Path dir) throws Exception {
        Path rules = RuleFolderTest.copyRules(dir);
        Path f = rules.resolve("language.drl");
        Files.writeString(f, Files.readString(f) + "\n// edited: not the bundled rules\n");
        return rules;
    }

    private static List<Path> entries(Path cache) throws Exception {
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(p -> p.toString().endsWith(".rules")).toList();
        }
    }
}
