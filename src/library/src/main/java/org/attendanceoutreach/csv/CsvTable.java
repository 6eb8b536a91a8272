package org.attendanceoutreach.csv;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.attendanceoutreach.internal.JsonErrors;
import org.attendanceoutreach.read.Shown;

import java.io.FilterReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A CSV file with a header row, read with Jackson's CSV parser (RFC 4180: commas, double quotes,
 * quoted line breaks; a byte order mark is dropped). Columns are found by name without regard to
 * case, spaces or punctuation ({@code Student ID} is {@code studentId}). Each row knows the line it
 * starts on.
 *
 * <p>Limits (README, "Input limits"): a file at most {@link #MAX_CHARS} characters, at most
 * {@link #MAX_COLUMNS} columns, a cell at most 100,000 characters, as for a school file; over a
 * limit, the file is rejected with a message that says which limit and quotes nothing.
 */
final class CsvTable {
    /** The most a CSV file may hold: 64 MB, as a school file (it is held in memory). */
    static final long MAX_CHARS = 64L << 20;
    /** The most columns a header may name. */
    static final int MAX_COLUMNS = 1_000;

    private static final CsvFactory FACTORY = CsvFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(JsonErrors.MAX_STRING_CHARS)
                    .maxDocumentLength(MAX_CHARS)
                    .build())
            .build();

    /** A file that is not usable CSV at all; the message names the file and line. */
    static final class CsvException extends Exception {
        CsvException(String message) {
            super(message);
        }
    }

    /** One data row: the line it starts on, its values by column key, and how many values it had. */
    record Row(long line, Map<String, String> values, int size) {
        /** The trimmed value, or null when blank or absent. */
        String get(String column) {
            return values.get(key(column));
        }
    }

    private final String name;
    private final Map<String, String> columns; // key -> the header as written
    private final List<Row> rows;

    private CsvTable(String name, Map<String, String> columns, List<Row> rows) {
        this.name = name;
        this.columns = columns;
        this.rows = rows;
    }

    static String key(String column) {
        return column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /**
     * Reads a whole table. {@code in} should decode strictly (see
     * {@link org.attendanceoutreach.internal.TextInput}): text that is not UTF-8 is the "is not UTF-8
     * text" error.
     */
    static CsvTable read(String name, Reader in) throws CsvException {
        List<Long> starts = new ArrayList<>();
        List<List<String>> raw = parse(name, in, starts);
        if (raw.isEmpty()) {
            throw new CsvException(name + ": is empty; the first line must name the columns");
        }
        List<String> header = raw.get(0);
        if (header.size() > MAX_COLUMNS) {
            throw new CsvException(name + ": line " + starts.get(0) + ": has " + header.size() + " columns, more than the "
                    + String.format(Locale.ROOT, "%,d", MAX_COLUMNS) + " a CSV file may have");
        }
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        for (String h : header) {
            String k = key(h);
            if (!k.isEmpty() && columns.putIfAbsent(k, h) != null) {
                throw new CsvException(name + ": line " + starts.get(0) + ": the column " + headerName(h) + " appears twice");
            }
            keys.add(k);
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < raw.size(); r++) {
            List<String> cells = raw.get(r);
            Map<String, String> values = new HashMap<>();
            for (int c = 0; c < cells.size() && c < keys.size(); c++) {
                String v = cells.get(c).strip();
                if (!v.isEmpty() && !keys.get(c).isEmpty()) {
                    values.put(keys.get(c), v);
                }
            }
            rows.add(new Row(starts.get(r), values, cells.size()));
        }
        return new CsvTable(name, columns, rows);
    }

    /** Rows of cells, each as Jackson's CSV parser gives it; {@code starts} gets each row's first line. Blank rows are skipped. */
    private static List<List<String>> parse(String name, Reader in, List<Long> starts) throws CsvException {
        List<List<String>> rows = new ArrayList<>();
        long rowLine = 1;
        try (CsvParser p = (CsvParser) FACTORY.createParser(withoutByteOrderMark(new Limited(in)))) {
            p.setSchema(CsvSchema.emptySchema().withoutHeader());
            p.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_ARRAY) {
                    continue;
                }
                rowLine = p.currentLocation().getLineNr();
                List<String> cells = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    cells.add(p.getText());
                }
                if (!cells.stream().allMatch(String::isBlank)) {
                    rows.add(cells);
                    starts.add(rowLine);
                }
            }
        } catch (Limited.TooLarge | StreamConstraintsException e) {
            String original = e instanceof StreamConstraintsException s && s.getOriginalMessage() != null ? s.getOriginalMessage() : "";
            if (original.startsWith("String value length")) {
                throw new CsvException(name + ": line " + rowLine + ": has a value longer than "
                        + String.format(Locale.ROOT, "%,d", JsonErrors.MAX_STRING_CHARS) + " characters, the most a CSV cell may");
            }
            throw new CsvException(name + ": " + TOO_LARGE);
        } catch (IOException e) {
            if (JsonErrors.isNotText(e)) {
                throw new CsvException(name + ": is not UTF-8 text (after line " + rowLine + "); save it as UTF-8 (CSV UTF-8) and try again");
            }
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("Missing closing quote")) {
                throw new CsvException(name + ": line " + rowLine + ": a quoted value is not closed");
            }
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                throw new CsvException(name + ": line " + rowLine + ": is not valid CSV; look for a stray double quote");
            }
            throw new CsvException(name + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return rows;
    }

    /** What a CSV file over {@link #MAX_CHARS} is told. */
    static final String TOO_LARGE = "is larger than " + (MAX_CHARS >> 20) + " MB, the most a CSV file may be;"
            + " split the school's students over several runs, or give them as a JSON-lines school file (.jsonl)";

    private static Reader withoutByteOrderMark(Reader in) throws IOException {
        PushbackReader p = new PushbackReader(in, 1);
        int first = p.read();
        if (first >= 0 && first != '\uFEFF') {
            p.unread(first);
        }
        return p;
    }

    /** Counts the characters read and stops at {@link #MAX_CHARS}, whatever the source (a pipe has no size). */
    private static final class Limited extends FilterReader {
        static final class TooLarge extends IOException {
            TooLarge() {
                super("over the limit", null);
            }
        }

        private long count;

        Limited(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0 && ++count > MAX_CHARS) {
                throw new TooLarge();
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (count += n) > MAX_CHARS) {
                throw new TooLarge();
            }
            return n;
        }
    }

    String name() {
        return name;
    }

    List<Row> rows() {
        return rows;
    }

    int width() {
        return columns.size();
    }

    boolean has(String column) {
        return columns.containsKey(key(column));
    }

    void requireColumns(String... required) throws CsvException {
        for (String c : required) {
            if (!has(c)) {
                List<String> names = columns.values().stream().map(CsvTable::headerName).toList();
                throw new CsvException(name + ": line 1: no " + c + " column; the columns are " + String.join(", ", names));
            }
        }
    }

    /** Tells {@code warn} each column (as written in the header) that is not one of {@code known} (matched by key). */
    void unknownColumns(Collection<String> known, Consumer<String> warn) {
        List<String> keys = known.stream().map(CsvTable::key).toList();
        for (Map.Entry<String, String> c : columns.entrySet()) {
            if (!keys.contains(c.getKey())) {
                warn.accept(headerName(c.getValue()));
            }
        }
    }

    /** Every column key, in header order. */
    List<String> keys() {
        return List.copyOf(columns.keySet());
    }

    /** The header as written for a column key. */
    String header(String key) {
        return columns.get(key);
    }

    /** A column header (a key, not personal data), cut short and escaped ({@link Shown#key}). */
    static String headerName(String h) {
        return Shown.key(h);
    }
}
