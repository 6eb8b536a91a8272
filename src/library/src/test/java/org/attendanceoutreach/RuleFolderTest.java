package org.attendanceoutreach;

import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.catalog.Impact;
import org.attendanceoutreach.catalog.Practice;
import org.attendanceoutreach.catalog.Strategy;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.rules.RuleCompiler;
import org.attendanceoutreach.rules.RuleProblem;
import org.attendanceoutreach.rules.RuleSet;
import org.attendanceoutreach.rules.RuleSource;
import org.attendanceoutreach.rules.RulesException;
import org.attendanceoutreach.scenario.ScenarioCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule folder compiles, names only catalog practices, and every mistake is reported at FILE:LINE. */
class RuleFolderTest {
    static final List<String> CONTRACT_IDS = List.of(
            "summer-transition-meeting", "pre-school-year-letter", "attendance-posters-flyers",
            "personal-call-home", "call-after-three-consecutive-absences", "automated-absence-call",
            "monthly-letter-and-follow-up-call", "monthly-chronic-absence-email", "parent-portal-flyer",
            "relational-home-visit", "attendance-officer-home-visit", "report-card-absence-notice",
            "nurse-health-attendance-plan", "nurse-illness-check-in", "illness-guidance-flyer",
            "success-mentor", "morning-greeter-good-news-calls", "flagged-absence-email",
            "student-attendance-success-plan", "student-self-tracking", "absence-note-required",
            "parent-network-help", "subgroup-barrier-analysis", "mandatory-administrator-meeting",
            "community-resource-connection", "attendance-awareness-event", "handbook-partner-list",
            "find-working-phone-number", "second-positive-contact", "introduce-mentor-to-family",
            "escalate-to-attendance-team", "arrange-adult-interpreter", "contact-education-decision-maker",
            "consult-prior-school", "consult-staff-with-relationship", "meet-at-home-or-community",
            "leverage-scheduled-meeting", "family-help-bank", "same-day-return-problem-solving");

    @Test
    void everyFileInRulesCompiles() throws Exception {
        RuleSet set = RuleCompiler.compile(RuleSource.folder(Path.of("rules")), null);
        assertTrue(set.ruleNames().size() >= 15, "rules: " + set.ruleNames());
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            Set<String> drl = new TreeSet<>(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).toList());
            Set<String> withRules = new TreeSet<>();
            set.ruleNames().forEach(r -> withRules.add(set.fileOf(r)));
            assertEquals(drl, withRules, "every .drl file holds at least one rule that compiled");
        }
    }

    @Test
    void theBundledCopyIsTheSameRuleSet() throws Exception {
        RuleSet folder = RuleCompiler.compile(RuleSource.folder(Path.of("rules")), null);
        RuleSet bundled = RuleCompiler.compile(RuleSource.bundled(), null);
        assertEquals(folder.ruleNames(), bundled.ruleNames());
        assertEquals(folder.policy(), bundled.policy());
    }

    @Test
    void theCatalogHoldsEveryContractPracticeWithStrategyImpactOwnerAndSource() {
        var catalog = TestEngine.get().catalog();
        for (String id : CONTRACT_IDS) {
            Practice p = catalog.find(id).orElseThrow(() -> new AssertionError("missing " + id));
            assertFalse(p.description().isBlank(), id);
            assertFalse(p.source().isBlank(), id);
        }
        for (Strategy s : Strategy.values()) {
            for (Impact i : Impact.values()) {
                assertTrue(catalog.practices().stream().anyMatch(p -> p.strategy() == s && p.impact() == i),
                        s + " has a " + i + " practice");
            }
        }
    }

    @Test
    void everyRuleFiresInSomeScenarioAndStaysQuietInAnother() throws Exception {
        OutreachEngine engine = TestEngine.get();
        ScenarioCheck check = new ScenarioCheck(engine);
        Set<String> quietSomewhere = new HashSet<>();
        SchoolFileReader reader = new SchoolFileReader();
        for (Path file : ScenarioCheck.scenarioFiles(List.of(Path.of("fixtures")))) {
            if (file.startsWith(Path.of("fixtures", "bad"))) {
                continue;
            }
            check.check(file);
            SchoolFile school = reader.read(file);
            for (StudentResult r : engine.evaluate(school).students()) {
                if (!r.isError()) {
                    Set<String> silent = new HashSet<>(engine.rules().ruleNames());
                    silent.removeAll(r.rulesFired());
                    quietSomewhere.addAll(silent);
                }
            }
        }
        Set<String> neverFired = new TreeSet<>(engine.rules().ruleNames());
        neverFired.removeAll(check.rulesFired());
        assertEquals(Set.of(), neverFired, "rules that no scenario fires");
        Set<String> alwaysFired = new TreeSet<>(engine.rules().ruleNames());
        alwaysFired.removeAll(quietSomewhere);
        assertEquals(Set.of(), alwaysFired, "rules that fire for every scenario student");
    }

    @Test
    void aSyntaxErrorIsReportedAtItsFileAndLine(@TempDir Path dir) throws Exception {
        Path rules = copyRules(dir);
        Path file = rules.resolve("escalation.drl");
        List<String> lines = Files.readAllLines(file);
        int broken = lines.indexOf(lines.stream().filter(l -> l.contains("chronicallyAbsent, missedLately")).findFirst().orElseThrow());
        lines.set(broken, lines.get(broken).replace("missedLately >= $still )", "missedLately >= $still "));
        Files.write(file, lines);
        RulesException e = assertThrows(RulesException.class, () -> RuleCompiler.compile(RuleSource.folder(rules), null));
        RuleProblem first = e.problems().get(0);
        assertTrue(first.file().endsWith("escalation.drl"), first.toString());
        assertTrue(Math.abs(first.line() - (broken + 1)) <= 1, "reported " + first + ", broken line " + (broken + 1));
        assertTrue(first.toString().matches(".*escalation\\.drl:\\d+: .+"), first.toString());
    }

    @Test
    void aMisspeltFactFieldIsReportedAtItsLine(@TempDir Path dir) throws Exception {
        Path rules = copyRules(dir);
        Path file = rules.resolve("language.drl");
        String text = Files.readString(file).replace("StudentFacts( interpreterNeeded )", "StudentFacts( interpreterNeded )");
        Files.writeString(file, text);
        int line = lineOf(text, "interpreterNeded");
        RulesException e = assertThrows(RulesException.class, () -> RuleCompiler.compile(RuleSource.folder(rules), null));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().endsWith("language.drl") && p.line() == line),
                e.getMessage());
    }

    @Test
    void anUnknownInterventionAndADuplicateRuleNameAreReportedTogether(@TempDir Path dir) throws Exception {
        Path rules = copyRules(dir);
        Path file = rules.resolve("language.drl");
        String text = Files.readString(file).replace("\"arrange-adult-interpreter\"", "\"arrange-child-interpreter\"");
        Files.writeString(file, text);
        Path copy = rules.resolve("language-copy.drl");
        Files.writeString(copy, Files.readString(rules.resolve("mentors.drl")));
        RulesException e = assertThrows(RulesException.class, () -> RuleCompiler.compile(RuleSource.folder(rules), null));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().endsWith("language.drl")
                && p.line() == lineOf(text, "arrange-child-interpreter") && p.message().contains("not an intervention")), e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.file().endsWith("mentors.drl") || p.file().endsWith("language-copy.drl")
                && p.message().contains("already exists")), e.getMessage());
    }

    @Test
    void aPolicyOutOfRangeOrOutOfOrderIsReportedAtItsLine(@TempDir Path dir) throws Exception {
        Path rules = copyRules(dir);
        Path file = rules.resolve("policy.properties");
        String text = Files.readString(file).replace("severe-chronic-from = 20%", "severe-chronic-from = 120%")
                .replace("at-risk-from = 5%", "at-risk-from = 12%");
        Files.writeString(file, text);
        RulesException e = assertThrows(RulesException.class, () -> RuleCompiler.compile(RuleSource.folder(rules), null));
        assertTrue(e.problems().stream().anyMatch(p -> p.line() == lineOf(text, "severe-chronic-from = 120%")
                && p.message().contains("out of range")), e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.message().contains("out of order")), e.getMessage());
    }

    @Test
    void aFailedReloadKeepsTheOldRulesServing(@TempDir Path dir) throws Exception {
        Path rules = copyRules(dir);
        OutreachEngine engine = OutreachEngine.builder().rulesFolder(rules).build();
        RuleSet before = engine.rules();
        Files.writeString(rules.resolve("broken.drl"), "package outreach;\nrule \"half a rule\"\nwhen\n");
        RulesException e = assertThrows(RulesException.class, engine::reload);
        assertTrue(e.getMessage().contains("broken.drl:"), e.getMessage());
        assertTrue(before == engine.rules(), "the old rule set still serves");
        Files.delete(rules.resolve("broken.drl"));
        engine.reload();
        assertFalse(before == engine.rules());
    }

    static Path copyRules(Path dir) throws IOException {
        Path target = dir.resolve("rules");
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path p : files.toList()) {
                Files.copy(p, target.resolve(p.getFileName()));
            }
        }
        return target;
    }

    static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
