package org.attendanceoutreach.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ISO 639 table: codes and English reference names to the shortest BCP 47 tag. */
class LanguagesTest {
    @Test
    void theNamesThatCostGrandBendStudentsTheirResultMapToTheirTags() {
        // the 639-2 (Library of Congress) and 639-3 (SIL) reference names found in the Grand Bend data
        Map<String, String> expected = Map.ofEntries(
                Map.entry("Navajo; Navaho", "nv"), Map.entry("Sinhala; Sinhalese", "si"), Map.entry("Bengali", "bn"),
                Map.entry("Cebuano", "ceb"), Map.entry("Choctaw", "cho"), Map.entry("Efik", "efi"), Map.entry("Kimbundu", "kmb"),
                Map.entry("Manipuri", "mni"), Map.entry("Oriya", "or"), Map.entry("Tamashek", "tmh"));
        expected.forEach((name, tag) -> assertEquals(Optional.of(tag), Languages.tagFor(name), name));
    }

    @Test
    void everyKindOfCodeGivesTheShortestTag() {
        assertEquals(Optional.of("es"), Languages.tagFor("es"), "639-1");
        assertEquals(Optional.of("es"), Languages.tagFor("spa"), "639-2 and 639-3");
        assertEquals(Optional.of("de"), Languages.tagFor("ger"), "639-2 bibliographic");
        assertEquals(Optional.of("de"), Languages.tagFor("DEU"), "639-2 terminology, any case");
        assertEquals(Optional.of("yue"), Languages.tagFor("yue"), "639-3 only: the 639-3 code");
        assertEquals(Optional.of("apa"), Languages.tagFor("Apache languages"), "a 639-2 collective code 639-3 lacks");
        assertEquals(Optional.of("es-MX"), Languages.tagFor("spa-MX"), "subtags are kept");
        assertEquals(Optional.of("zh-Hant"), Languages.tagFor("zh-Hant"));
    }

    @Test
    void namesMatchWithoutRegardToCaseSpacingOrAccentsAndEachNameOfALanguageCounts() {
        assertEquals(Optional.of("nv"), Languages.tagFor("navaho"));
        assertEquals(Optional.of("nv"), Languages.tagFor("  NAVAJO  "));
        assertEquals(Optional.of("vo"), Languages.tagFor("Volapuk"), "Volapük without its accent");
        assertEquals(Optional.of("nb"), Languages.tagFor("Norwegian Bokmål"));
        assertEquals(Optional.of("st"), Languages.tagFor("Southern Sotho"), "'Sotho, Southern' turned around");
        assertEquals(Optional.of("hmn"), Languages.tagFor("Hmong"));
        assertEquals(Optional.of("ht"), Languages.tagFor("Haitian Creole"));
    }

    @Test
    void whatNamesNoLanguageIsUnknown() {
        for (String v : new String[] {"Other", "und", "mul", "zxx", "mis", "qaa", "", "   ", "Spanish please", "xx"}) {
            assertFalse(Languages.tagFor(v).isPresent(), v);
        }
        assertFalse(Languages.tagFor(null).isPresent());
    }

    @Test
    void theTableHoldsEveryLanguageOfBothTablesAndNamesItsSource() throws IOException {
        assertTrue(Languages.count() > 7_900, "ISO 639-3 and the 639-2 collective codes: " + Languages.count());
        try (InputStream in = Languages.class.getResourceAsStream("iso-639.tsv")) {
            String head = new String(in.readNBytes(600), StandardCharsets.UTF_8);
            assertTrue(head.contains("iso-639-3@3.0.1") && head.contains("iso-639-2@3.0.2"), head);
        }
        try (InputStream in = Languages.class.getResourceAsStream("iso-639.LICENSE.txt")) {
            assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("Titus Wormer"));
        }
    }

    @Test
    void aTagHasAnEnglishNameForPeople() {
        assertEquals("Spanish", Languages.nameOf("es"));
        assertEquals("English", Languages.nameOf("en"));
        assertEquals("Chinese (Traditional)", Languages.nameOf("zh-Hant"));
        assertEquals("Spanish (Mexico)", Languages.nameOf("es-MX"));
        assertEquals("Vietnamese", Languages.nameOf("vi"));
        assertEquals("Cebuano", Languages.nameOf("ceb"));
        assertEquals("Navajo", Languages.nameOf("nv"));
        assertEquals("Oriya", Languages.nameOf("or"), "without the table's qualifier");
        assertEquals("Spanish", Languages.nameOf("spa"), "a three-letter code names the same language");
        assertEquals("und", Languages.nameOf("und"), "an unknown language stays as given");
        assertEquals("Other", Languages.nameOf("Other"), "not a tag the table knows: as given");
        assertEquals(null, Languages.nameOf(null));
        // every tag of the table has a name, and it reads back to the same tag
        int checked = 0;
        for (String tag : new String[] {"es", "ar", "so", "hmn", "ht", "ru", "ko", "tl", "pt", "fr"}) {
            String name = Languages.nameOf(tag);
            assertEquals(java.util.Optional.of(tag), Languages.tagFor(name), tag + " " + name);
            checked++;
        }
        assertEquals(10, checked);
    }
}
