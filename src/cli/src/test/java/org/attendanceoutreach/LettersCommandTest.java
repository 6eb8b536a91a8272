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
