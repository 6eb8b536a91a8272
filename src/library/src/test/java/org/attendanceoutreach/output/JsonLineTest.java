package org.attendanceoutreach.output;

import org.attendanceoutreach.TestEngine;
import org.attendanceoutreach.catalog.Impact;
import org.attendanceoutreach.catalog.Owner;
import org.attendanceoutreach.catalog.Strategy;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.result.AttendanceTier;
import org.attendanceoutreach.result.DueStatus;
import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.result.NextStep;
import org.attendanceoutreach.result.Progress;
import org.attendanceoutreach.result.Recommendation;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.result.Trend;
import org.attendanceoutreach.school.ContactRole;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The compact line writer ({@link JsonLine}) writes exactly what the Jackson generator writes for
 * the same result, as UTF-8: every UTF-16 code unit in every kind of text field, surrogate pairs
 * and halves, odd numbers and dates, and every result of the sample school and the scenario files.
 * (Broken on purpose once, writing the standard escapes in lower-case hex: both text tests failed, on 0x0B and 0x7F.)
 */
class JsonLineTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    private static void assertSame(StudentResult r) {
        String jackson = ResultWriter.jacksonLine(r);
        assertEquals(jackson, ResultWriter.jsonLine(r));
        assertArrayEquals(jackson.getBytes(StandardCharsets.UTF_8), ResultWriter.jsonLineBytes(r));
    }

    private static StudentResult full(String text, double missed, double rate, Double rateBefore) {
        Recommendation rec = new Recommendation("personal-call-home" + text, Strategy.ONGOING_OUTREACH, Impact.HIGH, Owner.TEACHER,
                ContactRole.PARENT, "es" + text, true, DAY, List.of("because " + text, text), "rule " + text, 12,
                DueStatus.DUE, DAY.minusDays(3), List.of("a", text));
        Recommendation bare = new Recommendation("x", Strategy.ONGOING_OUTREACH, Impact.LOW, Owner.MENTOR,
                null, null, null, DAY, List.of(), "r", 1, DueStatus.OVERDUE, DAY, List.of());
        NextStep next = new NextStep("n" + text, "after " + text, List.of(text), "rule", List.of(text));
        NextStep nextBare = new NextStep("n", "after", List.of(), "rule", List.of());
        Progress p = new Progress("success-mentor", DAY.minusDays(40), 0, 123, rateBefore, 0.0625, Trend.NOT_IMPROVING, "p " + text);
        return new StudentResult("S-" + text, DAY, 52, missed, rate, AttendanceTier.MODERATE_CHRONIC, 3,
                List.of(rec, bare), List.of(text, "c"), List.of(), null, List.of(next, nextBare), null, List.of(p), List.of());
    }

    @Test
    void everyCodeUnitIsWrittenAsJacksonWritesIt() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c < 0x10000; c++) {
            String one = String.valueOf((char) c);
            assertSame(full(one, 5, 0.0962, null));
            all.append((char) c);
        }
        assertSame(full(all.toString(), 5, 0.0962, 0.1));
    }

    @Test
    void surrogatePairsNumbersAndErrors() {
        Random r = new Random(7);
        String[] pieces = {"\uD83D\uDE00", "\uD83D", "\uDE00", "é", "\u202E", "\u2028", "\"", "\\", "\u0000", "\u007F", "\u0085",
                "\uFEFF", "中", "\u00A0", "a", " "};
        double[] numbers = {0, 0.5, 1.0 / 3, 1e-7, 123456789.5, 1e21, -0.0, 5.0, Double.MIN_VALUE, 0.1 + 0.2};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = r.nextInt(8); k > 0; k--) {
                s.append(pieces[r.nextInt(pieces.length)]);
            }
            double d = numbers[r.nextInt(numbers.length)];
            assertSame(full(s.toString(), d, d / 3, r.nextBoolean() ? null : d));
            assertSame(StudentResult.failed(s.toString(), DAY, new InputProblem(r.nextBoolean() ? null : "f" + s,
                    null, r.nextBoolean() ? null : "absences[0]" + s, "message " + s)));
        }
        assertSame(full("x", Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        StudentResult farFuture = new StudentResult("S-1", LocalDate.of(12345, 1, 2), 0, 0, 0, AttendanceTier.SATISFACTORY, 1,
                List.of(), List.of(), List.of(), null, List.of(), null);
        assertSame(farFuture);
    }

    /**
     * Strings the rules use again and again are written once and then copied from what was
     * written, found by identity: a string with the same hash, or equal text in another string,
     * is still written as itself. (Broken on purpose once, finding a slot by the hash alone: this
     * test failed on "BB" written as "Aa".)
     */
    @Test
    void stringsUsedAgainAreWrittenAsThemselves() {
        assertEquals("Aa".hashCode(), "BB".hashCode());
        String[] texts = {"Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa", "caf\u00e9", "\"", new String("Aa"), "x".repeat(600)};
        Random r = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            String t = texts[r.nextInt(texts.length)];
            String u = texts[r.nextInt(texts.length)];
            Recommendation rec = new Recommendation(t, Strategy.ONGOING_OUTREACH, Impact.HIGH, Owner.TEACHER,
                    ContactRole.PARENT, u, false, DAY, List.of(u), t, 1, DueStatus.DUE, DAY, List.of(u, t));
            NextStep next = new NextStep(u, t, List.of(t), u, List.of(u));
            assertSame(new StudentResult("S-" + i, DAY, 52, 1, 0.02, AttendanceTier.AT_RISK, 1,
                    List.of(rec), List.of(t, u), List.of(), null, List.of(next), null, List.of(), List.of()));
        }
    }

    @Test
    void everyResultOfTheFixturesIsTheSame() throws Exception {
        List<Path> files = new ArrayList<>(List.of(Path.of("fixtures/sample-school.json")));
        try (Stream<Path> s = Files.list(Path.of("fixtures/scenarios"))) {
            s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        int count = 0;
        for (Path p : files) {
            SchoolFile f = new SchoolFileReader().read(p);
            for (StudentResult r : TestEngine.get().evaluate(f).students()) {
                assertSame(r);
                count++;
            }
        }
        assertEquals(true, count > 100, "results compared: " + count);
    }
}
