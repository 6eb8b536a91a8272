package org.attendanceoutreach;

import org.attendanceoutreach.rules.RuleProblem;
import org.attendanceoutreach.rules.RuleSource;
import org.attendanceoutreach.rules.RuleValidator;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ok} from validate means the rules can do their job; every message says where and what to do. */
class RuleValidatorTest {
    static Map<String, String> shipped() throws Exception {
        return new TreeMap<>(RuleSource.folder(Path.of("rules")).read());
    }

    static RuleValidator.Result validate(Map<String, String> files) {
        return RuleValidator.standard().validate(RuleSource.inMemory("test", files));
    }

    static RuleValidator.Result edited(String file, UnaryOperator<String> edit) throws Exception {
        Map<String, String> files = shipped();
        String before = files.get(file);
        String after = edit.apply(before);
        assertFalse(before.equals(after), "the edit changed " + file);
        files.put(file, after);
        return validate(files);
    }

    static void assertProblem(RuleValidator.Result r, String file, int line, String text) {
        assertTrue(r.problems().stream().anyMatch(p -> p.file().equals(file) && (line < 0 || p.line() == line)
                && p.message().contains(text)), "expected " + file + ":" + line + " '" + text + "' in " + r.problems());
    }

    @Test
    void theShippedRulesAreOk() throws Exception {
        RuleValidator.Result r = validate(shipped());
        assertEquals(List.of(), r.problems());
        assertTrue(r.ok());
    }

    @Test
    void deletingTheTierFilesIsNotOk() throws Exception {
        Map<String, String> files = shipped();
        files.remove("support-tier.drl");
        assertProblem(validate(files), "support-tier.drl", -1, "no rule raises the support tier");
        files = shipped();
        files.remove("attendance-tier.drl");
        assertProblem(validate(files), "attendance-tier.drl", -1, "no rule sets the attendance tier");
    }

    @Test
    void aTierLeftUnsetForSomeStudentsIsNotOk() throws Exception {
        RuleValidator.Result r = edited("attendance-tier.drl", t -> {
            int i = t.indexOf("rule \"attendance tier: satisfactory\"");
            return t.substring(0, i) + t.substring(t.indexOf("\nend\n", i) + 5);
        });
        assertProblem(r, "attendance-tier.drl", -1, "no rule set the attendance tier");
        assertProblem(r, "attendance-tier.drl", -1, "made-up student");
    }

    @Test
    void aRecommendationWithoutAReasonIsNotOk() throws Exception {
        String text = shipped().get("language.drl");
        RuleValidator.Result r = edited("language.drl", t -> t.replace("        .because( $student.languageInWords() )\n", ""));
        assertProblem(r, "language.drl", RuleFolderTest.lineOf(text, "recommend( kcontext"), "without a reason; add .because");
    }

    @Test
    void aMissingPolicyNumberIsNotOk() throws Exception {
        assertProblem(edited("policy.properties", t -> t.replace("long-absence-run = 5\n", "")), "policy.properties", -1,
                "'long-absence-run' is not set");
    }

    @Test
    void moreChecksCanBeAdded() throws Exception {
        RuleValidator.Result r = RuleValidator.standard().with((rules, files) -> List.of(new RuleProblem("templates/x", 3, "broken")))
                .validate(RuleSource.inMemory("test", shipped()));
        assertEquals(List.of(new RuleProblem("templates/x", 3, "broken")), r.problems());
    }

    @Test
    void messagesSayWhatIsWrongInPlainWordsAtTheRealLine() throws Exception {
        String mentors = shipped().get("mentors.drl");
        int hasMentor = RuleFolderTest.lineOf(mentors, "!hasMentor");
        assertProblem(edited("mentors.drl", t -> t.replace("!hasMentor", "!hasMentr")), "mentors.drl", hasMentor,
                "StudentFacts has no fact 'hasMentr'; did you mean 'hasMentor'?");
        assertProblem(edited("mentors.drl", t -> t.replace("\"success-mentor\"", "\"success-mentr\"")), "mentors.drl", -1,
                "did you mean 'success-mentor'?");
        String sameDay = shipped().get("same-day-outreach.drl");
        assertProblem(edited("same-day-outreach.drl", t -> t.replace("Owner.MENTOR", "Owner.MENTR")), "same-day-outreach.drl",
                RuleFolderTest.lineOf(sameDay, "Owner.MENTOR"), "Owner has no MENTR; did you mean 'MENTOR'?");
        assertProblem(edited("same-day-outreach.drl", t -> t.replaceFirst("\\.caution\\(", ".cautoin(")), "same-day-outreach.drl",
                RuleFolderTest.lineOf(sameDay, ".caution("), "'cautoin' is not something a recommendation has; did you mean 'caution'?");
        assertProblem(edited("same-day-outreach.drl", t -> t.replace(".by( $student.isHasMentor() ? Owner.MENTOR : Owner.TEACHER )", ".by( \"MENTOR\" )")),
                "same-day-outreach.drl", RuleFolderTest.lineOf(sameDay, ".by("), "'by' cannot take (String); it takes (Owner)");
        assertProblem(edited("same-day-outreach.drl", t -> t.replace("StudentFacts( absentToday, !absentTodayForHealth", "StudentFacts( absentToday == 3, !absentTodayForHealth")),
                "same-day-outreach.drl", RuleFolderTest.lineOf(sameDay, "StudentFacts( absentToday, !absentTodayForHealth"), "absentToday is a yes/no fact");
        String escalation = shipped().get("escalation.drl");
        assertProblem(edited("escalation.drl", t -> t.replace("missedLately >= $still )", "missedLately >= $still")),
                "escalation.drl", RuleFolderTest.lineOf(escalation, "missedLately >= $still )"), "a ')' is missing");
        assertProblem(edited("language.drl", t -> t.replace("\"arrange-adult-interpreter\"", "\u201Carrange-adult-interpreter\u201D")),
                "language.drl", -1, "a curly double quote");
        assertProblem(edited("language.drl", t -> t.replace("StudentFacts( interpreterNeeded )", "StudentFacts(\u00A0interpreterNeeded )")),
                "language.drl", -1, "a non-breaking space");
        assertProblem(edited("language.drl", t -> t.replace("StudentFacts( interpreterNeeded )", "StudentFacts( interpreterNeeded, absenceRate >= 10 )")),
                "language.drl", -1, "absenceRate is a share from 0 to 1");
        assertProblem(edited("policy.properties", t -> t.replace("at-risk-from = 5%", "at-risk-from = 5")), "policy.properties", -1,
                "did you mean 5%?");
        assertProblem(edited("policy.properties", t -> t.replace("long-absence-run = 5", "long-absense-run = 5")), "policy.properties", -1,
                "'long-absense-run' is not a policy setting; did you mean 'long-absence-run'?");
        RuleValidator.Result deep = edited("language.drl", t -> t.replace("StudentFacts( interpreterNeeded )",
                "StudentFacts( " + "(".repeat(3000) + "interpreterNeeded" + ")".repeat(3000) + " )"));
        assertFalse(deep.ok());
        assertTrue(deep.problems().stream().allMatch(p -> p.line() >= 0 && !p.message().contains("StackOverflowError")
                && p.file().equals("language.drl")), deep.problems().toString());
    }

    @Test
    void anUnquotedRuleNameIsARule() throws Exception {
        RuleValidator.Result r = edited("language.drl", t -> t.replace("rule \"arrange an adult interpreter\"", "rule arrangeAnInterpreter")
                .replace("\"arrange-adult-interpreter\"", "\"arrange-child-interpreter\""));
        assertProblem(r, "language.drl", -1, "\"arrange-child-interpreter\" is not an intervention");
    }
}
