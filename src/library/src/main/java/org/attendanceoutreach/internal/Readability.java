package org.attendanceoutreach.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Flesch-Kincaid grade level of English text: how many years of school a reader needs.
 *
 * <pre>
 *   grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
 * </pre>
 *
 * The formula is J. P. Kincaid, R. P. Fishburne Jr., R. L. Rogers and B. S. Chissom, "Derivation of
 * New Readability Formulas (Automated Readability Index, Fog Count and Flesch Reading Ease Formula)
 * for Navy Enlisted Personnel", Research Branch Report 8-75, Naval Technical Training Command, 1975.
 * No library on Maven Central does this well (the two there are unmaintained since 2012 and 2016),
 * so it is here, small and tested ({@code ReadabilityTest}).
 *
 * <p>How the text is counted:
 * <ul>
 *   <li>a word is a run of letters, digits, apostrophes and hyphens with a letter or digit in it
 *       ({@code Reyes-Lopez}, {@code don't}, {@code 7.5} are one word each);</li>
 *   <li>a sentence ends at {@code .}, {@code !} or {@code ?} (not after a title such as {@code Ms.}
 *       or inside a number), and at the end of a line that does not end in punctuation (a
 *       greeting, a signature, a list item);</li>
 *   <li>syllables are counted by the usual rules for English spelling: groups of vowels
 *       ({@code a e i o u}, and {@code y} when no vowel follows it), less a silent final {@code e} ({@code make}, but not {@code table}),
 *       less the silent {@code e} of {@code -es} and {@code -ed} ({@code makes}, {@code missed}, but
 *       not {@code changes}, {@code wanted}); a number counts one syllable per digit group; every word
 *       has at least one.</li>
 * </ul>
 */
public final class Readability {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.,-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]");
    /** A group of vowels; y is one unless a vowel follows it (year, reyes, player). */
    private static final Pattern VOWELS = Pattern.compile("(?:[aeiou]|y(?![aeiou]))+");
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "st", "mx", "p.m", "a.m", "e.g", "i.e", "etc");

    /** Counts of a text. */
    public record Counts(int words, int sentences, int syllables) {
        /** The Flesch-Kincaid grade level (0 for a text without words). */
        public double grade() {
            if (words == 0) {
                return 0;
            }
            return 0.39 * words / Math.max(1, sentences) + 11.8 * syllables / words - 15.59;
        }
    }

    private Readability() {
    }

    /** The Flesch-Kincaid grade level of English text. */
    public static double grade(String text) {
        return count(text).grade();
    }

    public static Counts count(String text) {
        int words = 0;
        int syllables = 0;
        int sentences = 0;
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            Matcher m = WORD.matcher(l);
            int lineWords = 0;
            int lastEnd = 0;
            while (m.find()) {
                String w = m.group();
                // a sentence ends between words: a '.', '!' or '?' in the gap before this word
                if (lineWords > 0 && endsSentence(l.substring(lastEnd, m.start()), l.substring(0, lastEnd))) {
                    sentences++;
                }
                String word = trimPunctuation(w);
                if (word.isEmpty()) {
                    continue;
                }
                lineWords++;
                syllables += syllables(word);
                lastEnd = m.end();
            }
            words += lineWords;
            if (lineWords > 0) {
                sentences++; // the last sentence of the line, ended by punctuation or by the line's end
            }
        }
        return new Counts(words, sentences, syllables);
    }

    /** Whether the gap between two words ends a sentence: it holds . ! or ?, and the word before is not a title. */
    private static boolean endsSentence(String gap, String before) {
        if (gap.indexOf('!') >= 0 || gap.indexOf('?') >= 0) {
            return true;
        }
        if (gap.indexOf('.') < 0) {
            return false;
        }
        String[] words = before.strip().split("\\s+");
        String last = words[words.length - 1].toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "");
        return !TITLES.contains(last.replaceAll("\\.$", ""));
    }

    private static String trimPunctuation(String w) {
        return w.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
    }

    /** The syllables of one English word (see the class comment for the rules). */
    public static int syllables(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (w.chars().anyMatch(Character::isDigit) && w.chars().noneMatch(Character::isLetter)) {
            return (int) List.of(w.split("[.,]")).stream().filter(s -> !s.isEmpty()).count();
        }
        if (w.contains("-")) {
            int n = 0;
            for (String part : w.split("-")) {
                if (!part.isEmpty()) {
                    n += syllables(part);
                }
            }
            return Math.max(1, n);
        }
        w = w.replaceAll("[^a-z]", "");
        if (w.isEmpty()) {
            return 1;
        }
        if (w.length() <= 3) {
            return 1;
        }
        // a y that starts a word is a consonant (year, you)
        String body = w.startsWith("y") ? w.substring(1) : w;
        int n = 0;
        Matcher m = VOWELS.matcher(body);
        while (m.find()) {
            n++;
        }
        if (silentFinalE(w)) {
            n--;
        }
        return Math.max(1, n);
    }

    /** A final e (alone, after a consonant) that is not said: make, days' -es and -ed when not after s, x, z, ch, sh, g, c, t, d. */
    private static boolean silentFinalE(String w) {
        int len = w.length();
        if (w.endsWith("e") && !isVowel(w.charAt(len - 2))) {
            // -le after a consonant is a syllable of its own (table, little); so is the e of a word like "the"
            return !(w.endsWith("le") && len > 2 && !isVowel(w.charAt(len - 3)));
        }
        if ((w.endsWith("es") || w.endsWith("ed")) && len > 3 && !isVowel(w.charAt(len - 3))) {
            char before = w.charAt(len - 3);
            if (w.endsWith("ed")) {
                return before != 't' && before != 'd';
            }
            boolean sibilant = before == 's' || before == 'x' || before == 'z' || before == 'g' || before == 'c'
                    || w.endsWith("ches") || w.endsWith("shes");
            return !sibilant && !(before == 'l' && len > 4 && !isVowel(w.charAt(len - 4)));
        }
        return false;
    }

    /** a, e, i, o, u: before a final e, y is a consonant (eye, played). */
    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }
}
