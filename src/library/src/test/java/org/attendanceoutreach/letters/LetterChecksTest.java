package org.attendanceoutreach.letters;

import org.attendanceoutreach.TestEngine;
import org.attendanceoutreach.rules.RuleProblem;
import org.attendanceoutreach.rules.RuleSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code validate} says of the letters folder: each mistake policy staff could make, at its FILE:LINE, with what to do. */
class LetterChecksTest {
    private static Map<String, String> shipped() throws Exception {
        Map<String, String> letters = new TreeMap<>();
        RuleSource.folder(Path.of("rules")).read().forEach((k, v) -> {
            if (k.startsWith("letters/")) {
                letters.put(k, v);
            }
        });
        return letters;
    }

    private static List<RuleProblem> check(Map<String, String> files) {
        return LetterTemplates.of(files, n -> "rules/" + n).check(TestEngine.get().catalog(), TestEngine.get().policy());
    }

    private static List<RuleProblem> withFile(String file, UnaryOperator<String> change) throws Exception {
        Map<String, String> files = shipped();
        files.put(file, change.apply(files.getOrDefault(file, "")));
        return check(files);
    }

    private static void assertOne(List<RuleProblem> problems, String file, int line, String says) {
        assertEquals(1, problems.size(), problems.toString());
        RuleProblem p = problems.get(0);
        assertEquals(file, p.file(), p.toString());
        assertEquals(line, p.line(), p.toString());
        assertTrue(p.message().contains(says), p.toString());
    }

    @Test
    void theShippedTemplatesPass() throws Exception {
        assertEquals(List.of(), check(shipped()));
    }

    @Test
    void anUnknownPlaceholderIsNamedAtItsLineWithDidYouMean() throws Exception {
        List<RuleProblem> p = withFile("letters/letter.en.mustache", t -> t.replace("has missed {{daysMissed}} days of school",
                "has missed {{daysMissed}} days of school ({{dayMissed}} so far)"));
        assertOne(p, "rules/letters/letter.en.mustache", 6, "did you mean");
        assertTrue(p.get(0).message().contains("{{dayMissed}} is not something a letter can show"), p.toString());
    }

    @Test
    void aLetterWithoutTheDaysMissedIsRefused() throws Exception {
        List<RuleProblem> p = withFile("letters/letter.es.mustache", t -> t.replace("{{daysMissed}}", "varios"));
        assertOne(p, "rules/letters/letter.es.mustache", 0, "write {{daysMissed}} in it");
    }

    @Test
    void aForbiddenWordIsRefusedAtItsLineInAnyCaseWithOrWithoutAccents() throws Exception {
        assertOne(withFile("letters/letter.en.mustache", t -> t.replace("Every day counts.", "Every day counts. Truancy is a problem.")),
                "rules/letters/letter.en.mustache", 12, "'truancy' is on the list");
        assertOne(withFile("letters/text.es.mustache", t -> t.replace("Cada día cuenta.", "Cada día cuenta o habrá una sanción.")),
                "rules/letters/text.es.mustache", 2, "'sancion' is on the list");
        assertOne(withFile("letters/call-script.en.mustache", t -> t + "Mention that failure to comply may go to court.\n"),
                "rules/letters/call-script.en.mustache",
                java.nio.file.Files.readAllLines(java.nio.file.Path.of("rules/letters/call-script.en.mustache")).size() + 1, // the line added
                "'failure to comply'");
    }

    @Test
    void anUnbalancedSectionIsNamedAtItsLine() throws Exception {
        List<RuleProblem> p = withFile("letters/letter.en.mustache", t -> t.replace("{{/comparison}}", ""));
        assertEquals("rules/letters/letter.en.mustache", p.get(0).file(), p.toString());
        assertEquals(7, p.get(0).line(), p.toString());
        assertTrue(p.get(0).message().contains("never closed: add {{/comparison}}"), p.toString());
    }

    @Test
    void aCallScriptMustSaySomethingForEveryCallThePlanCanAskFor() throws Exception {
        List<RuleProblem> p = withFile("letters/call-script.es.mustache", t -> t.replace("{{#second-positive-contact}}", "{{#x}}")
                .replace("{{/second-positive-contact}}", "{{/x}}"));
        assertTrue(p.stream().anyMatch(r -> r.message().contains("says nothing for a second-positive-contact call")), p.toString());
    }

    @Test
    void aMisnamedFileABadLanguageAMissingPartAndTheMissingWordListAreNamed() throws Exception {
        Map<String, String> files = shipped();
        files.put("letters/leter.en.mustache", files.get("letters/letter.en.mustache"));
        files.put("letters/letter.spanish.mustache", files.get("letters/letter.es.mustache"));
        files.put("letters/text.fr.mustache", "Sujet\n{{> footer.fr.mustache}}");
        files.remove("letters/forbidden-words.txt");
        List<RuleProblem> p = check(files);
        String all = p.toString();
        assertTrue(all.contains("rules/letters/leter.en.mustache: is neither a template of a kind") && all.contains("did you mean"), all);
        assertTrue(all.contains("'spanish' is not a language tag"), all);
        assertTrue(all.contains("includes footer.fr.mustache, which is not in the letters folder"), all);
        assertTrue(all.contains("rules/letters/forbidden-words.txt: missing"), all);
    }

    @Test
    void anEnglishLetterThatReadsAboveThePolicysGradeIsRefused() throws Exception {
        String hard = "Pursuant to the applicable attendance provisions, the administration respectfully communicates that"
                + " documented nonattendance, cumulatively considered, substantially jeopardizes educational continuity.";
        List<RuleProblem> p = withFile("letters/letter.en.mustache", t -> t.replace("Every day counts.", (hard + " ").repeat(6)));
        assertOne(p, "rules/letters/letter.en.mustache", 0, "letters-reading-grade in policy.properties asks for 6 or below");
    }

    @Test
    void aTemplateThatTriesToIncludeAFileOutsideTheFolderOrWriteUnescapedIsRefused() throws Exception {
        List<RuleProblem> p = withFile("letters/text.en.mustache", t -> t + "{{> ../policy.properties}}\n");
        assertTrue(p.get(0).toString().startsWith("rules/letters/text.en.mustache:"), p.toString());
        List<RuleProblem> q = withFile("letters/text.en.mustache", t -> t.replace("{{schoolPhone}}", "{{{schoolPhone}}}"));
        assertOne(q, "rules/letters/text.en.mustache", 2, "unescaped");
    }

    /**
     * The language chosen is the family's, the school's, then English, and never another (before the
     * fix, "the first there is": Spanish for an English-speaking family when letter.en was deleted).
     * Seen to fail with that fallback put back.
     */
    @Test
    void theLanguageIsTheFamilysTheSchoolsOrEnglishAndNeverAnother() throws Exception {
        Map<String, String> files = shipped();
        files.put("letters/letter.fr.mustache", files.get("letters/letter.en.mustache"));
        LetterTemplates all = LetterTemplates.of(files, n -> n);
        assertEquals(java.util.Optional.of("es"), all.choose(LetterTemplates.Kind.LETTER, "es-MX", "en"));
        assertEquals(java.util.Optional.of("fr"), all.choose(LetterTemplates.Kind.LETTER, "vi", "fr"), "the school's language");
        assertEquals(java.util.Optional.of("en"), all.choose(LetterTemplates.Kind.LETTER, "vi", "so"), "English last");
        assertEquals(java.util.Optional.of("en"), all.choose(LetterTemplates.Kind.LETTER, null, null));

        files.remove("letters/letter.en.mustache");
        LetterTemplates noEnglish = LetterTemplates.of(files, n -> n);
        assertEquals(java.util.Optional.empty(), noEnglish.choose(LetterTemplates.Kind.LETTER, "en", "en"),
                "neither Spanish nor French for an English-speaking family at an English-speaking school");
        assertEquals(java.util.Optional.empty(), noEnglish.choose(LetterTemplates.Kind.LETTER, "vi", "so"));
        assertEquals(java.util.Optional.of("es"), noEnglish.choose(LetterTemplates.Kind.LETTER, "vi", "es"));
        assertEquals(List.of("vi", "so", "en"), LetterTemplates.tried("vi", "so"));
        assertEquals(List.of("en"), LetterTemplates.tried("EN", "en").stream().map(l -> l.toLowerCase(java.util.Locale.ROOT)).toList());
        assertEquals(List.of("en"), LetterTemplates.tried(null, " "));
    }

    /** validate (Letters.check) names every kind without an English template, at the file to restore; the other checks accept it. */
    @Test
    void aKindWithoutAnEnglishTemplateFailsValidateOnly() throws Exception {
        for (LetterTemplates.Kind kind : LetterTemplates.Kind.values()) {
            Map<String, String> files = shipped();
            files.remove("letters/" + kind.file + ".en.mustache");
            if (kind == LetterTemplates.Kind.CALL_OPENING) {
                files.remove("letters/call-script.en.mustache"); // it includes the opening
            }
            LetterTemplates t = LetterTemplates.of(files, n -> "rules/" + n);
            assertEquals(List.of(), t.check(TestEngine.get().catalog(), TestEngine.get().policy()),
                    "the Spanish templates can still be written");
            List<RuleProblem> missing = t.checkLastResort();
            assertEquals(kind == LetterTemplates.Kind.CALL_OPENING ? 2 : 1, missing.size(), missing.toString());
            assertTrue(missing.stream().anyMatch(p -> p.file().equals("rules/letters/" + kind.file + ".en.mustache") && p.line() == 0
                    && p.message().startsWith("missing: there is no " + kind.file.replace('-', ' ') + " template in English (en),"
                    + " only in es. English is the last language tried")), missing.toString());
            List<RuleProblem> viaValidate = Letters.check(TestEngine.get().rules(), files);
            assertTrue(viaValidate.stream().anyMatch(p -> p.file().endsWith("letters/" + kind.file + ".en.mustache")
                    && p.message().startsWith("missing: there is no")), viaValidate.toString());
        }
        assertEquals(List.of(), LetterTemplates.of(shipped(), n -> n).checkLastResort());
    }
}
