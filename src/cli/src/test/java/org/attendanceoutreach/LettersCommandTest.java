package org.attendanceoutreach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./outreach letters} on the sample school, on Ed-Fi and on CSV input, in its three formats; validate checks templates. */
class LettersCommandTest {
    private static CommandLineTest.Run run(String... args) {
        return CommandLineTest.run(args);
    }

    @Test
    void theSampleSchoolGetsItsLettersInEveryFormat(@TempDir Path dir) throws Exception {
        CommandLineTest.Run text = run("letters", "--rules", "rules", "fixtures/sample-school.json");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("Mateo ha faltado 7 días a clase"), text.out());
        assertTrue(text.out().contains("==== S-1004 · LETTER (monthly-letter-and-follow-up-call) · es · to PARENT"), text.out());

        CommandLineTest.Run json = run("letters", "--rules", "rules", "--format", "json", "fixtures/sample-school.json");
        JsonNode array = new ObjectMapper().readTree(json.out());
        assertTrue(array.size() >= 20, json.out());
        assertEquals("S-1004", array.get(0).get("studentId").asText());

        Path out = dir.resolve("letters.html");
        CommandLineTest.Run html = run("letters", "--rules", "rules", "--format", "html", "--out", out.toString(),
                "fixtures/sample-school.json");
        assertEquals(0, html.status(), html.err());
        String page = Files.readString(out);
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("Maple Grove Elementary"), page);
        assertEquals(array.size(), page.split("<section class=\"page ", -1).length - 1, "one page per communication");
        assertFalse(html.out().contains("Mateo"), "--out: nothing on standard output");

        CommandLineTest.Run again = run("letters", "--rules", "rules", "--format", "json", "fixtures/sample-school.json");
        assertEquals(json.out(), again.out(), "byte for byte the same");
    }

    @Test
    void edFiAndCsvInputGiveLettersWithTheSchoolsNameAndTheChildsName() {
        CommandLineTest.Run edfi = run("letters", "--rules", "rules", "--as-of", "2026-11-20", "--edfi", "fixtures/edfi",
                "--edfi-descriptors", "fixtures/edfi/lakeside-descriptors.json");
        assertEquals(0, edfi.status(), edfi.err());
        assertTrue(edfi.out().contains("from Lakeside Elementary"), edfi.out());
        assertTrue(edfi.out().contains("(555-0100)"), "the main number, not the fax: " + edfi.out());
        CommandLineTest.Run csv = run("letters", "--rules", "rules", "--csv", "fixtures/csv/roster.csv", "fixtures/csv/attendance.csv",
                "--school", "fixtures/csv/school.json", "--codes", "fixtures/csv/codes.csv");
        assertEquals(0, csv.status(), csv.err());
        assertTrue(csv.out().contains("Lakeside Elementary"), csv.out());
        assertTrue(csv.out().contains("Mr. Okoro"), "the contact person of the school header: " + csv.out());
        for (CommandLineTest.Run r : new CommandLineTest.Run[] {edfi, csv}) {
            assertTrue(r.out().contains("· LETTER") || r.out().contains("· CALL_SCRIPT"), r.out());
        }
    }

    @Test
    void aBadFormatAndBrokenTemplatesStopBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        CommandLineTest.Run bad = run("letters", "--rules", "rules", "--format", "pdf", "fixtures/sample-school.json");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("use text, html or json"), bad.err());

        Path rules = dir.resolve("rules");
        copy(Path.of("rules"), rules);
        Path letter = rules.resolve("letters/letter.en.mustache");
        Files.writeString(letter, Files.readString(letter).replace("Every day counts.", "Every day counts, or you may have to go to court."));
        CommandLineTest.Run broken = run("letters", "--rules", rules.toString(), "fixtures/sample-school.json");
        assertEquals(2, broken.status(), broken.err());
        assertTrue(broken.err().contains(rules.resolve("letters/letter.en.mustache") + ":12: 'court' is on the list"), broken.err());
        assertTrue(broken.out().isEmpty(), broken.out());

        CommandLineTest.Run validate = run("validate", "--rules", rules.toString());
        assertEquals(1, validate.status(), validate.out());
        assertTrue(validate.out().contains("letter.en.mustache:12: 'court'"), validate.out());
        CommandLineTest.Run ok = run("validate", "--rules", "rules");
        assertTrue(ok.out().contains("letter files checked"), ok.out());
    }

    /**
     * Issue 14 item 4: without an English template, validate used to say ok and English-speaking families
     * got a Spanish letter (translated: false) and English call scripts came out in Spanish. Now validate
     * fails, and letters writes nothing in a language nobody chose: the families of the languages that
     * have templates still get theirs, the others are reported by id (exit status 1). Seen to fail with
     * LetterTemplates.choose falling back to "the first language there is" again. (call-script.en includes
     * call-opening.en: the two go together.)
     */
    @Test
    void withoutAnEnglishTemplateValidateFailsAndNoFamilyGetsAnotherLanguage(@TempDir Path dir) throws Exception {
        for (String kind : new String[] {"letter", "call-script"}) {
            Path rules = dir.resolve(kind);
            copy(Path.of("rules"), rules);
            Files.delete(rules.resolve("letters/" + kind + ".en.mustache"));
            if (kind.equals("call-script")) {
                Files.delete(rules.resolve("letters/call-opening.en.mustache")); // the call script's opening, and the call list's
            }

            CommandLineTest.Run validate = run("validate", "--rules", rules.toString());
            assertEquals(1, validate.status(), validate.out());
            assertTrue(validate.out().contains(rules.resolve("letters/" + kind + ".en.mustache") + ": missing: there is no "
                    + kind.replace('-', ' ') + " template in English (en), only in es."), validate.out());

            CommandLineTest.Run json = run("letters", "--rules", rules.toString(), "--format", "json", "fixtures/sample-school.json");
            JsonNode array = new ObjectMapper().readTree(json.out());
            assertTrue(array.size() > 0, json.out());
            for (JsonNode c : array) {
                assertTrue(!"es".equals(c.get("language").asText()) || c.get("translated").asBoolean(),
                        "Spanish only for a family that speaks it: " + c);
            }
            if (kind.equals("letter")) {
                assertEquals(1, json.status(), json.err());
                assertTrue(array.findValuesAsText("kind").stream().filter("LETTER"::equals).count() == 1,
                        "only the Spanish-speaking family's letter: " + json.out());
                assertTrue(json.err().contains("error: fixtures/sample-school.json: S-1005: no letter written"
                        + " (monthly-letter-and-follow-up-call): there is no letter template in en, the languages tried"), json.err());
                assertTrue(json.err().contains("S-1014: no letter written (monthly-letter-and-follow-up-call): there is no letter"
                        + " template in vi or en"), json.err());
            }
            if (kind.equals("call-script")) {
                assertTrue(validate.out().contains(rules.resolve("letters/call-opening.en.mustache") + ": missing: there is no"
                        + " call opening template in English (en), only in es."), validate.out());
                assertEquals(1, json.status(), json.err());
                assertFalse(array.findValuesAsText("kind").contains("CALL_SCRIPT"), json.out());
                assertTrue(json.err().contains(": no call script written (personal-call-home): there is no call script template in en,"
                        + " the languages tried (the school's language, then English)"), json.err());
                CommandLineTest.Run calls = run("call-list", "--rules", rules.toString(), "fixtures/sample-school.json");
                assertEquals(0, calls.status(), calls.err());
                assertTrue(calls.out().contains("Open with: "), calls.out());
                assertFalse(calls.out().contains("Hola"), "the first lines are written from the plan, not in Spanish: " + calls.out());
            }
            for (String name : new String[] {"Mateo", "Eli", "555-"}) {
                assertFalse(json.err().contains(name), "no personal data on standard error: " + json.err());
            }
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
