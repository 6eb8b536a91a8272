package org.attendanceoutreach.read;

import org.attendanceoutreach.csv.CsvSchoolReader;
import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.SchoolCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text that is not UTF-8 is "not UTF-8", however it is disguised, in every reader: overlong forms
 * (which a lenient decoder, Jackson's among them, reads as {@code /}), encoded surrogates, code points
 * beyond U+10FFFF, halves of surrogate pairs written as JSON escapes (which made two ids print alike
 * as {@code S-?}). CSV files have size limits as school files do.
 *
 * <p>Shown to catch: reading through Jackson's own decoder (the overlong cases were read as
 * {@code /}), the escape check removed from {@code JsonFields} (two students {@code S-\ud800} and
 * {@code S-\udbff} both read), and the CSV size limit removed (the stream case read 64 MB of blank lines).
 */
class StrictTextTest {
    private static final String HEAD = "{\"asOf\": \"2026-11-20\", \"calendar\": {\"firstDay\": \"2026-09-08\", \"lastDay\": \"2027-06-25\"}, \"students\": [";

    private static byte[] file(byte[] student) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(HEAD.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(student);
        out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] bytes(String ascii, int... raw) {
        int i = ascii.indexOf('#');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii.substring(0, i).getBytes(StandardCharsets.US_ASCII));
        for (int b : raw) {
            out.write(b);
        }
        out.writeBytes(ascii.substring(i + 1).getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Test
    void malformedUtf8IsNotUtf8InASchoolFile() {
        int[][] malformed = {
            {0xC0, 0xAF},             // overlong "/"
            {0xE0, 0x80, 0xAF},       // overlong "/", three bytes
            {0xF0, 0x80, 0x80, 0xAF}, // overlong "/", four bytes
            {0xED, 0xA0, 0x80},       // an encoded high surrogate
            {0xED, 0xBF, 0xBF},       // an encoded low surrogate
            {0xF4, 0x90, 0x80, 0x80}, // beyond U+10FFFF
            {0xE9},                   // Latin-1 e acute
            {0x80},                   // a stray continuation byte
        };
        for (int[] raw : malformed) {
            byte[] json = file(bytes("{\"studentId\": \"S-#1\"}", raw));
            SchoolFileException e = assertThrows(SchoolFileException.class,
                    () -> new SchoolFileReader().read("s.json", new ByteArrayInputStream(json)), java.util.Arrays.toString(raw));
            assertEquals("s.json: is not UTF-8 text; save it as UTF-8 and try again", e.getMessage());
        }
    }

    @Test
    void halfASurrogatePairAsAJsonEscapeIsTheNotUtf8ErrorOfItsFieldAndIdsNeverCollide() throws Exception {
        byte[] json = file(("{\"studentId\": \"S-\\ud800\"}, {\"studentId\": \"S-\\udbff\"},"
                + " {\"studentId\": \"S-2\", \"contacts\": [{\"role\": \"PARENT\", \"relationship\": \"m\\udc00ther\"}]},"
                + " {\"studentId\": \"S-3\", \"contacts\": [{\"role\": \"PARENT\", \"relationship\": \"\\ud83d\\ude00\"}]}")
                .getBytes(StandardCharsets.UTF_8));
        SchoolFile f = new SchoolFileReader().read("s.json", new ByteArrayInputStream(json));
        InputProblem first = f.students().get(0).error();
        InputProblem second = f.students().get(1).error();
        assertEquals("studentId", first.field());
        assertTrue(first.message().startsWith("is not UTF-8 text"), first.toString());
        assertEquals("s.json: student S-\\ud800: studentId: " + first.message(), first.toString(), "the id is shown escaped");
        assertNotEquals(first.toString(), second.toString(), "two different ids are never shown alike");
        assertFalse(first.message().contains("more than once"), "not taken for the same id");
        assertEquals("contacts[0].relationship", f.students().get(2).error().field());
        assertTrue(f.students().get(3).ok(), "a whole surrogate pair (an emoji) is text");
    }

    @Test
    void aLineOfAJsonLinesFileThatIsNotUtf8IsAnErrorOfThatLineOnly() throws Exception {
        ByteArrayOutputStream d = new ByteArrayOutputStream();
        d.writeBytes("{\"asOf\": \"2026-11-20\", \"calendar\": {\"firstDay\": \"2026-09-08\", \"lastDay\": \"2027-06-25\"}}\n"
                .getBytes(StandardCharsets.UTF_8));
        d.writeBytes("{\"studentId\": \"S-1\"}\n".getBytes(StandardCharsets.UTF_8));
        d.writeBytes(bytes("{\"studentId\": \"S-#\"}\n", 0xC0, 0xAF));
        d.writeBytes("{\"studentId\": \"S-3\", \"grade\": \"K\"}\n".getBytes(StandardCharsets.UTF_8));
        List<StudentInput> read = new ArrayList<>();
        try (SchoolLines in = new SchoolFileReader().openLines("d.jsonl", new ByteArrayInputStream(d.toByteArray()), w -> { })) {
            in.forEachRemaining(read::add);
        }
        assertEquals(3, read.size());
        assertTrue(read.get(0).ok() && read.get(2).ok());
        assertEquals("d.jsonl: line 3: is not UTF-8 text; save it as UTF-8 and try again", read.get(1).error().toString());
    }

    @Test
    void utf16WithItsMarkIsStillReadAndIsCheckedAsStrictly() throws Exception {
        String json = HEAD + "{\"studentId\": \"S-é\"}]}";
        byte[] le = ("\uFEFF" + json).getBytes(StandardCharsets.UTF_16LE);
        assertEquals("S-é", new SchoolFileReader().read("u.json", new ByteArrayInputStream(le)).students().get(0).key());
        byte[] lone = ("\uFEFF" + HEAD + "{\"studentId\": \"S-").getBytes(StandardCharsets.UTF_16LE);
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        bad.writeBytes(lone);
        bad.writeBytes(new byte[] {0x00, (byte) 0xD8}); // a high surrogate alone
        bad.writeBytes("\"}]}".getBytes(StandardCharsets.UTF_16LE));
        SchoolFileException e = assertThrows(SchoolFileException.class,
                () -> new SchoolFileReader().read("u.json", new ByteArrayInputStream(bad.toByteArray())));
        assertTrue(e.getMessage().contains("is not UTF-8 text"), e.getMessage());
    }

    private static School school() {
        return new School("PS-1", LocalDate.of(2026, 11, 20),
                new SchoolCalendar(LocalDate.of(2026, 9, 8), LocalDate.of(2027, 6, 25), Set.of()), "en", List.of());
    }

    @Test
    void aCsvFileThatIsNotUtf8IsRejectedAsSuch(@TempDir Path dir) throws Exception {
        Path roster = dir.resolve("roster.csv");
        Files.write(roster, bytes("studentId,contact1Role,contact1Name\nS-1,PARENT,Jos#\n", 0xE9));
        Path attendance = Files.writeString(dir.resolve("attendance.csv"), "studentId,date,code\n");
        Path header = Files.writeString(dir.resolve("school.json"),
                "{\"asOf\": \"2026-11-20\", \"calendar\": {\"firstDay\": \"2026-09-08\", \"lastDay\": \"2027-06-25\"}}");
        SchoolFileException e = assertThrows(SchoolFileException.class, () -> new CsvSchoolReader().read(roster, attendance, header));
        assertTrue(e.getMessage().startsWith(roster + ": is not UTF-8 text"), e.getMessage());
        Files.write(roster, bytes("studentId\nS-#1\n", 0xC0, 0xAF));
        e = assertThrows(SchoolFileException.class, () -> new CsvSchoolReader().read(roster, attendance, header));
        assertTrue(e.getMessage().contains("is not UTF-8 text"), "an overlong form too: " + e.getMessage());
    }

    @Test
    void aCsvFileOverTheSizeLimitIsRejectedBeforeOrWhenItGetsThere(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("attendance.csv");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength((64L << 20) + 1); // sparse: no room taken, never read
        }
        Path roster = Files.writeString(dir.resolve("roster.csv"), "studentId\nS-1\n");
        Path header = Files.writeString(dir.resolve("school.json"),
                "{\"asOf\": \"2026-11-20\", \"calendar\": {\"firstDay\": \"2026-09-08\", \"lastDay\": \"2027-06-25\"}}");
        SchoolFileException e = assertThrows(SchoolFileException.class, () -> new CsvSchoolReader().read(roster, big, header));
        assertTrue(e.getMessage().startsWith(big + ": is larger than 64 MB, the most a CSV file may be"), e.getMessage());

        // a pipe has no size: the limit is met while reading (64 MB of blank lines here, never held)
        Reader endless = new Reader() {
            private long left = (64L << 20) + 2;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, '\n');
                left -= n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        e = assertThrows(SchoolFileException.class, () -> new CsvSchoolReader().read(school(), "roster.csv",
                new StringReader("studentId\nS-1\n"), "attendance.csv", endless, List.of()));
        assertTrue(e.getMessage().startsWith("attendance.csv: is larger than 64 MB"), e.getMessage());
    }

    @Test
    void aCsvCellOrHeaderBeyondItsLimitIsRejected() {
        String huge = "x".repeat(100_001);
        SchoolFileException e = assertThrows(SchoolFileException.class, () -> new CsvSchoolReader().read(school(), "roster.csv",
                new StringReader("studentId,contact1Name\nS-1," + huge + "\n"), "attendance.csv", new StringReader("studentId,date,code\n"), List.of()));
        assertEquals("roster.csv: line 2: has a value longer than 100,000 characters, the most a CSV cell may", e.getMessage());
        StringBuilder wide = new StringBuilder("studentId");
        for (int i = 0; i < 1_000; i++) {
            wide.append(",c").append(i);
        }
        e = assertThrows(SchoolFileException.class, () -> new CsvSchoolReader().read(school(), "roster.csv",
                new StringReader(wide + "\n"), "attendance.csv", new StringReader("studentId,date,code\n"), List.of()));
        assertTrue(e.getMessage().contains("has 1001 columns, more than the 1,000 a CSV file may have"), e.getMessage());
    }
}
