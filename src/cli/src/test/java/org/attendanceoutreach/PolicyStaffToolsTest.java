package org.attendanceoutreach;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.attendanceoutreach.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** validate's safety checks, diff, explain and check --coverage, as policy staff use them. */
class PolicyStaffToolsTest {

    @Test
    void validateRejectsSystemExitAndFileImportsAtTheirLines(@TempDir Path dir) throws Exception {
        Path rules = RuleFolderTest.copyRules(dir);
        Path language = rules.resolve("language.drl");
        String text = Files.readString(language).replace("then\n", "then\n    System.exit(1);\n");
        Files.writeString(language, text);
        Path meetings = rules.resolve("meetings.drl");
        String m = Files.readString(meetings).replace("package outreach;\n", "package outreach;\nimport java.io.File;\n");
        Files.writeString(meetings, m);
        CommandLineTest.Run r = run("validate", "--rules", rules.toString());
        assertEquals(1, r.status());
        assertTrue(r.out().contains("language.drl:" + RuleFolderTest.lineOf(text, "System.exit") + ": 'System' is not allowed"), r.out());
        assertTrue(r.out().contains("meetings.drl:" + RuleFolderTest.lineOf(m, "import java.io.File") + ": import java.io.File is not allowed"), r.out());
    }

    @Test
    void validateRejectsReflectionAndGlobals(@TempDir Path dir) throws Exception {
        Path rules = RuleFolderTest.copyRules(dir);
        Files.writeString(rules.resolve("sneaky.drl"), """
                package outreach;
                import org.attendanceoutreach.facts.StudentFacts;
                global java.util.List shared;
                rule "sneaky"
                when
                    $s : StudentFacts( )
                then
                    $s.getClass().getClassLoader();
                    java.lang.reflect.Array.newInstance(String.class, 1);
                end
                """);
        CommandLineTest.Run r = run("validate", "--rules", rules.toString());
        assertEquals(1, r.status());
        assertTrue(r.out().contains("sneaky.drl:3: globals are not allowed"), r.out());
        assertTrue(r.out().contains("sneaky.drl:8: 'getClass' is not allowed"), r.out());
        assertTrue(r.out().contains("sneaky.drl:9: java.lang.reflect.Array"), r.out());
    }

    @Test
    void diffOfTheSameFolderReportsNoChange() {
        CommandLineTest.Run r = run("diff", "--before", "rules", "--after", "rules", "fixtures/sample-school.json");
        assertEquals(0, r.status());
        assertTrue(r.out().strip().matches("0 of \\d+ students changed"), r.out());
    }

    @Test
    void diffAfterDeletingARuleFileListsTheStudentsWhoLostRecommendations(@TempDir Path dir) throws Exception {
        Path after = RuleFolderTest.copyRules(dir);
        Files.delete(after.resolve("language.drl"));
        CommandLineTest.Run r = run("diff", "--before", "rules", "--after", after.toString(), "fixtures/sample-school.json");
        assertEquals(0, r.status());
        // the interpreter was part of the first contact: that call no longer covers it
        assertTrue(r.out().lines().anyMatch(l -> l.equals("S-1004: personal-call-home: no longer covers arrange-adult-interpreter")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.equals("S-1015: - next: arrange-adult-interpreter (after the next contact with the family)")), r.out());
        assertTrue(r.out().strip().lines().reduce((a, b) -> b).orElse("").matches("[1-9]\\d* of \\d+ students changed"), r.out());
    }

    @Test
    void explainShowsTheRulesThatFiredAndTheOnesThatCameClose() {
        CommandLineTest.Run r = run("explain", "--rules", "rules", "--student", "S-1001", "fixtures/sample-school.json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("rules fired, in order:"), r.out());
        assertTrue(r.out().contains("1. \"attendance tier: "), r.out());
        assertTrue(r.out().contains("rules that came close"), r.out());
        assertTrue(r.out().contains("absenceRate = "), r.out());
        assertTrue(r.out().contains("matched: "), "each fired rule shows the conditions it matched");
    }

    @Test
    void coverageFailsWhenSomeRuleIsNeverFired(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one.json");
        Files.copy(Path.of("fixtures/scenarios/language.json"), one);
        CommandLineTest.Run r = run("check", "--rules", "rules", "--coverage", one.toString());
        assertEquals(1, r.status());
        assertTrue(r.out().contains("NOT COVERED \"summer meeting for a young student"), r.out());
        CommandLineTest.Run all = run("check", "--rules", "rules", "--coverage", "fixtures");
        assertEquals(0, all.status(), all.out());
    }
}
