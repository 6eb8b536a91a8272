package org.attendanceoutreach;

import org.attendanceoutreach.result.StudentResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.read.SchoolLines;
import org.attendanceoutreach.read.StudentInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.SequenceInputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reading limits of README "Input limits", and Jackson never instantiating types named by the input. */
class InputLimitsTest {
    private static final String HEAD = "{\"asOf\": \"2026-11-20\", \"calendar\": {\"firstDay\": \"2026-09-08\", \"lastDay\": \"2027-06-25\"},"
            + " \"students\": [{\"studentId\": \"S-1\"}";

    @Test
    void aFileOverTheSizeLimitIsRejectedBeforeItIsRead(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("district.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(SchoolFileReader.MAX_FILE_BYTES + 1); // sparse: takes no room, and is never read
        }
        SchoolFileException e = assertThrows(SchoolFileException.class, () -> new SchoolFileReader().read(big));
        assertEquals(big.toString() + ": is larger than 64 MB, the most a school file may be; give a district as a JSON-lines"
                + " file (.jsonl), which is read one student at a time", e.getMessage());
    }

    @Test
    void aStreamOverTheSizeLimitIsRejectedWhenItGetsThere() {
        InputStream huge = new SequenceInputStream(new ByteArrayInputStream(HEAD.getBytes(StandardCharsets.UTF_8)),
                blanks(SchoolFileReader.MAX_FILE_BYTES));
        SchoolFileException e = assertThrows(SchoolFileException.class, () -> new SchoolFileReader().read("stdin", huge));
        assertTrue(e.getMessage().startsWith("stdin: is larger than 64 MB"), e.getMessage());
    }

    @Test
    void aJsonLinesFileIsNotBoundByTheFileLimitOnlyEachLineIs() throws Exception {
        StringBuilder school = new StringBuilder("{\"asOf\": \"2026-11-20\", \"calendar\": {\"firstDay\": \"2026-09-08\", \"lastDay\": \"2027-06-25\"}}\n");
        List<InputStream> parts = new ArrayList<>();
        parts.add(new ByteArrayInputStream(school.toString().getBytes(StandardCharsets.UTF_8)));
        String padding = " ".repeat(1 << 16);
        long total = 0;
        int students = 0;
        while (total <= SchoolFileReader.MAX_FILE_BYTES) {
            byte[] line = ("{\"studentId\": \"S-" + students++ + "\"" + padding + "}\n").getBytes(StandardCharsets.UTF_8);
            parts.add(new ByteArrayInputStream(line));
            total += line.length;
        }
        int read = 0;
        try (SchoolLines lines = new SchoolFileReader().openLines("district.jsonl", new SequenceInputStream(Collections.enumeration(parts)), null)) {
            while (lines.hasNext()) {
                StudentInput in = lines.next();
                assertTrue(in.ok(), () -> in.error().toString());
                read++;
            }
        }
        assertEquals(students, read, "every student of a JSON-lines file larger than " + (SchoolFileReader.MAX_FILE_BYTES >> 20) + " MB");
    }

    /** No polymorphic ("default") typing on the reader's mapper, and none enabled anywhere in the library. */
    @Test
    void noDefaultTypingIsEverEnabled() throws Exception {
        Field f = SchoolFileReader.class.getDeclaredField("mapper");
        f.setAccessible(true);
        ObjectMapper mapper = (ObjectMapper) f.get(new SchoolFileReader());
        assertNull(mapper.getDeserializationConfig().getDefaultTyper(TypeFactory.defaultInstance().constructType(Object.class)));
        Pattern dangerous = Pattern.compile("\\bactivateDefaultTyping|enableDefaultTyping"
                + "|@JsonTypeInfo|JsonTypeInfo\\.Id\\.CLASS|enableDefaultTypingAsProperty|LaissezFaireSubTypeValidator");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            for (Path p : files.filter(x -> x.toString().endsWith(".java") && x.toString().contains("/src/main/")).toList()) {
                String text = Files.readString(p);
                if (dangerous.matcher(text).find()) {
                    found.add(p.toString());
                }
            }
        }
        assertEquals(List.of(), found, "polymorphic typing lets a file name the classes Jackson creates; read trees instead");
    }

    @Test
    void theReadmeDocumentsTheLimitsTheReaderApplies() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf("## Input limits");
        assertTrue(at >= 0, "README has an \"Input limits\" section");
        String section = readme.substring(at, readme.indexOf("\n## ", at + 1) < 0 ? readme.length() : readme.indexOf("\n## ", at + 1));
        for (String limit : new String[] {(SchoolFileReader.MAX_FILE_BYTES >> 20) + " MB", "16 MB", "64 levels", "100,000 characters",
                "1,000 characters", "50 digits", "1900", "2199", "two years"}) {
            assertTrue(section.contains(limit), "README \"Input limits\" says " + limit);
        }
        assertFalse(section.isBlank());
    }

    /** An as-of day from {@code --as-of} or the Java API, where the reader's date check does not apply. */
    @Test
    void anAsOfDayFarOutsideTheYearsIsTheStudentsErrorNotARuleFailure() throws Exception {
        var file = new SchoolFileReader().read(Path.of("fixtures/sample-school.json"));
        for (java.time.LocalDate day : new java.time.LocalDate[] {java.time.LocalDate.MAX, java.time.LocalDate.MIN,
                java.time.LocalDate.of(1899, 12, 31), java.time.LocalDate.of(2200, 1, 1)}) {
            var school = file.school().withAsOf(day);
            StudentResult r = TestEngine.get().evaluate(school, file.students().get(0).student());
            assertTrue(r.isError(), day.toString());
            assertEquals("asOf", r.error().field(), r.error().toString());
            assertTrue(r.error().message().contains("is not in the years 1900"), r.error().toString());
        }
    }

    /** {@code n} spaces, made as they are read. */
    private static InputStream blanks(long n) {
        return new InputStream() {
            private long left = n;

            @Override
            public int read() {
                return left-- > 0 ? ' ' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int k = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + k, (byte) ' ');
                left -= k;
                return k;
            }
        };
    }
}
