package org.attendanceoutreach.read;

import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.internal.engine.ChunkedSource;
import org.attendanceoutreach.internal.engine.ReadAhead;
import org.attendanceoutreach.school.School;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A JSON-lines school file, read one student at a time: line 1 is the school (schoolId, asOf,
 * calendar, schoolLanguage), every further non-blank line one student object. Made by
 * {@link SchoolFileReader#openLines}. Only the line being read is held in memory.
 *
 * <p>Each student line is read exactly as a student of a school file is, with the same checks and
 * the same messages; a line without a usable {@code studentId} is named by its line number
 * ({@code district.jsonl: line 7: absences[0].date: …}). A line that is not JSON is an error for
 * that line only. A {@code studentId} that already appeared on an earlier line is an error for the
 * later line (the earlier one has been handed out already). Not thread-safe: iterate from one thread.
 * An I/O failure in the middle of the file is thrown as {@link UncheckedIOException}.
 *
 * <p>Given an executor ({@link SchoolFileReader#parseOn}), it reads ahead: a few thousand lines at
 * most are parsed on the executor's threads while earlier ones are used, so reading a district keeps
 * every core busy. What comes out, and in which order, is the same as reading one line after
 * another; warnings are reported from the iterating thread, in file order, as each student is
 * handed out, at most {@value Warnings#SHOWN_PER_KIND} of each kind; how many more there were is
 * told at the end of the file ({@link Warnings}). Without an executor, every line is parsed on the
 * iterating thread.
 *
 * <p>Handed to {@code OutreachEngine.evaluateAll} before any student was taken from it, it is read
 * there a chunk at a time on the engine's worker threads, each chunk by the thread that evaluates
 * it (the executor is then not used), and the results are the same: the repeated-id check and the
 * warnings still happen on the consuming thread, in file order. It cannot be iterated afterwards.
 */
public final class SchoolLines implements Iterator<StudentInput>, ChunkedSource<StudentInput>, Closeable {
    /** Longer lines are an error for that line (and skipped). */
    static final int MAX_LINE_BYTES = 16 << 20;
    /** Lines per chunk handed to a parser thread, and how many chunks may be read ahead. */
    private static final int CHUNK = 256;
    private static final int AHEAD = 2 * Math.max(1, Runtime.getRuntime().availableProcessors());

    private final SchoolFileReader reader;
    private final String file;
    private final InputStream in;
    private final Warnings warnings;
    private final School school;
    private final IdSet ids = new IdSet();

    private final byte[] buffer = new byte[1 << 20];
    private int position;
    private int limit;
    private boolean endOfInput;
    private byte[] line = new byte[1 << 12];
    /** The line last read: {@code lineLength} bytes of {@code lineBytes} from {@code lineOffset} (the buffer itself, or {@link #line} when it spanned two reads). */
    private byte[] lineBytes = line;
    private int lineOffset;
    private int lineLength;
    private boolean lineTooLong;
    private long lineNumber;
    private long handedOut = 1;

    /** Lines read but not yet handed out, parsed ahead on the executor, in file order. */
    private final ReadAhead<Parsed[]> ahead;
    private Parsed[] current = new Parsed[0];
    private int index;
    private boolean exhausted;
    /** Whether students have been taken one by one ({@link #hasNext}), or in chunks ({@link #chunks}). */
    private boolean iterated;
    private boolean chunked;

    SchoolLines(SchoolFileReader reader, String file, InputStream in, Consumer<InputProblem> warnings, Executor executor)
            throws SchoolFileException {
        this.ahead = new ReadAhead<>(executor == null ? Runnable::run : executor, new Unread(), executor == null ? 1 : AHEAD, null);
        this.reader = reader;
        this.file = file;
        this.in = in;
        this.warnings = new Warnings(warnings); // bounded per kind; the counts come when the file ends
        School first;
        try {
            while (true) {
                if (!readLine()) {
                    throw new SchoolFileException(new InputProblem(file, null, null,
                            "is empty; a JSON-lines school file has the school on line 1 and one student per line after it"));
                }
                if (lineTooLong) {
                    throw new SchoolFileException(new InputProblem(file, null, null, "line " + lineNumber + " is longer than "
                            + (MAX_LINE_BYTES >> 20) + " MB; line 1 of a JSON-lines school file is the school object"));
                }
                if (!isBlank()) {
                    first = reader.readSchoolLine(file, Arrays.copyOfRange(lineBytes, lineOffset, lineOffset + lineLength),
                            lineLength, this.warnings);
                    break;
                }
            }
        } catch (IOException e) {
            closeQuietly();
            throw new SchoolFileException(new InputProblem(file, null, null, "cannot be read: " + e.getClass().getSimpleName()));
        } catch (SchoolFileException | RuntimeException e) {
            closeQuietly();
            throw e;
        }
        this.school = first;
    }

    /** The file as named in messages. */
    public String file() {
        return file;
    }

    /** The school of line 1. */
    public School school() {
        return school;
    }

    /** The line number of the student last returned by {@link #next()} (line 1 is the school, before any). */
    public long lineNumber() {
        return handedOut;
    }

    @Override
    public boolean hasNext() {
        if (chunked) {
            throw new IllegalStateException(file + ": the students are being read in chunks");
        }
        iterated = true;
        while (index >= current.length) {
            if (!ahead.hasNext()) {
                warnings.finish();
                return false;
            }
            current = ahead.next();
            index = 0;
        }
        return true;
    }

    @Override
    public StudentInput next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Parsed p = current[index];
        current[index++] = null;
        handedOut = p.line;
        p.warnings.forEach(warnings);
        return student(p.input, p.line);
    }

    /** The chunks of lines still to be read, each as the task that parses it (read on the iterating thread). */
    private final class Unread implements Iterator<Callable<Parsed[]>> {
        private Callable<Parsed[]> next;

        @Override
        public boolean hasNext() {
            if (next == null) {
                next = readChunk();
            }
            return next != null;
        }

        @Override
        public Callable<Parsed[]> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Callable<Parsed[]> c = next;
            next = null;
            return c;
        }
    }

    /** One line, read: what came of it and the warnings about it (handed out in file order). */
    private record Parsed(long line, StudentInput input, List<InputProblem> warnings) {
    }

    /** Reads the next chunk of lines (on the iterating thread); the task parses them. Null at the end. */
    private Callable<Parsed[]> readChunk() {
        while (!exhausted) {
            int n = 0;
            byte[][] lines = new byte[CHUNK][];
            long[] numbers = new long[CHUNK];
            boolean[] tooLong = new boolean[CHUNK];
            try {
                while (n < CHUNK) {
                    if (!readLine()) {
                        exhausted = true;
                        break;
                    }
                    if (!lineTooLong && isBlank()) {
                        continue;
                    }
                    lines[n] = lineTooLong ? null : Arrays.copyOfRange(lineBytes, lineOffset, lineOffset + lineLength);
                    tooLong[n] = lineTooLong;
                    numbers[n++] = lineNumber;
                }
            } catch (IOException e) {
                exhausted = true;
                if (n == 0) {
                    throw new UncheckedIOException(file + ": cannot be read after line " + lineNumber, e);
                }
                // hand out what was read; the next read fails again and says so
                exhausted = false;
            }
            if (n == 0) {
                break;
            }
            int count = n;
            return () -> parse(lines, numbers, tooLong, count);
        }
        return null;
    }

    private Parsed[] parse(byte[][] lines, long[] numbers, boolean[] tooLong, int count) {
        Parsed[] out = new Parsed[count];
        for (int i = 0; i < count; i++) {
            long number = numbers[i];
            if (tooLong[i]) {
                String key = "line " + number;
                out[i] = new Parsed(number, StudentInput.failed(key, new InputProblem(file, null, key,
                        "is longer than " + (MAX_LINE_BYTES >> 20) + " MB; skipped")), List.of());
                continue;
            }
            List<InputProblem> found = new ArrayList<>(0);
            StudentInput in;
            try {
                in = reader.readStudentLine(file, number, lines[i], lines[i].length, found::add);
            } catch (RuntimeException e) {
                String key = "line " + number;
                in = StudentInput.failed(key, new InputProblem(file, null, key, "could not be read (" + e.getClass().getSimpleName() + ")"));
            }
            out[i] = new Parsed(number, in, found.isEmpty() ? List.of() : found);
        }
        return out;
    }

    /**
     * The lines not yet read, a chunk at a time, unparsed: each chunk parses its lines where it is
     * read (on the engine's worker threads), and hands them out in file order with what
     * {@link #next} adds (the repeated-id check, the line's warnings). Null once students have been
     * taken through {@link #next}. Internal: for {@code OutreachEngine.evaluateAll}.
     */
    @Override
    public Iterator<Chunk<StudentInput>> chunks() {
        if (iterated || chunked) {
            return null;
        }
        chunked = true;
        Unread unread = new Unread();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return unread.hasNext();
            }

            @Override
            public Chunk<StudentInput> next() {
                Callable<Parsed[]> parse = unread.next();
                return new Chunk<>() {
                    private Parsed[] parsed;

                    @Override
                    public List<StudentInput> read() {
                        try {
                            parsed = parse.call();
                        } catch (Exception e) {
                            throw new IllegalStateException(e); // parse catches what a line can throw
                        }
                        StudentInput[] inputs = new StudentInput[parsed.length];
                        for (int i = 0; i < inputs.length; i++) {
                            inputs[i] = parsed[i].input;
                        }
                        return Arrays.asList(inputs);
                    }

                    @Override
                    public StudentInput handOut(int i) {
                        Parsed p = parsed[i];
                        parsed[i] = null;
                        handedOut = p.line;
                        p.warnings.forEach(warnings);
                        return student(p.input, p.line);
                    }
                };
            }
        };
    }

    @Override
    public void finish() {
        warnings.finish();
    }

    private void cancelAhead() {
        ahead.cancel();
    }

    private StudentInput student(StudentInput in, long line) {
        if (!in.ok()) {
            return in;
        }
        long before = ids.putIfAbsent(in.key(), line);
        if (before < 0) {
            return in;
        }
        return StudentInput.failed(in.key(), new InputProblem(file, in.key(), "studentId",
                "the same studentId appears more than once in this file (first on line " + before
                        + "); give each student one entry"));
    }

    @Override
    public void close() throws IOException {
        warnings.finish();
        cancelAhead();
        in.close();
    }

    private void closeQuietly() {
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing
        }
    }

    private boolean isBlank() {
        for (int i = lineOffset, end = lineOffset + lineLength; i < end; i++) {
            byte b = lineBytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the next line (without its end): {@link #lineBytes} from {@link #lineOffset}, {@link #lineLength}
     * bytes (the buffer itself when the line is whole in it, the usual case, else {@link #line}); false at
     * the end of the input.
     */
    private boolean readLine() throws IOException {
        lineLength = 0;
        lineOffset = 0;
        lineBytes = line;
        lineTooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                if (endOfInput || !refill()) {
                    if (any) {
                        lineNumber++;
                    }
                    return any;
                }
            }
            int start = position;
            int end = newline(buffer, start, limit);
            if (!any && end < limit) {
                // the whole line is in the buffer: no copy
                lineBytes = buffer;
                lineOffset = start;
                lineLength = end - start;
            } else {
                append(start, end - start);
                lineBytes = line; // append may have grown it
            }
            any = true;
            position = end;
            if (end < limit) {
                position++; // the '\n'
                lineNumber++;
                if (lineLength > 0 && lineBytes[lineOffset + lineLength - 1] == '\r') {
                    lineLength--;
                }
                return true;
            }
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    /**
     * The index of the first {@code '\n'} in {@code b[from, to)}, or {@code to}: eight bytes at a time
     * (a byte of {@code w} is zero where {@code b} has a newline; the lowest flagged byte is the first
     * zero, as a false flag can only follow a true one).
     */
    static int newline(byte[] b, int from, int to) {
        int i = from;
        for (; i <= to - 8; i += 8) {
            long w = (long) LONGS.get(b, i) ^ NEWLINES;
            long zero = (w - ONES) & ~w & HIGHS;
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return to;
    }

    private boolean refill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        while (n == 0) {
            n = in.read(buffer, 0, buffer.length);
        }
        if (n < 0) {
            endOfInput = true;
            position = 0;
            limit = 0;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private void append(int start, int count) {
        if (lineTooLong || count == 0) {
            return;
        }
        if ((long) lineLength + count > MAX_LINE_BYTES) {
            lineTooLong = true;
            lineLength = 0;
            return;
        }
        if (lineLength + count > line.length) {
            int size = line.length;
            while (size < lineLength + count) {
                size *= 2;
            }
            byte[] bigger = new byte[Math.min(size, MAX_LINE_BYTES)];
            System.arraycopy(line, 0, bigger, 0, lineLength);
            line = bigger;
        }
        System.arraycopy(buffer, start, line, lineLength, count);
        lineLength += count;
    }
}
