package org.attendanceoutreach;

import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.result.SchoolResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.read.SchoolFileReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Fuzzing: valid school files (the sample and every scenario file) with one student mutated
 * (a field dropped, duplicated, retyped, truncated, renamed, nulled, a date moved, garbage or an
 * extreme number put in) go through the reader and the engine. Nothing escapes; every student comes
 * out with a result or an error naming the file; every student that was not touched comes out
 * exactly as before. Whole-document damage (cut off anywhere, bytes flipped) is a clean error or a
 * complete result, never an exception.
 */
class MutatedInputPropertiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchoolFileReader READER = new SchoolFileReader();
    private static final List<Source> SOURCES = sources();

    /** A valid school file: its tree, and what comes out for each student when nothing is touched. */
    record Source(String name, ObjectNode tree, List<String> keys, Map<String, StudentResult> results) { }

    enum Mutation {
        DROP, DUPLICATE, RETYPE, TRUNCATE_TEXT, TRUNCATE_LIST, NULLIFY, RENAME, MOVE_DATE, TAKE_ANOTHER_ID, GARBAGE,
        EXTREME_NUMBER
    }

    private static List<Source> sources() {
        List<Path> paths = new ArrayList<>(List.of(Path.of("fixtures/sample-school.json")));
        try (Stream<Path> s = Files.list(Path.of("fixtures/scenarios"))) {
            s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(paths::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Source> out = new ArrayList<>();
        for (Path p : paths) {
            try {
                ObjectNode tree = (ObjectNode) JSON.readTree(p.toFile());
                String name = "fuzz/" + p.getFileName();
                SchoolResult result = TestEngine.get().evaluate(read(name, tree));
                Map<String, StudentResult> byKey = new HashMap<>();
                List<String> keys = new ArrayList<>();
                java.util.Set<String> repeated = new java.util.HashSet<>();
                for (StudentResult r : result.students()) {
                    if (byKey.put(r.studentId(), r) != null) {
                        repeated.add(r.studentId());
                    }
                    keys.add(r.studentId());
                }
                byKey.keySet().removeAll(repeated); // a scenario of a repeated id: not compared student by student
                out.add(new Source(name, tree, keys, byKey));
            } catch (IOException | SchoolFileException e) {
                throw new AssertionError("fixture " + p + " cannot be read: " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static SchoolFile read(String name, JsonNode tree) throws SchoolFileException {
        try {
            return READER.read(name, new ByteArrayInputStream(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void oneMutatedStudentNeverCostsTheOthersAnythingAndNothingEscapes() {
        qt().withExamples(400).withShrinkCycles(100)
                .forAll(integers().between(0, SOURCES.size() - 1), integers().between(0, Mutation.values().length - 1), longs().all())
                .checkAssert((file, mutation, seed) -> {
                    mutateOneStudent(SOURCES.get(file), Mutation.values()[mutation], seed);
                });
    }

    @Test
    void aDamagedDocumentIsACleanErrorOrACompleteResult() {
        qt().withExamples(200).withShrinkCycles(100)
                .forAll(integers().between(0, SOURCES.size() - 1), integers().between(0, 1), longs().all())
                .checkAssert((file, kind, seed) -> damageDocument(SOURCES.get(file), kind == 0, seed));
    }

    /**
     * The fuzzing is not vacuous: over fixed seeds, mutated students are accepted, rejected by the
     * reader, rejected against the calendar, and rejected as duplicates, each many times.
     */
    @Test
    void theMutationsReachEveryKindOfOutcome() {
        Map<Outcome, Integer> seen = new java.util.EnumMap<>(Outcome.class);
        Random seeds = new Random(8);
        for (int i = 0; i < 300; i++) {
            Outcome o = mutateOneStudent(SOURCES.get(seeds.nextInt(SOURCES.size())),
                    Mutation.values()[seeds.nextInt(Mutation.values().length)], seeds.nextLong());
            seen.merge(o, 1, Integer::sum);
        }
        for (Outcome o : List.of(Outcome.ACCEPTED, Outcome.REJECTED_BY_THE_READER, Outcome.REJECTED_BY_THE_CALENDAR, Outcome.DUPLICATE_ID)) {
            assertTrue(seen.getOrDefault(o, 0) >= 10, "too few mutated students were " + o + ": " + seen);
        }
    }

    enum Outcome { NOT_APPLICABLE, ACCEPTED, REJECTED_BY_THE_READER, REJECTED_BY_THE_CALENDAR, DUPLICATE_ID }

    private static Outcome mutateOneStudent(Source source, Mutation mutation, long seed) {
        Random random = new Random(seed);
        ObjectNode tree = source.tree().deepCopy();
        ArrayNode students = (ArrayNode) tree.get("students");
        int index = random.nextInt(students.size());
        ObjectNode student = (ObjectNode) students.get(index);
        String originalKey = keyOf(student, index);
        String what = source.name() + ", students[" + index + "] (" + originalKey + "), " + mutation;
        if (!apply(mutation, student, students, index, random)) {
            return Outcome.NOT_APPLICABLE; // nothing of that kind in this student
        }
        what += ": " + student;
        String newKey = keyOf(students.get(index), index);

        SchoolResult result;
        try {
            result = TestEngine.get().evaluate(read(source.name(), tree));
        } catch (SchoolFileException e) {
            throw new AssertionError(what + ": one mutated student made the whole file unreadable: " + e.problem());
        } catch (Throwable t) {
            throw new AssertionError(what + ": an exception escaped: " + t, t);
        }
        assertEquals(source.keys().size(), result.students().size(), what + ": every student comes out");
        for (StudentResult r : result.students()) {
            assertTrue(r.isError() != (r.attendanceTier() != null), what + ": a result or an error: " + r);
            if (r.isError()) {
                InputProblem p = r.error();
                assertEquals(source.name(), p.file(), what);
                assertNotNull(p.field(), what + ": " + p);
                assertTrue(p.studentId() != null || p.field().startsWith("students[") || p.field().equals("students"),
                        what + ": the error names the student or its place: " + p);
                assertFalse(p.message().isBlank(), what);
            }
        }
        for (String key : new java.util.LinkedHashSet<>(source.keys())) {
            if (key.equals(originalKey) || source.results().get(key) == null) {
                continue;
            }
            List<StudentResult> now = result.students().stream().filter(r -> r.studentId().equals(key)).toList();
            if (key.equals(newKey)) {
                // the mutated student took this student's id: both entries are rejected as duplicates
                assertEquals(2, now.size(), what);
                for (StudentResult r : now) {
                    assertTrue(r.isError() && r.error().message().contains("more than once"), what + ": " + r);
                }
                continue;
            }
            assertEquals(1, now.size(), what + ": " + key);
            assertEquals(source.results().get(key), now.get(0), what + ": untouched student " + key + " changed");
        }
        List<StudentResult> mutated = result.students().stream().filter(r -> r.studentId().equals(newKey)).toList();
        assertFalse(mutated.isEmpty(), what + ": the mutated student is in the output as " + newKey);
        StudentResult r = mutated.get(0);
        if (!r.isError()) {
            return Outcome.ACCEPTED;
        }
        String m = r.error().message();
        if (m.contains("more than once")) {
            return Outcome.DUPLICATE_ID;
        }
        return m.contains("instructional day") || m.contains("enrolment") || m.contains("listed twice")
                ? Outcome.REJECTED_BY_THE_CALENDAR : Outcome.REJECTED_BY_THE_READER;
    }

    private static void damageDocument(Source source, boolean cut, long seed) {
        Random random = new Random(seed);
        byte[] bytes;
        try {
            bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(source.tree());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String what;
        if (cut) {
            int at = random.nextInt(bytes.length);
            bytes = Arrays.copyOf(bytes, at);
            what = source.name() + " cut off after " + at + " bytes";
        } else {
            int flips = 1 + random.nextInt(4);
            for (int i = 0; i < flips; i++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            what = source.name() + " with " + flips + " bytes changed (seed " + seed + ")";
        }
        SchoolResult result;
        try {
            SchoolFile file = READER.read(source.name(), new ByteArrayInputStream(bytes));
            result = TestEngine.get().evaluate(file);
            assertEquals(file.students().size(), result.students().size(), what);
        } catch (SchoolFileException e) {
            InputProblem p = e.problem();
            assertEquals(source.name(), p.file(), what);
            assertTrue(e.getMessage().startsWith(source.name() + ": "), what + ": " + e.getMessage());
            assertFalse(p.message().isBlank(), what);
            return;
        } catch (Throwable t) {
            throw new AssertionError(what + ": an exception escaped: " + t, t);
        }
        for (StudentResult r : result.students()) {
            assertTrue(r.isError() != (r.attendanceTier() != null), what + ": a result or an error: " + r);
            if (r.isError()) {
                assertEquals(source.name(), r.error().file(), what + ": " + r.error());
            }
        }
    }

    private static String keyOf(JsonNode student, int index) {
        JsonNode id = student.isObject() ? student.get("studentId") : null;
        return id != null && id.isTextual() && !id.textValue().isBlank() ? id.textValue() : "students[" + index + "]";
    }

    /** A value inside the student, with where it sits. */
    record Slot(JsonNode parent, String field, int element, JsonNode value) {
        void set(JsonNode v) {
            if (parent instanceof ObjectNode o) {
                o.set(field, v);
            } else {
                ((ArrayNode) parent).set(element, v);
            }
        }
    }

    private static List<Slot> slots(JsonNode node) {
        List<Slot> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode node, List<Slot> out) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                out.add(new Slot(o, e.getKey(), -1, e.getValue()));
                collect(e.getValue(), out);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(new Slot(a, null, i, a.get(i)));
                collect(a.get(i), out);
            }
        }
    }

    private static <T> T pick(List<T> list, Random random) {
        return list.isEmpty() ? null : list.get(random.nextInt(list.size()));
    }

    /** Applies the mutation to {@code student}; false when the student has nothing it applies to. */
    private static boolean apply(Mutation mutation, ObjectNode student, ArrayNode students, int index, Random random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<Slot> slots = slots(student);
        switch (mutation) {
            case DROP -> {
                Slot s = pick(slots, random);
                if (s == null) {
                    return false;
                }
                if (s.parent() instanceof ObjectNode o) {
                    o.remove(s.field());
                } else {
                    ((ArrayNode) s.parent()).remove(s.element());
                }
            }
            case DUPLICATE -> {
                Slot s = pick(slots.stream().filter(x -> x.parent() instanceof ArrayNode).toList(), random);
                if (s == null) {
                    return false;
                }
                ((ArrayNode) s.parent()).insert(s.element() + random.nextInt(2), s.value().deepCopy());
            }
            case RETYPE -> {
                Slot s = pick(slots, random);
                if (s == null) {
                    return false;
                }
                JsonNode v = s.value();
                List<JsonNode> others = new ArrayList<>(List.of(f.textNode(v.isTextual() ? "1" : v.toString()), f.numberNode(random.nextInt(3)),
                        f.booleanNode(random.nextBoolean()), f.objectNode(), f.arrayNode().add(v.deepCopy())));
                others.removeIf(o -> o.getNodeType() == v.getNodeType());
                s.set(pick(others, random));
            }
            case TRUNCATE_TEXT -> {
                Slot s = pick(slots.stream().filter(x -> x.value().isTextual() && !x.value().textValue().isEmpty()).toList(), random);
                if (s == null) {
                    return false;
                }
                String t = s.value().textValue();
                s.set(f.textNode(t.substring(0, random.nextInt(t.length()))));
            }
            case TRUNCATE_LIST -> {
                Slot s = pick(slots.stream().filter(x -> x.value().isArray() && !x.value().isEmpty()).toList(), random);
                if (s == null) {
                    return false;
                }
                ArrayNode a = (ArrayNode) s.value();
                int keep = random.nextInt(a.size());
                while (a.size() > keep) {
                    a.remove(a.size() - 1);
                }
            }
            case NULLIFY -> {
                Slot s = pick(slots, random);
                if (s == null) {
                    return false;
                }
                s.set(f.nullNode());
            }
            case RENAME -> {
                Slot s = pick(slots.stream().filter(x -> x.parent() instanceof ObjectNode).toList(), random);
                if (s == null) {
                    return false;
                }
                ObjectNode o = (ObjectNode) s.parent();
                String renamed = random.nextBoolean() ? s.field().toLowerCase() + "_" : s.field().substring(0, s.field().length() - 1);
                if (o.has(renamed)) {
                    return false;
                }
                o.remove(s.field());
                o.set(renamed, s.value());
            }
            case MOVE_DATE -> {
                Slot s = pick(slots.stream().filter(x -> isDate(x.value())).toList(), random);
                if (s == null) {
                    return false;
                }
                LocalDate d = LocalDate.parse(s.value().textValue());
                int days = random.nextBoolean() ? random.nextInt(15) - 7 : random.nextInt(2000) - 1000;
                s.set(f.textNode(d.plusDays(days).toString()));
            }
            case TAKE_ANOTHER_ID -> {
                if (students.size() < 2) {
                    return false;
                }
                int other = random.nextInt(students.size() - 1);
                other = other >= index ? other + 1 : other;
                JsonNode id = students.get(other).isObject() ? students.get(other).get("studentId") : null;
                if (id == null) {
                    return false;
                }
                student.set("studentId", id.deepCopy());
            }
            case GARBAGE -> {
                Slot s = pick(slots.stream().filter(x -> x.value().isValueNode()).toList(), random);
                if (s == null) {
                    return false;
                }
                s.set(f.textNode(garbage(random)));
            }
            case EXTREME_NUMBER -> {
                Slot s = pick(slots.stream().filter(x -> x.value().isValueNode()).toList(), random);
                if (s == null) {
                    return false;
                }
                JsonNode[] extremes = {f.numberNode(Double.MAX_VALUE), f.numberNode(-Double.MAX_VALUE), f.numberNode(Double.MIN_VALUE),
                        f.numberNode(-0.0), f.numberNode(Long.MAX_VALUE), f.numberNode(Long.MIN_VALUE),
                        f.numberNode(new java.math.BigDecimal("1e-40")), f.numberNode(new java.math.BigInteger("9".repeat(49))),
                        f.numberNode(1.0000000000000002), f.numberNode(0.9999999999999999)};
                s.set(extremes[random.nextInt(extremes.length)]);
            }
            default -> throw new IllegalArgumentException(mutation.toString());
        }
        return true;
    }

    private static boolean isDate(JsonNode v) {
        if (!v.isTextual() || v.textValue().length() != 10) {
            return false;
        }
        try {
            LocalDate.parse(v.textValue());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String garbage(Random random) {
        String[] kinds = {"", " ", "null", "2026-02-29", "9999-99-99", "+999999999-12-31", "EXCUSED ", "excused", "1e999", "NaN",
                "\u0000\u0001", "\uD83D\uDE00", "\uFFFF", "<script>", "'; DROP TABLE students; --", "${jndi:ldap://x}", "%s%n"};
        if (random.nextInt(4) > 0) {
            return kinds[random.nextInt(kinds.length)];
        }
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(2000);
        for (int i = 0; i < n; i++) {
            b.append((char) random.nextInt(0xD800));
        }
        return b.toString();
    }
}
