package org.attendanceoutreach.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.attendanceoutreach.internal.JsonErrors;
import org.attendanceoutreach.result.InputProblem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streaming reader of JSON lines gives exactly what the careful (tree) reader gives, for every
 * student line: the same student, or the same problem in the same words, and the same warnings. The
 * lines are every student of the fixtures (the sample, the scenarios, the bad inputs, Ed-Fi's twin)
 * and hundreds of thousands of mutations of them: a value of another type, null, a key dropped,
 * added, repeated, misspelt, escaped or put in another order, a date or language bent, a surrogate half, text cut short or left
 * after the object. Both ways must be taken often (counted). (Broken on purpose once, the stream
 * ignoring an absence's {@code portion}: the first fixture with a half day failed.)
 */
class StudentStreamReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<ObjectNode> fixtureStudents() throws Exception {
        List<Path> files = new ArrayList<>(List.of(Path.of("fixtures/sample-school.json"), Path.of("fixtures/edfi-equivalent.json")));
        for (String dir : List.of("fixtures/scenarios", "fixtures/bad")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
            }
        }
        List<ObjectNode> out = new ArrayList<>();
        for (Path p : files) {
            JsonNode root;
            try {
                root = JSON.readTree(p.toFile());
            } catch (Exception e) {
                continue; // a bad file that is not JSON at all: its lines are made below
            }
            if (root != null && root.get("students") instanceof ArrayNode a) {
                for (JsonNode s : a) {
                    if (s instanceof ObjectNode o) {
                        out.add(o);
                    }
                }
            }
        }
        return out;
    }

    private record Read(StudentInput input, List<InputProblem> warnings) {
    }

    private static Read fast(SchoolFileReader r, byte[] line) {
        List<InputProblem> w = new ArrayList<>();
        return new Read(r.readStudentLine("d.jsonl", 7, line, line.length, w::add), w);
    }

    private static Read careful(SchoolFileReader r, byte[] line) {
        List<InputProblem> w = new ArrayList<>();
        return new Read(r.readStudentLineCarefully("d.jsonl", 7, line, line.length, w::add), w);
    }

    @Test
    void everyLineReadsAsTheCarefulReaderReadsIt() throws Exception {
        SchoolFileReader reader = new SchoolFileReader();
        List<ObjectNode> students = fixtureStudents();
        assertTrue(students.size() > 100, "fixture students: " + students.size());
        Random random = new Random(2026);
        int[] ways = new int[2]; // read by the stream, read carefully
        for (int round = 0; round < 60; round++) {
            for (ObjectNode s : students) {
                String text = round == 0 ? s.toString() : mutate(s.deepCopy(), random);
                byte[] line = text.getBytes(StandardCharsets.UTF_8);
                Read a = fast(reader, line);
                Read b = careful(reader, line);
                assertEquals(b, a, text);
                ways[StudentStreamReader.read(JsonErrors.factory(SchoolFileReader.MAX_FILE_BYTES), line, line.length) != null ? 0 : 1]++;
            }
        }
        assertTrue(ways[0] > 5_000 && ways[1] > 5_000, "streamed " + ways[0] + ", read carefully " + ways[1]);
    }

    @Test
    void linesThatAreNotJsonObjectsAreLeftToTheCarefulReader() {
        SchoolFileReader reader = new SchoolFileReader();
        for (String text : List.of("", "[]", "null", "7", "\"S-1\"", "{", "{\"studentId\":\"S-1\"} x", "{\"studentId\":\"S-1\"}{}",
                "{\"studentId\":\"S-1\",\"studentId\":\"S-2\"}", "{\"studentId\":\"S-1\", // c\n}", "\uFEFF{\"studentId\":\"S-1\"}",
                "{\"studentId\":\"\\ud800\"}", "{\"studentId\":\"S-1\",\"priorYearAbsenceRate\":1e400}",
                "{\"studentId\":\"S-1\",\"priorYearAbsenceRate\":100000000000000000000000}")) {
            byte[] line = text.getBytes(StandardCharsets.UTF_8);
            assertEquals(careful(reader, line), fast(reader, line), text);
        }
        byte[] notUtf8 = {'{', '"', 's', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        assertEquals(careful(reader, notUtf8), fast(reader, notUtf8));
        assertNull(StudentStreamReader.read(JsonErrors.factory(0), "{\"studentId\":\"S-1\",\"x\":1}".getBytes(StandardCharsets.UTF_8), 24));
    }

    private static final String[] DATES = {"2026-02-29", "2024-02-29", "2026-13-01", "2026-04-31", "1899-12-31", "2200-01-01",
            "2026-1-01", "2026-10-05T00:00", "10/05/2026", "+2026-10-05", "2026-10-05", "0000-01-01", "2026-10-0x"};
    private static final String[] TEXTS = {"", " ", "es", "spa", "Spanish", "es_MX", "xx-Latn", "Other", "EXCUSED", "excused", "PARENT",
            "REACHED", "success-mentor", "Success Mentor", "K", "13", "\ud83d\ude00", "S-1", "IEP", "LETTER", "TEACHER", "MENTOR"};

    /** One random change somewhere in the student object. */
    private static String mutate(ObjectNode s, Random r) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(s, objects);
        ObjectNode target = objects.get(r.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        String name = names.isEmpty() ? "x" : names.get(r.nextInt(names.size()));
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (r.nextInt(16)) {
            case 0 -> target.putNull(name);
            case 1 -> target.remove(name);
            case 2 -> target.put(name, r.nextInt(3) - 1);
            case 3 -> target.put(name, r.nextBoolean());
            case 4 -> target.put(name, DATES[r.nextInt(DATES.length)]);
            case 5 -> target.put(name, TEXTS[r.nextInt(TEXTS.length)]);
            case 6 -> target.set(name, f.objectNode());
            case 7 -> target.set(name, f.arrayNode().add(f.objectNode()));
            case 8 -> target.put(name + "x", "unknown");
            case 9 -> target.put(name, r.nextDouble() * 2 - 0.5);
            case 10 -> {
                String t = s.toString();
                return t.substring(0, r.nextInt(t.length())); // cut short
            }
            case 11 -> {
                String t = s.toString();
                int at = t.indexOf("\"" + name + "\":");
                return at < 0 ? t : t.substring(0, at) + "\"" + name + "\":null," + t.substring(at); // the key twice
            }
            case 12 -> target.put(name, "\ud800x"); // half a surrogate pair, written as an escape
            case 13 -> {
                // the keys in another order (the quick reader expects the usual order, and must not depend on it)
                List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
                target.fields().forEachRemaining(fields::add);
                java.util.Collections.shuffle(fields, r);
                target.removeAll();
                fields.forEach(e -> target.set(e.getKey(), e.getValue()));
            }
            case 14 -> {
                // a key written with an escape: the same key
                String t = s.toString();
                int at = t.indexOf("\"" + name + "\":");
                return at < 0 ? t : t.substring(0, at + 1) + String.format("\\u%04x", (int) name.charAt(0)) + t.substring(at + 2);
            }
            default -> {
                return s + (r.nextBoolean() ? " " : " {}");
            }
        }
        return s.toString();
    }

    private static void collect(JsonNode n, List<ObjectNode> out) {
        if (n instanceof ObjectNode o) {
            out.add(o);
        }
        for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
            collect(it.next(), out);
        }
    }
}
