package org.attendanceoutreach;

import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.result.SchoolResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.read.SchoolFileReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every file of {@code fixtures/bad/} through the reader and the engine, checked against
 * {@code fixtures/bad/expected.json}: the right error, naming the file, the student and the field;
 * every good student of the same file still evaluated; no exception ever escapes.
 */
class BadInputCorpusTest {
    static final Path CORPUS = Path.of("fixtures/bad");
    private static final Set<String> NOT_INPUT = Set.of("expected.json", "README.md");

    static JsonNode manifest() throws IOException {
        return new ObjectMapper().readTree(CORPUS.resolve("expected.json").toFile());
    }

    @Test
    void theManifestNamesEveryFileOfTheCorpusAndNothingElse() throws IOException {
        Set<String> listed = new TreeSet<>();
        for (JsonNode f : manifest().get("files")) {
            assertTrue(listed.add(f.get("file").asText()), "listed twice: " + f.get("file"));
        }
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            files.map(p -> p.getFileName().toString()).filter(n -> !NOT_INPUT.contains(n)).forEach(present::add);
        }
        assertEquals(present, listed);
        assertTrue(listed.size() >= 40, "the corpus has " + listed.size() + " files");
    }

    @TestFactory
    Stream<DynamicTest> everyBadFileGivesItsErrorAndTheGoodStudentsAreStillEvaluated() throws IOException {
        OutreachEngine engine = TestEngine.get();
        SchoolFileReader reader = new SchoolFileReader();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode expected : manifest().get("files")) {
            String name = expected.get("file").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                try {
                    check(reader, engine, CORPUS.resolve(name), expected);
                } catch (AssertionError e) {
                    throw e;
                } catch (Throwable t) {
                    throw new AssertionError(name + ": an exception escaped the reader or the engine: " + t, t);
                }
            }));
        }
        return tests.stream();
    }

    private static void check(SchoolFileReader reader, OutreachEngine engine, Path path, JsonNode expected) {
        String file = path.toString();
        String what = path.getFileName() + " (" + expected.get("what").asText() + ")";
        SchoolFile read;
        try {
            read = reader.read(path);
        } catch (SchoolFileException e) {
            assertEquals("file", expected.get("rejected").asText(), what + ": the whole file was rejected: " + e.problem());
            InputProblem p = e.problem();
            assertEquals(file, p.file(), what);
            assertNull(p.studentId(), what);
            assertEquals(text(expected.get("field")), emptyAsNull(p.field()), what + ": " + p);
            assertTrue(p.message().contains(expected.get("message").asText()), what + ": " + p);
            assertTrue(e.getMessage().startsWith(file + ": "), what + ": " + e.getMessage());
            return;
        }
        assertEquals("students", expected.get("rejected").asText(), what + ": expected the whole file to be rejected, but it was read");
        SchoolResult result = engine.evaluate(read);
        assertNull(result.error(), what);
        assertEquals(read.students().size(), result.students().size(), what + ": every entry gives exactly one result");

        List<StudentResult> errors = new ArrayList<>(result.students().stream().filter(StudentResult::isError).toList());
        for (JsonNode e : expected.get("errors")) {
            String studentId = text(e.get("studentId"));
            String key = studentId != null ? studentId : e.get("entry").asText();
            StudentResult r = errors.stream().filter(x -> x.studentId().equals(key)).findFirst()
                    .orElseThrow(() -> new AssertionError(what + ": no error for " + key + "; errors: " + errors));
            errors.remove(r);
            InputProblem p = r.error();
            assertEquals(file, p.file(), what + ": " + p);
            assertEquals(studentId, p.studentId(), what + ": " + p);
            assertEquals(e.get("field").asText(), p.field(), what + ": " + p);
            assertTrue(p.message().contains(e.get("message").asText()), what + ": " + p);
            if (e.has("hidden")) {
                assertFalse(p.toString().contains(e.get("hidden").asText()), what + ": the error shows a personal value: " + p);
            }
            String line = p.toString();
            assertTrue(line.startsWith(file + ": " + (studentId == null ? "" : "student " + studentId + ": ") + p.field() + ": "),
                    what + ": " + line);
        }
        assertEquals(List.of(), errors, what + ": errors the manifest does not expect");

        for (JsonNode g : expected.get("evaluated")) {
            StudentResult r = result.students().stream().filter(x -> x.studentId().equals(g.asText())).findFirst()
                    .orElseThrow(() -> new AssertionError(what + ": good student " + g.asText() + " is missing from the result"));
            assertFalse(r.isError(), () -> what + ": good student " + g.asText() + " was not evaluated: " + r.error());
            assertNotNull(r.attendanceTier(), what);
        }
        int accounted = expected.get("errors").size() + expected.get("evaluated").size();
        assertEquals(result.students().size(), accounted, what + ": the manifest accounts for every student of the file");
        for (StudentResult r : result.students()) {
            StudentResult clean = CLEAN.get(r.studentId());
            if (clean != null) {
                assertEquals(clean, r, what + ": " + r.studentId() + " comes out as it does in a file without bad students");
            }
        }
    }

    /** G-1 and G-2 as every file of the corpus has them, evaluated in a file of their own. */
    private static final java.util.Map<String, StudentResult> CLEAN = clean();

    private static java.util.Map<String, StudentResult> clean() {
        String json = """
                {"schoolId": "PS-BAD", "asOf": "2026-11-20",
                 "calendar": {"firstDay": "2026-09-08", "lastDay": "2027-06-25", "closedDays": ["2026-10-12", "2026-11-11"]},
                 "students": [
                   {"studentId": "G-1", "grade": "3",
                    "contacts": [{"role": "PARENT", "relationship": "mother", "name": "Parent G-1", "phone": "555-0101", "phoneStatus": "WORKING"}],
                    "absences": [{"date": "2026-11-19", "type": "EXCUSED", "reason": "ILLNESS"}, {"date": "2026-11-20", "type": "UNEXCUSED", "reason": "TRANSPORTATION"}]},
                   {"studentId": "G-2", "grade": "K"}]}
                """;
        try {
            SchoolFile file = new SchoolFileReader().read("clean.json", new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            java.util.Map<String, StudentResult> out = new java.util.HashMap<>();
            for (StudentResult r : TestEngine.get().evaluate(file).students()) {
                assertFalse(r.isError(), () -> r.error().toString());
                out.put(r.studentId(), r);
            }
            assertTrue(out.get("G-1").recommendation("personal-call-home").isPresent(), "G-1 is absent today: the same-day call");
            return out;
        } catch (SchoolFileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The same corpus through {@code ./outreach recommend}: one run, every file in the output, no exception. */
    @Test
    void theCommandLineReportsEveryBadFileAndStillPrintsTheGoodStudents() throws IOException {
        List<String> args = new ArrayList<>(List.of("recommend", "--rules", "rules"));
        for (JsonNode f : manifest().get("files")) {
            args.add(CORPUS.resolve(f.get("file").asText()).toString());
        }
        CommandLineTest.Run r = CommandLineTest.run(args.toArray(String[]::new));
        assertEquals(1, r.status(), r.err());
        assertFalse(r.err().contains("outreach: "), "an exception reached the command line: " + r.err());
        JsonNode out = new ObjectMapper().readTree(r.out());
        JsonNode schools = out.get("schools");
        assertEquals(args.size() - 3, schools.size());
        for (JsonNode expected : manifest().get("files")) {
            String file = CORPUS.resolve(expected.get("file").asText()).toString();
            assertTrue(r.err().lines().anyMatch(l -> l.startsWith("error: " + file + ": ")), file + " has no error line:\n" + r.err());
            for (JsonNode good : expected.path("evaluated")) {
                assertTrue(r.out().contains("\"studentId\": \"" + good.asText() + "\""), good.asText());
            }
            for (JsonNode e : expected.path("errors")) {
                if (e.has("hidden")) {
                    String hidden = e.get("hidden").asText();
                    assertFalse(r.err().contains(hidden) || r.out().contains(hidden), file + ": a personal value reached the output: " + hidden);
                }
            }
        }
        for (JsonNode school : schools) {
            for (JsonNode s : school.get("students")) {
                assertTrue(s.has("error") || s.has("attendanceTier"), s.toString());
            }
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String emptyAsNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
