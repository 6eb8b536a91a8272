package org.attendanceoutreach.internal;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Flesch-Kincaid grade: the syllable rules on words whose count dictionaries agree on, and the formula on texts. */
class ReadabilityTest {
    @Test
    void syllablesOfCommonWords() {
        Map<String, Integer> words = new LinkedHashMap<>();
        String[] list = {"the:1", "school:1", "child:1", "days:1", "missed:1", "make:1", "makes:1", "called:1", "played:1",
                "wanted:2", "needed:2", "changes:2", "misses:2", "table:2", "little:2", "people:2", "tables:2", "because:2",
                "learning:2", "family:3", "together:3", "important:3", "attendance:3", "absences:3", "continue:3",
                "education:4", "community:4", "year:1", "you:1", "every:3", "counts:1", "help:1", "there:1", "nation:2",
                "follow-up:3", "7:1", "7.5:2", "don't:1"};
        for (String w : list) {
            String[] p = w.split(":");
            words.put(p[0], Integer.parseInt(p[1]));
        }
        words.forEach((w, n) -> assertEquals(n, Readability.syllables(w), w));
    }

    @Test
    void theFormulaOnTextsWhoseCountsAreKnown() {
        // 6 words, 1 sentence, 6 syllables: 0.39 * 6 + 11.8 * 1 - 15.59
        Readability.Counts c = Readability.count("The cat sat on the mat.");
        assertEquals(new Readability.Counts(6, 1, 6), c);
        assertEquals(0.39 * 6 + 11.8 - 15.59, c.grade(), 1e-9);
        // two sentences; "Ms." does not end one
        assertEquals(2, Readability.count("Please call Ms. Rivera. She can help.").sentences());
        // a line without punctuation (a greeting, a signature) ends a sentence
        assertEquals(3, Readability.count("Dear family,\nWe miss you.\nSincerely").sentences());
        assertEquals(0, Readability.grade(""), 1e-9);
    }

    @Test
    void longWordsAndLongSentencesReadHarder() {
        double plain = Readability.grade("Every day counts. Missed days add up fast. You can help. We want to help too.");
        double legal = Readability.grade("Pursuant to the compulsory attendance provisions of the applicable education code, the"
                + " administration is obligated to notify the parent or guardian that continued unexcused absences constitute"
                + " habitual truancy and may result in referral to the appropriate authorities for further proceedings.");
        assertTrue(plain < 3, "plain: " + plain);
        assertTrue(legal > 16, "legalistic: " + legal);
    }
}
