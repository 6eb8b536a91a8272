package org.attendanceoutreach.output;

import org.attendanceoutreach.internal.PlainText;
import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.result.NextStep;
import org.attendanceoutreach.result.Progress;
import org.attendanceoutreach.result.Recommendation;
import org.attendanceoutreach.result.StudentResult;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One student result as one compact line of JSON, written straight to UTF-8 bytes: the bytes the
 * Jackson generator of {@link ResultWriter} writes for the same result, encoded as UTF-8, without a
 * generator, a {@code Writer} or an intermediate string per line (a district writes a million of
 * them). The escaping is Jackson's with {@link org.attendanceoutreach.internal.JsonEscapes}: {@code "}
 * and {@code \} and the C0 controls as JSON requires (a backslash and {@code n}, {@code t}, … or a backslash, {@code u} and four hex digits in upper
 * case), DEL the same way, and every character {@link PlainText#isUnsafe} as a backslash, {@code u} and four
 * hex digits in lower case (so no surrogate reaches the encoder); numbers as
 * {@code Integer.toString} and {@code Double.toString}. {@code JsonLineTest} holds it to Jackson's
 * output for every UTF-16 code unit. One per thread, reused (not thread-safe).
 */
@SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): exact for the ASCII it is given here
final class JsonLine {
    private static final ThreadLocal<JsonLine> PER_THREAD = ThreadLocal.withInitial(JsonLine::new);
    private static final byte[] HEX_UPPER = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] HEX_LOWER = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** For ASCII: 0 written as it is, else the letter after the backslash, or -1 for four upper-case hex digits. */
    private static final int[] ASCII = new int[128];
    /** For the BMP: whether a character from 0x80 up is written as a lower-case hex escape. */
    private static final boolean[] UNSAFE = new boolean[0x10000];

    static {
        for (int c = 0; c < 0x20; c++) {
            ASCII[c] = -1;
        }
        ASCII['\b'] = 'b';
        ASCII['\t'] = 't';
        ASCII['\f'] = 'f';
        ASCII['\n'] = 'n';
        ASCII['\r'] = 'r';
        ASCII['"'] = '"';
        ASCII['\\'] = '\\';
        ASCII[0x7F] = -1;
        for (int c = 0x80; c < 0x10000; c++) {
            UNSAFE[c] = PlainText.isUnsafe((char) c);
        }
    }

    private byte[] buf = new byte[4096];
    private int n;
    /** Slots of the strings written before ({@link #known}): the string itself, and its bytes as written. */
    private static final int KNOWN = 1024;
    private final String[] knownKeys = new String[KNOWN];
    private final byte[][] knownBytes = new byte[KNOWN][];

    private JsonLine() {
    }

    /** The line's UTF-8 bytes (without a line end). */
    static byte[] bytes(StudentResult r) {
        JsonLine w = PER_THREAD.get();
        w.n = 0;
        w.student(r);
        byte[] out = Arrays.copyOf(w.buf, w.n);
        if (w.buf.length > 1 << 16) {
            w.buf = new byte[4096]; // one huge result does not keep its buffer
        }
        return out;
    }

    /** The line as a string (without a line end). */
    static String string(StudentResult r) {
        JsonLine w = PER_THREAD.get();
        w.n = 0;
        w.student(r);
        String out = new String(w.buf, 0, w.n, java.nio.charset.StandardCharsets.UTF_8);
        if (w.buf.length > 1 << 16) {
            w.buf = new byte[4096];
        }
        return out;
    }

    private void student(StudentResult r) {
        raw("{\"studentId\":");
        string(r.studentId());
        if (r.isError()) {
            error(r.error());
            put('}');
            return;
        }
        raw(",\"asOf\":");
        date(r.asOf());
        raw(",\"daysEnrolled\":");
        integer(r.daysEnrolled());
        raw(",\"daysMissed\":");
        number(r.daysMissed());
        raw(",\"absenceRate\":");
        number(r.absenceRate());
        raw(",\"attendanceTier\":");
        known(r.attendanceTier().name());
        raw(",\"supportTier\":");
        integer(r.supportTier());
        raw(",\"recommendations\":[");
        List<Recommendation> recs = r.recommendations();
        for (int i = 0; i < recs.size(); i++) {
            Recommendation rec = recs.get(i);
            raw(i == 0 ? "{\"intervention\":" : ",{\"intervention\":");
            known(rec.intervention());
            raw(",\"step\":");
            integer(rec.step());
            raw(",\"status\":");
            known(rec.status().name());
            raw(",\"strategy\":");
            known(rec.strategy().name());
            raw(",\"impact\":");
            known(rec.impact().name());
            raw(",\"owner\":");
            known(rec.owner().name());
            if (rec.contactRole() != null) {
                raw(",\"contactRole\":");
                known(rec.contactRole().name());
            }
            if (rec.language() != null) {
                raw(",\"language\":");
                known(rec.language());
            }
            if (rec.interpreterNeeded() != null) {
                raw(rec.interpreterNeeded() ? ",\"interpreterNeeded\":true" : ",\"interpreterNeeded\":false");
            }
            raw(",\"since\":");
            date(rec.since());
            raw(",\"due\":");
            date(rec.due());
            raw(",\"covers\":");
            knownStrings(rec.covers());
            raw(",\"because\":");
            strings(rec.because());
            raw(",\"rule\":");
            known(rec.rule());
            put('}');
        }
        raw("],\"next\":[");
        List<NextStep> next = r.next();
        for (int i = 0; i < next.size(); i++) {
            NextStep s = next.get(i);
            raw(i == 0 ? "{\"intervention\":" : ",{\"intervention\":");
            known(s.intervention());
            raw(",\"after\":");
            known(s.after());
            if (!s.covers().isEmpty()) {
                raw(",\"covers\":");
                knownStrings(s.covers());
            }
            raw(",\"because\":");
            strings(s.because());
            raw(",\"rule\":");
            known(s.rule());
            put('}');
        }
        raw("],\"progress\":[");
        List<Progress> progress = r.progress();
        for (int i = 0; i < progress.size(); i++) {
            Progress p = progress.get(i);
            raw(i == 0 ? "{\"intervention\":" : ",{\"intervention\":");
            known(p.intervention());
            raw(",\"startedOn\":");
            date(p.startedOn());
            raw(",\"schoolDaysBefore\":");
            integer(p.schoolDaysBefore());
            raw(",\"schoolDaysSince\":");
            integer(p.schoolDaysSince());
            raw(",\"rateBefore\":");
            rate(p.rateBefore());
            raw(",\"rateSince\":");
            rate(p.rateSince());
            raw(",\"trend\":");
            known(p.trend().name());
            raw(",\"because\":");
            string(p.because());
            put('}');
        }
        raw("],\"cautions\":");
        knownStrings(r.cautions());
        put('}');
    }

    private void error(InputProblem p) {
        raw(",\"error\":{");
        boolean first = true;
        if (p.file() != null) {
            raw("\"file\":");
            string(p.file());
            first = false;
        }
        if (p.field() != null) {
            raw(first ? "\"field\":" : ",\"field\":");
            string(p.field());
            first = false;
        }
        raw(first ? "\"message\":" : ",\"message\":");
        string(p.message());
        put('}');
    }

    private void strings(List<String> values) {
        strings(values, false);
    }

    private void knownStrings(List<String> values) {
        strings(values, true);
    }

    /** A list of strings; {@code known}: of strings used again and again ({@link #known}). */
    private void strings(List<String> values, boolean known) {
        put('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                put(',');
            }
            if (known) {
                known(values.get(i));
            } else {
                string(values.get(i));
            }
        }
        put(']');
    }

    /**
     * A string that is usually one of a few the rules and the catalog use again and again (a
     * practice's id, a rule's name, a caution, an enum's name): written as {@link #string} writes
     * it, the first time, and from then on copied from what was written, found by the string's
     * identity. Not for text made per student (its hash would cost as much as writing it).
     */
    private void known(String s) {
        int h = s.hashCode();
        int slot = (h ^ (h >>> 15)) & (KNOWN - 1);
        byte[] written = knownBytes[slot];
        if (knownKeys[slot] == s) {
            int len = written.length;
            ensure(len);
            System.arraycopy(written, 0, buf, n, len);
            n += len;
            return;
        }
        int start = n;
        string(s);
        if (n - start <= 512) {
            knownKeys[slot] = s;
            knownBytes[slot] = Arrays.copyOfRange(buf, start, n);
        }
    }

    private void rate(Double rate) {
        if (rate == null) {
            raw("null");
        } else {
            number(rate);
        }
    }

    private void number(double d) {
        if (!Double.isFinite(d)) {
            string(Double.toString(d)); // as Jackson writes NaN and infinities: quoted
        } else {
            String plain = org.attendanceoutreach.internal.Decimals.plainOrNull(d); // a rate, a count of half days
            raw(plain != null ? plain : Double.toString(d));
        }
    }

    private void integer(int v) {
        if (v >= 0 && v < 10) {
            put((byte) ('0' + v));
        } else {
            raw(Integer.toString(v));
        }
    }

    /** A date as {@code LocalDate.toString} writes it, quoted; years outside 0 … 9999 go through {@code toString}. */
    private void date(LocalDate d) {
        int y = d.getYear();
        if (y < 0 || y > 9999) {
            string(d.toString());
            return;
        }
        ensure(12);
        byte[] b = buf;
        int i = n;
        int m = d.getMonthValue();
        int day = d.getDayOfMonth();
        b[i] = '"';
        b[i + 1] = (byte) ('0' + y / 1000);
        b[i + 2] = (byte) ('0' + y / 100 % 10);
        b[i + 3] = (byte) ('0' + y / 10 % 10);
        b[i + 4] = (byte) ('0' + y % 10);
        b[i + 5] = '-';
        b[i + 6] = (byte) ('0' + m / 10);
        b[i + 7] = (byte) ('0' + m % 10);
        b[i + 8] = '-';
        b[i + 9] = (byte) ('0' + day / 10);
        b[i + 10] = (byte) ('0' + day % 10);
        b[i + 11] = '"';
        n = i + 12;
    }

    /** A JSON string, escaped as Jackson with {@code JsonEscapes} escapes it, in UTF-8. */
    private void string(String s) {
        int len = s.length();
        ensure(len * 6 + 2);
        byte[] b = buf;
        int i = n;
        b[i++] = '"';
        // the usual case first: plain ASCII, copied as it is (the JDK copies a one-byte string's bytes at once)
        int plain = 0;
        while (plain < len) {
            char c = s.charAt(plain);
            if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
                break;
            }
            plain++;
        }
        s.getBytes(0, plain, b, i); // exact: every character before plain is ASCII
        i += plain;
        for (int k = plain; k < len; k++) {
            char c = s.charAt(k);
            if (c < 0x80) {
                int esc = ASCII[c];
                if (esc == 0) {
                    b[i++] = (byte) c;
                } else if (esc > 0) {
                    b[i++] = '\\';
                    b[i++] = (byte) esc;
                } else {
                    b[i++] = '\\';
                    b[i++] = 'u';
                    b[i++] = '0';
                    b[i++] = '0';
                    b[i++] = HEX_UPPER[c >> 4];
                    b[i++] = HEX_UPPER[c & 0xF];
                }
            } else if (UNSAFE[c]) {
                b[i++] = '\\';
                b[i++] = 'u';
                b[i++] = HEX_LOWER[c >> 12];
                b[i++] = HEX_LOWER[(c >> 8) & 0xF];
                b[i++] = HEX_LOWER[(c >> 4) & 0xF];
                b[i++] = HEX_LOWER[c & 0xF];
            } else if (c < 0x800) {
                b[i++] = (byte) (0xC0 | (c >> 6));
                b[i++] = (byte) (0x80 | (c & 0x3F));
            } else {
                // never a surrogate: every surrogate is unsafe, so escaped above
                b[i++] = (byte) (0xE0 | (c >> 12));
                b[i++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[i++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        b[i++] = '"';
        n = i;
    }

    /** ASCII text as it is (field names and punctuation of the line, numbers). */
    private void raw(String ascii) {
        int len = ascii.length();
        ensure(len);
        ascii.getBytes(0, len, buf, n); // exact for ASCII
        n += len;
    }

    private void put(char c) {
        ensure(1);
        buf[n++] = (byte) c;
    }

    private void put(byte c) {
        ensure(1);
        buf[n++] = c;
    }

    private void ensure(int more) {
        if (n + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
        }
    }
}
