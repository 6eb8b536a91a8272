package org.attendanceoutreach.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;

import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.Locale;

/**
 * The one place that reads JSON for the project's readers (school files, JSON lines, Ed-Fi
 * resources, descriptor mapping files, scenario expectations) and says what went wrong when it
 * could not: the same limits, the same strictness, the same words. A message names the line and
 * column and what to do, never the content of the file (a key is named, cut short and escaped, as
 * {@code read.Shown} does). Not part of the API.
 */
public final class JsonErrors {
    /** Nesting of arrays and objects (README, "Input limits"). */
    public static final int MAX_NESTING = 64;
    /** One text value, in characters. */
    public static final int MAX_STRING_CHARS = 100_000;
    /** One key, in characters. */
    public static final int MAX_NAME_CHARS = 1_000;
    /** One number, in digits. */
    public static final int MAX_NUMBER_DIGITS = 50;

    private JsonErrors() {
    }

    /**
     * A JSON factory with the project's limits ({@code maxDocument} characters at most, or no limit
     * when it is not positive), a key twice in one object an error, and nothing but standard JSON
     * (no comments, no single quotes, no {@code NaN}).
     */
    public static JsonFactory factory(long maxDocument) {
        StreamReadConstraints.Builder limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxStringLength(MAX_STRING_CHARS)
                .maxNameLength(MAX_NAME_CHARS)
                .maxNumberLength(MAX_NUMBER_DIGITS);
        if (maxDocument > 0) {
            limits.maxDocumentLength(maxDocument);
        }
        return new JsonFactoryBuilder()
                .streamReadConstraints(limits.build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
    }

    /** How the place that failed is named: a whole file (line and column), or one line of a JSON-lines file (column). */
    public enum Where { FILE, LINE }

    /**
     * What a failure to read JSON means for the person with the file.
     *
     * @param e          what Jackson (or the decoder under it) threw
     * @param where      whether the JSON was a whole file or one line of a JSON-lines file
     * @param tooLarge   what to say when the document is over its length limit
     * @param whatItIs   what the JSON should hold, for "goes on after the end of …" ({@code the school object})
     * @param syntaxHint what to look for when it is not valid JSON
     */
    public static String describe(IOException e, Where where, String tooLarge, String whatItIs, String syntaxHint) {
        if (isNotText(e)) {
            return "is not UTF-8 text; save it as UTF-8 and try again";
        }
        if (e instanceof StreamConstraintsException limit) {
            return beyondLimit(limit, where, tooLarge);
        }
        if (e instanceof JsonProcessingException j) {
            String original = j.getOriginalMessage() == null ? "" : j.getOriginalMessage();
            String at = at(j.getLocation(), where);
            if (original.startsWith("Duplicate field '")) {
                int from = "Duplicate field '".length();
                String key = original.substring(from, Math.max(original.lastIndexOf('\''), from));
                return "has the key '" + key(key) + "' twice in one object" + at + "; keep one";
            }
            if (original.startsWith("Trailing token")) {
                return "goes on after the end of " + whatItIs + at + "; it must hold exactly one";
            }
            return "is not valid JSON" + at + "; " + syntaxHint;
        }
        return "cannot be read: " + e.getClass().getSimpleName();
    }

    /** Whether the failure is text that is not UTF-8 (or the UTF-16 or UTF-32 it announced). */
    public static boolean isNotText(IOException e) {
        if (e instanceof CharacterCodingException || e instanceof CharConversionException) {
            return true;
        }
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof CharacterCodingException || c instanceof CharConversionException) {
                return true;
            }
        }
        return e instanceof JsonProcessingException j && j.getOriginalMessage() != null
                && j.getOriginalMessage().contains("Invalid UTF-8");
    }

    private static String beyondLimit(StreamConstraintsException e, Where where, String tooLarge) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String at = where == Where.LINE || e.getLocation() == null || e.getLocation().getLineNr() < 1
                ? "" : " (line " + e.getLocation().getLineNr() + ")";
        String most = ", the most a school file may";
        if (original.startsWith("Document length")) {
            return tooLarge;
        }
        if (original.contains("nesting depth")) {
            return "nests arrays and objects more than " + MAX_NESTING + " levels deep" + at + most;
        }
        if (original.startsWith("String value length")) {
            return "has a text value longer than " + thousands(MAX_STRING_CHARS) + " characters" + at + most;
        }
        if (original.startsWith("Name length")) {
            return "has a key longer than " + thousands(MAX_NAME_CHARS) + " characters" + at + most;
        }
        if (original.startsWith("Number value length")) {
            return "has a number longer than " + MAX_NUMBER_DIGITS + " digits" + at + most;
        }
        return "exceeds a reading limit" + at;
    }

    private static String at(JsonLocation location, Where where) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return where == Where.LINE ? " at column " + location.getColumnNr()
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String key(String raw) {
        String k = PlainText.escape(raw);
        return k.length() <= 40 ? k : k.substring(0, 39) + "…";
    }

    private static String thousands(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
