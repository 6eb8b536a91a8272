package org.attendanceoutreach.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.attendanceoutreach.internal.JsonErrors;
import org.attendanceoutreach.internal.TextInput;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.read.Shown;
import org.attendanceoutreach.result.InputProblem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario file: a school file (read by {@link SchoolFileReader}, with the same checks and
 * messages) and its {@code expect} entries (contract section 4), read here. An unknown expectation
 * key (a misspelt {@code "excldes"}) is an error of its expectation, which then fails
 * ({@link Expectation#unknownKeys()}), and a problem of the file at its place.
 *
 * @param school       the school file, as {@code ./outreach recommend} would read it
 * @param expectations the {@code expect} entries, in file order (empty when there are none)
 * @param problems     the unknown expectation keys, each naming the file, the student id of its
 *                     expectation and the key's place ({@code expect[2].excldes}), with a "did you
 *                     mean" (the school file's own warnings are in {@code school})
 */
public record ScenarioFile(SchoolFile school, List<Expectation> expectations, List<InputProblem> problems) {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonErrors.factory(SchoolFileReader.MAX_FILE_BYTES));

    public ScenarioFile {
        expectations = List.copyOf(expectations);
        problems = List.copyOf(problems);
    }

    /**
     * The unknown expectation keys.
     *
     * @deprecated they are errors now, each failing its expectation: use {@link #problems()}
     */
    @Deprecated
    public List<InputProblem> warnings() {
        return problems;
    }

    /**
     * Reads a scenario file.
     *
     * @throws SchoolFileException when the school file cannot be read, or an expectation is malformed
     */
    public static ScenarioFile read(Path path) throws SchoolFileException {
        String name = path.toString();
        byte[] bytes;
        try {
            if (Files.size(path) > SchoolFileReader.MAX_FILE_BYTES) {
                new SchoolFileReader().read(path); // rejects it, saying it is too large
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new SchoolFileException(new InputProblem(name, null, null, "no such file"));
        } catch (IOException e) {
            throw new SchoolFileException(new InputProblem(name, null, null, "cannot be read: " + e.getClass().getSimpleName()));
        }
        SchoolFile school = new SchoolFileReader().read(name, new ByteArrayInputStream(bytes));
        JsonNode root;
        try {
            root = MAPPER.readTree(TextInput.reader(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            // the school file reader read the same bytes; this cannot happen unless the file changed meanwhile
            throw new SchoolFileException(new InputProblem(name, null, null, "cannot be read: " + e.getClass().getSimpleName()));
        }
        List<InputProblem> problems = new ArrayList<>();
        try {
            return new ScenarioFile(school, expectations(root.get("expect"), name, problems), problems);
        } catch (Problem p) {
            throw new SchoolFileException(new InputProblem(name, null, p.field, p.getMessage()));
        }
    }

    /** A malformed expectation, at its path. */
    private static final class Problem extends RuntimeException {
        final String field;

        Problem(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    private static List<Expectation> expectations(JsonNode expect, String file, List<InputProblem> problems) {
        List<Expectation> out = new ArrayList<>();
        if (expect == null || expect.isNull()) {
            return out;
        }
        if (!expect.isArray()) {
            throw new Problem("expect", "expected an array, found " + kind(expect));
        }
        for (int i = 0; i < expect.size(); i++) {
            String at = "expect[" + i + "]";
            JsonNode e = object(expect.get(i), at);
            String studentId = text(e, at, "studentId");
            if (studentId == null || studentId.isBlank()) {
                throw new Problem(at + ".studentId", "is required and must be a non-empty string");
            }
            List<String> unknown = new ArrayList<>();
            for (Iterator<String> keys = e.fieldNames(); keys.hasNext(); ) {
                String k = keys.next();
                if (!Expectation.KEYS.contains(k)) {
                    unknown.add(k);
                    problems.add(new InputProblem(file, studentId, at + "." + Shown.key(k), Expectation.unknownKey(k)));
                }
            }
            JsonNode support = present(e, "supportTier");
            if (support != null && !support.isNumber()) {
                throw new Problem(at + ".supportTier", "expected a number, found " + kind(support));
            }
            JsonNode error = present(e, "error");
            if (error != null && !error.isBoolean()) {
                throw new Problem(at + ".error", "expected true or false, found " + kind(error));
            }
            out.add(new Expectation(studentId, text(e, at, "attendanceTier"), support == null ? null : support.intValue(),
                    texts(e, at, "includes"), texts(e, at, "excludes"),
                    map(e, at, "contactRole", ScenarioFile::textValue), map(e, at, "interpreterNeeded", ScenarioFile::flagValue),
                    map(e, at, "due", ScenarioFile::dateValue), map(e, at, "owner", ScenarioFile::textValue),
                    error == null ? null : error.booleanValue(),
                    texts(e, at, "first"), map(e, at, "step", ScenarioFile::stepValue), map(e, at, "status", ScenarioFile::textValue),
                    map(e, at, "since", ScenarioFile::dateValue), texts(e, at, "next"), map(e, at, "progress", ScenarioFile::textValue),
                    unknown));
        }
        return out;
    }

    private static JsonNode present(JsonNode object, String key) {
        JsonNode v = object.get(key);
        return v == null || v.isNull() ? null : v;
    }

    private static JsonNode object(JsonNode v, String at) {
        if (v == null || !v.isObject()) {
            throw new Problem(at, "expected an object, found " + kind(v));
        }
        return v;
    }

    private static String text(JsonNode object, String at, String key) {
        JsonNode v = present(object, key);
        return v == null ? null : textValue(v, at + "." + key);
    }

    private static List<String> texts(JsonNode object, String at, String key) {
        JsonNode v = present(object, key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!v.isArray()) {
            throw new Problem(at + "." + key, "expected an array, found " + kind(v));
        }
        for (int i = 0; i < v.size(); i++) {
            out.add(textValue(v.get(i), at + "." + key + "[" + i + "]"));
        }
        return out;
    }

    private static <T> Map<String, T> map(JsonNode object, String at, String key, java.util.function.BiFunction<JsonNode, String, T> value) {
        JsonNode v = present(object, key);
        Map<String, T> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        object(v, at + "." + key).fields().forEachRemaining(e -> {
            String path = at + "." + key + "." + Shown.key(e.getKey());
            if (e.getValue() != null && !e.getValue().isNull()) {
                out.put(e.getKey(), value.apply(e.getValue(), path));
            }
        });
        return out;
    }

    private static String textValue(JsonNode v, String path) {
        if (!v.isTextual()) {
            throw new Problem(path, "expected a string, found " + kind(v));
        }
        return v.textValue();
    }

    private static Integer stepValue(JsonNode v, String path) {
        if (!v.isIntegralNumber() || v.asLong() < 1 || v.asLong() > 1000) {
            throw new Problem(path, "expected a step: a whole number 1, 2, 3 …, found " + kind(v));
        }
        return v.intValue();
    }

    private static Boolean flagValue(JsonNode v, String path) {
        if (!v.isBoolean()) {
            throw new Problem(path, "expected true or false, found " + kind(v));
        }
        return v.booleanValue();
    }

    private static LocalDate dateValue(JsonNode v, String path) {
        String s = textValue(v, path);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new Problem(path, Shown.date(s) + " is not a date (YYYY-MM-DD)");
        }
    }

    private static String kind(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "nothing";
        }
        return v.isObject() ? "an object" : v.isArray() ? "an array" : v.isTextual() ? "a string"
                : v.isBoolean() ? "a boolean" : v.isNumber() ? "a number" : "something else";
    }
}
