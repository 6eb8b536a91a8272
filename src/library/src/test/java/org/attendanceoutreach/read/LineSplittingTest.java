package org.attendanceoutreach.read;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * A JSON-lines file is split into the same lines, with the same numbers, however its bytes arrive:
 * the newline search that reads eight bytes at a time finds what a byte-by-byte search finds (bytes
 * that differ from a newline in one bit, bytes with the high bit set, newlines at every position of
 * a word and at the ends), and lines that span two reads of the input, lines ending in CR LF and
 * blank lines come out as when read whole. (Broken on purpose once, the highest flagged byte taken
 * instead of the lowest: a line with two newlines in one word lost the line between them.)
 */
class LineSplittingTest {
    private static final byte[] ALPHABET = {'\n', '\n', 'a', 0x0B, 0x08, 0x0E, 0x09, (byte) 0x8A, (byte) (0x0A ^ 0x80), 0, (byte) 0xFF, '"', ' '};

    @Test
    void theWordAtATimeSearchFindsTheFirstNewlineAsABytewiseOneDoes() {
        int[] found = new int[2];
        qt().withExamples(2_000).forAll(integers().between(0, 70), longs().all()).checkAssert((n, seed) -> {
            Random random = new Random(seed);
            byte[] b = new byte[n];
            int density = 1 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                b[i] = random.nextInt(density) == 0 ? (byte) '\n' : ALPHABET[1 + random.nextInt(ALPHABET.length - 1)];
            }
            for (int from = 0; from <= n; from++) {
                for (int to = from; to <= n; to += 1 + random.nextInt(5)) {
                    int expected = to;
                    for (int i = from; i < to; i++) {
                        if (b[i] == '\n') {
                            expected = i;
                            break;
                        }
                    }
                    String where = "from " + from + " to " + to;
                    assertEquals(expected, SchoolLines.newline(b, from, to), where);
                    found[expected < to ? 0 : 1]++;
                }
            }
        });
        assertTrue(found[0] > 10_000 && found[1] > 10_000, "newlines found and not found: " + found[0] + ", " + found[1]);
    }

    @Test
    void linesComeOutTheSameHoweverTheBytesArrive() throws Exception {
        // more than the reader's 1 MB buffer, so that lines span two reads even when the input gives all it can
        Random random = new Random(17);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("{\"schoolId\":\"S\",\"asOf\":\"2026-10-01\",\"calendar\":{\"firstDay\":\"2026-09-01\",\"lastDay\":\"2027-06-15\"}}\n"
                .getBytes(StandardCharsets.UTF_8));
        List<String> expected = new ArrayList<>();
        int lineNumber = 1;
        int students = 0;
        while (file.size() < 3 << 20) {
            lineNumber++;
            if (random.nextInt(20) == 0) {
                file.writeBytes(random.nextBoolean() ? "\n".getBytes(StandardCharsets.UTF_8) : "  \r\n".getBytes(StandardCharsets.UTF_8));
                continue;
            }
            String id = "S-" + students++;
            StringBuilder filler = new StringBuilder();
            for (int k = random.nextInt(random.nextInt(50) == 0 ? 20_000 : 400); k > 0; k--) {
                filler.append((char) ('a' + random.nextInt(26)));
            }
            file.writeBytes(("{\"studentId\":\"" + id + "\",\"name\":\"" + filler + "\",\"absences\":[]}"
                    + (random.nextBoolean() ? "\r\n" : "\n")).getBytes(StandardCharsets.UTF_8));
            expected.add(id + "@" + lineNumber);
        }
        byte[] bytes = file.toByteArray();
        for (long seed = 0; seed < 4; seed++) {
            Random reads = new Random(seed);
            int most = seed == 0 ? Integer.MAX_VALUE : seed == 1 ? 1 : 1 + reads.nextInt(5_000);
            InputStream in = new FilterInputStream(new ByteArrayInputStream(bytes)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return super.read(b, off, Math.min(len, most == 1 ? 1 : 1 + reads.nextInt(Math.min(len, most))));
                }
            };
            List<String> read = new ArrayList<>();
            try (SchoolLines lines = new SchoolFileReader().openLines("district.jsonl", in, null)) {
                while (lines.hasNext()) {
                    StudentInput s = lines.next();
                    assertTrue(s.ok(), () -> s.key() + " could not be read");
                    read.add(s.key() + "@" + lines.lineNumber());
                }
            }
            assertEquals(expected, read, "reads of at most " + most + " bytes");
        }
    }
}
