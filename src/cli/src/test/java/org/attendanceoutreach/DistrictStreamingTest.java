package org.attendanceoutreach;

import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.result.Trend;
import org.attendanceoutreach.result.Recommendation;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.bench.DistrictGenerator;
import org.attendanceoutreach.bench.ReferenceEvaluator;
import org.attendanceoutreach.output.ResultWriter;
import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.read.SchoolLines;
import org.attendanceoutreach.read.StudentInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Districts as JSON lines: the generator, the streaming reader, the streaming batch API, the
 * {@code jsonl} output, and the plain-Java reference as a differential oracle of the core policy.
 */
class DistrictStreamingTest {
    /** The interventions the reference decides, and so the ones compared. */
    private static final List<String> CORE = List.of("personal-call-home", "escalate-to-attendance-team",
            "monthly-letter-and-follow-up-call", "success-mentor");

    private final OutreachEngine engine = TestEngine.get();
    private final SchoolFileReader reader = new SchoolFileReader();

    private static byte[] district(long seed, int days, int students, DistrictGenerator.Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new DistrictGenerator(seed, days).write(students, format, out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    private List<StudentResult> stream(String name, byte[] jsonl, List<InputProblem> warnings) throws SchoolFileException {
        try (SchoolLines lines = reader.openLines(name, new ByteArrayInputStream(jsonl), warnings::add);
             Stream<StudentResult> results = engine.evaluateAll(lines.school(), lines)) {
            return results.map(r -> r.inFile(name)).collect(Collectors.toList());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private List<StudentResult> stream(byte[] jsonl) throws SchoolFileException {
        return stream("district.jsonl", jsonl, new ArrayList<>());
    }

    @Test
    void theReferenceAndTheRulesAgreeOnTheCorePolicyForGeneratedDistricts() {
        qt().withExamples(25).forAll(longs().all(), integers().between(1, 200)).checkAssert((seed, days) -> {
            byte[] jsonl = district(seed, days, 40, DistrictGenerator.Format.JSONL);
            List<StudentResult> engineResults;
            try {
                engineResults = stream(jsonl);
            } catch (SchoolFileException e) {
                throw new AssertionError(e);
            }
            List<ReferenceEvaluator.Outcome> reference = new ArrayList<>();
            try {
                new ReferenceEvaluator(engine.policy(), engine.catalog()).run(new ByteArrayInputStream(jsonl), reference::add);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            assertEquals(reference.size(), engineResults.size());
            for (int i = 0; i < reference.size(); i++) {
                ReferenceEvaluator.Outcome ref = reference.get(i);
                StudentResult r = engineResults.get(i);
                String who = "seed " + seed + ", " + days + " days, " + ref.studentId();
                assertEquals(ref.studentId(), r.studentId(), who);
                assertNull(ref.error(), who + ": " + ref.error());
                assertFalse(r.isError(), () -> who + ": " + r.error());
                assertEquals(ref.daysEnrolled(), r.daysEnrolled(), who);
                assertEquals(ref.daysMissed(), r.daysMissed(), 1e-9, who);
                assertEquals(ref.attendanceTier(), r.attendanceTier().name(), who);
                assertEquals(ref.supportTier(), r.supportTier(), who);
                for (String id : CORE) {
                    ReferenceEvaluator.Decision d = ref.decision(id);
                    Recommendation rec = r.recommendation(id).orElse(null);
                    assertEquals(d != null, rec != null, who + ": " + id + " (reference " + d + ", engine " + rec + ")");
                    if (d != null) {
                        assertEquals(d.due(), rec.due(), who + ": due of " + id);
                        if (d.owner() != null) {
                            assertEquals(d.owner(), rec.owner().name(), who + ": owner of " + id);
                        }
                    }
                }
            }
        });
    }

    @Test
    void theGeneratedDistrictHasTheMixItPromises() throws Exception {
        byte[] jsonl = district(7, 180, 4000, DistrictGenerator.Format.JSONL);
        List<StudentResult> results = stream(jsonl);
        assertEquals(4000, results.size());
        assertTrue(results.stream().noneMatch(StudentResult::isError), "generated students are valid");
        long chronic = results.stream().filter(r -> r.attendanceTier().isChronic()).count();
        assertTrue(chronic > 800 && chronic < 1200, "about a quarter chronically absent: " + chronic);
        Map<String, Long> count = new HashMap<>();
        // what the plans carry out, on their own or as part of another recommendation (covers)
        results.forEach(r -> r.recommendations().forEach(x -> {
            count.merge(x.intervention(), 1L, Long::sum);
            x.covers().forEach(c -> count.merge(c, 1L, Long::sum));
        }));
        // the district is evaluated on its last day: no new mentors then, but summer meetings for next year
        for (String id : List.of("personal-call-home", "escalate-to-attendance-team", "contact-education-decision-maker",
                "arrange-adult-interpreter", "find-working-phone-number", "leverage-scheduled-meeting", "summer-transition-meeting")) {
            assertTrue(count.getOrDefault(id, 0L) >= 10, id + " is recommended too rarely: " + count);
        }
        String text = new String(jsonl, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"EDUCATION_DECISION_MAKER\"") && text.contains("\"DISCONNECTED\"")
                && text.contains("\"iep\":true") && text.contains("\"homeLanguage\":\"zh-Hant\""), "the mix of circumstances");
        // supports in place: about half of the chronically absent students have one or two on record
        long withSupports = text.lines().filter(l -> l.contains("\"interventions\":[")).count();
        assertTrue(withSupports > 400 && withSupports < 1000, "students with supports in place: " + withSupports);
        long notWorking = results.stream().filter(r -> r.progress().stream().anyMatch(p -> p.trend() == Trend.NOT_IMPROVING)).count();
        long working = results.stream().filter(r -> r.progress().stream().anyMatch(p -> p.trend() == Trend.IMPROVING)).count();
        assertTrue(notWorking >= 50 && working >= 50, "supports not improving " + notWorking + ", improving " + working);
    }

    @Test
    void theGeneratorIsDeterministicAndAStudentDependsOnlyOnTheSeedAndItsPosition() {
        byte[] small = district(11, 180, 50, DistrictGenerator.Format.JSONL);
        assertArrayEquals(small, district(11, 180, 50, DistrictGenerator.Format.JSONL));
        byte[] large = district(11, 180, 80, DistrictGenerator.Format.JSONL);
        assertArrayEquals(small, java.util.Arrays.copyOf(large, small.length), "the first 50 of 80 are the 50");
        assertFalse(java.util.Arrays.equals(small, district(12, 180, 50, DistrictGenerator.Format.JSONL)));
    }

    @Test
    void streamingGivesExactlyWhatOneAtATimeAndTheSchoolFileGive() throws Exception {
        byte[] jsonl = district(3, 120, 700, DistrictGenerator.Format.JSONL);
        List<StudentResult> streamed = stream(jsonl);

        // one at a time, each in a new session: identical, rules fired included
        try (SchoolLines lines = reader.openLines("district.jsonl", new ByteArrayInputStream(jsonl), w -> { })) {
            int i = 0;
            while (lines.hasNext()) {
                StudentInput in = lines.next();
                assertEquals(engine.evaluate(lines.school(), in.student()), streamed.get(i++), in.key());
            }
            assertEquals(streamed.size(), i);
        }

        // the same district as a school file: the same results, sorted by id
        SchoolFile file = reader.read("district.jsonl", new ByteArrayInputStream(district(3, 120, 700, DistrictGenerator.Format.JSON)));
        SchoolResult whole = engine.evaluate(file);
        List<StudentResult> sorted = new ArrayList<>(streamed);
        sorted.sort(Comparator.comparing(StudentResult::studentId));
        assertEquals(whole.students(), sorted);
    }

    /**
     * A JSON-lines file handed to the engine fresh is read in chunks on the worker threads; one the
     * caller has begun to iterate, or any other iterator, is taken entry by entry. All three give the
     * same results, warnings in file order and counts, repeated ids and bad lines included, over
     * many chunks. (Broken on purpose once, handing out a chunk's entries without the repeated-id
     * check: this test and the bad-line test failed.)
     */
    @Test
    void readingOnTheWorkersGivesWhatReadingEntryByEntryGives() throws Exception {
        String district = new String(district(9, 60, 1_500, DistrictGenerator.Format.JSONL), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(district.lines().toList());
        lines.add(700, lines.get(300)); // a repeated id, hundreds of lines (chunks) later
        lines.add(900, "{\"studentId\": \"W-1\", \"nickname\": \"x\"}"); // a warning
        lines.add(1_200, "{\"studentId\": \"W-2\", \"nickname\": \"y\"}");
        lines.add(1_300, "not json");
        byte[] jsonl = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);

        List<InputProblem> chunkedWarnings = new ArrayList<>();
        EvaluationStats chunkedStats = new EvaluationStats();
        List<StudentResult> chunked;
        try (SchoolLines in = reader.openLines("d.jsonl", new ByteArrayInputStream(jsonl), chunkedWarnings::add);
             Stream<StudentResult> results = engine.evaluateAll(in.school(), in, chunkedStats)) {
            chunked = results.toList();
        }

        List<InputProblem> plainWarnings = new ArrayList<>();
        EvaluationStats plainStats = new EvaluationStats();
        List<StudentResult> plain;
        try (SchoolLines in = reader.openLines("d.jsonl", new ByteArrayInputStream(jsonl), plainWarnings::add)) {
            java.util.Iterator<StudentInput> entryByEntry = new java.util.Iterator<>() {
                public boolean hasNext() {
                    return in.hasNext();
                }

                public StudentInput next() {
                    return in.next();
                }
            };
            try (Stream<StudentResult> results = engine.evaluateAll(in.school(), entryByEntry, plainStats)) {
                plain = results.toList();
            }
        }

        List<StudentResult> begun = new ArrayList<>();
        try (SchoolLines in = reader.openLines("d.jsonl", new ByteArrayInputStream(jsonl), w -> { })) {
            begun.add(engine.evaluateAll(in.school(), List.of(in.next()).iterator()).findFirst().orElseThrow());
            try (Stream<StudentResult> results = engine.evaluateAll(in.school(), in)) {
                results.forEach(begun::add);
            }
        }

        assertEquals(lines.size() - 1, chunked.size());
        assertEquals(plain.size(), chunked.size());
        assertEquals(plain.size(), begun.size());
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(plain.get(i), chunked.get(i), "entry " + i);
            assertEquals(plain.get(i), begun.get(i), "entry " + i);
        }
        assertEquals(plainWarnings, chunkedWarnings);
        assertEquals(2, chunkedWarnings.size());
        assertTrue(chunked.get(699).error().message().contains("more than once"), chunked.get(699).toString());
        assertEquals(chunked.size(), chunkedStats.students());
        assertEquals(chunked.stream().filter(StudentResult::isError).count(), chunkedStats.errors());
        assertEquals(plainStats.students(), chunkedStats.students());
        assertEquals(plainStats.errors(), chunkedStats.errors());
    }

    @Test
    void aJsonLineIsTheJsonFormatsStudentObjectMadeCompact() throws Exception {
        byte[] jsonl = district(5, 60, 30, DistrictGenerator.Format.JSONL);
        List<StudentResult> results = stream(jsonl);
        StringWriter lines = new StringWriter();
        ResultWriter.write(ResultWriter.Format.JSONL, List.of(new SchoolResult("d.jsonl", "D", results.get(0).asOf(), results, null)), lines);
        List<String> written = lines.toString().lines().toList();
        assertEquals(results.size(), written.size());
        for (int i = 0; i < results.size(); i++) {
            assertEquals(ResultWriter.jsonLine(results.get(i)), written.get(i));
        }
    }

    @Test
    void aBadLineIsAnErrorForThatLineOnlyNamingFileLineOrStudentAndField() throws Exception {
        String head = new String(district(1, 60, 0, DistrictGenerator.Format.JSONL), StandardCharsets.UTF_8);
        String text = head
                + "{\"studentId\": \"OK-1\"}\n"
                + "{\"studentId\": \"BAD-1\", \"absences\": [{\"date\": \"2025-09-03\", \"type\": \"EXCUSD\"}]}\n"
                + "\n"
                + "{\"grade\": \"K\"}\n"
                + "{\"studentId\": \"X\", \"contacts\": [{\"name\": Secret Name}]}\n"
                + "{\"studentId\": \"OK-1\"}\n"
                + "{\"studentId\": \"OK-2\", \"nickname\": \"Secret\"}\n"
                + "[1, 2]\n"
                + "{\"studentId\": \"OK-3\", \"absences\": [{\"date\": \"2025-09-06\", \"type\": \"EXCUSED\"}]}";
        List<InputProblem> warnings = new ArrayList<>();
        List<StudentResult> results = stream("d.jsonl", text.getBytes(StandardCharsets.UTF_8), warnings);
        assertEquals(8, results.size(), "every line after the school is one result; the blank line is skipped");
        assertFalse(results.get(0).isError());

        InputProblem enumProblem = results.get(1).error();
        assertEquals("d.jsonl: student BAD-1: absences[0].type: 'EXCUSD' is not one of EXCUSED, UNEXCUSED, SUSPENSION, TARDY, EARLY_DEPARTURE",
                enumProblem.toString());

        InputProblem noId = results.get(2).error();
        assertEquals("line 5", results.get(2).studentId());
        assertEquals("line 5: studentId", noId.field());
        assertTrue(noId.toString().startsWith("d.jsonl: line 5: studentId: is required"), noId.toString());

        InputProblem malformed = results.get(3).error();
        assertTrue(malformed.toString().startsWith("d.jsonl: line 6: is not valid JSON at column "), malformed.toString());
        assertFalse(malformed.toString().contains("Secret"));

        InputProblem duplicate = results.get(4).error();
        assertEquals("studentId", duplicate.field());
        assertTrue(duplicate.message().contains("first on line 2"), duplicate.message());

        assertFalse(results.get(5).isError());
        assertEquals(1, warnings.size());
        assertEquals("d.jsonl: student OK-2: nickname: unknown field, ignored", warnings.get(0).toString());

        assertEquals("d.jsonl: line 9: expected an object, found an array", results.get(6).error().toString());

        InputProblem weekend = results.get(7).error();
        assertNotNull(weekend, "an absence on a Saturday is caught when the facts are computed");
        assertEquals("d.jsonl: student OK-3: absences[0].date: 2025-09-06 is not an instructional day (a saturday)", weekend.toString());
    }

    @Test
    void lineOneMustBeTheSchool() {
        SchoolFileException students = assertThrows(SchoolFileException.class, () -> reader.openLines("s.jsonl",
                new ByteArrayInputStream(("{\"asOf\": \"2026-01-05\", \"calendar\": {\"firstDay\": \"2025-09-02\", \"lastDay\": \"2026-06-10\"},"
                        + " \"students\": []}\n").getBytes(StandardCharsets.UTF_8)), w -> { }));
        assertTrue(students.getMessage().startsWith("s.jsonl: students: does not belong on line 1"), students.getMessage());
        SchoolFileException empty = assertThrows(SchoolFileException.class,
                () -> reader.openLines("e.jsonl", new ByteArrayInputStream(new byte[0]), w -> { }));
        assertTrue(empty.getMessage().contains("is empty"), empty.getMessage());
        SchoolFileException notJson = assertThrows(SchoolFileException.class,
                () -> reader.openLines("n.jsonl", new ByteArrayInputStream("{asOf\n".getBytes(StandardCharsets.UTF_8)), w -> { }));
        assertTrue(notJson.getMessage().startsWith("n.jsonl: is not valid JSON at line 1"), notJson.getMessage());
        SchoolFileException noCalendar = assertThrows(SchoolFileException.class,
                () -> reader.openLines("c.jsonl", new ByteArrayInputStream("{\"asOf\": \"2026-01-05\"}\n".getBytes(StandardCharsets.UTF_8)), w -> { }));
        assertTrue(noCalendar.getMessage().startsWith("c.jsonl: calendar: is required"), noCalendar.getMessage());
    }

    @Test
    void recommendStreamsAJsonLinesFileToJsonLines(@TempDir Path dir) throws Exception {
        Path district = dir.resolve("district.jsonl");
        CommandLineTest.Run gen = CommandLineTest.run("generate", "--students", "300", "--seed", "9", "--out", district.toString());
        assertEquals(0, gen.status(), gen.err());
        CommandLineTest.Run r = CommandLineTest.run("recommend", "--rules", "rules", "--format", "jsonl", district.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(300, lines.size());
        assertTrue(lines.get(0).startsWith("{\"studentId\":\"S-0000001\",\"asOf\":"), lines.get(0));
        assertTrue(lines.stream().allMatch(l -> l.startsWith("{\"studentId\":\"S-") && l.endsWith("]}")));

        Path schoolFile = dir.resolve("district.json");
        assertEquals(0, CommandLineTest.run("generate", "--students", "300", "--seed", "9", "--format", "json",
                "--out", schoolFile.toString()).status());
        CommandLineTest.Run fromJson = CommandLineTest.run("recommend", "--rules", "rules", "--format", "jsonl", schoolFile.toString());
        assertEquals(r.out(), fromJson.out(), "the same district as a school file gives the same lines (ids are in order here)");
        assertTrue(Files.size(district) > 0);
    }

    @Test
    void benchRunsOnATinyDistrictAndEndsWithTheSummaryLine(@TempDir Path dir) {
        CommandLineTest.Run r = CommandLineTest.run("bench", "--rules", "rules", "--students", "120", "--days", "40",
                "--dir", dir.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        String last = r.out().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.matches("students=120 seconds=[0-9.]+ students_per_s=[0-9]+ ratio_vs_reference=[0-9.]+ peak_heap_mb=[0-9]+"
                + " build_s=[0-9.]+ p99_us=[0-9]+"), last);
        assertTrue(r.out().contains("knowledge base build (cold)"), r.out());
        assertTrue(r.out().contains("warm-up, the same for both (the district's first 120 students"), r.out());
        assertTrue(r.out().contains("one student at a time (evaluate, warm, 120 students"), r.out());
    }
}
