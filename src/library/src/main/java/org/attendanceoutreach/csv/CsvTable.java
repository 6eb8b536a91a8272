package org.attendanceoutreach.csv;

import java.io.IOException;
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
 * A CSV file with a header row (RFC 4180: commas, double quotes, quoted line breaks; a UTF-8 byte
 * order mark is dropped). Columns are found by name without regard to case, spaces or punctuation
 * ({@code Student ID} is {@code studentId}). Each row knows the line it starts on.
 */
final class CsvTable {
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

    static CsvTable read(String name, Reader in) throws CsvException {
        List<long[]> starts = new ArrayList<>();
        List<List<String>> raw = parse(name, in, starts);
        if (raw.isEmpty()) {
            throw new CsvException(name + ": is empty; the first line must name the columns");
        }
        List<String> header = raw.get(0);
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        for (String h : header) {
            String k = key(h);
            if (!k.isEmpty() && columns.putIfAbsent(k, h) != null) {
                throw new CsvException(name + ": line " + starts.get(0)[0] + ": the column " + headerName(h) + " appears twice");
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
            rows.add(new Row(starts.get(r)[0], values, cells.size()));
        }
        return new CsvTable(name, columns, rows);
    }

    /** Rows of cells; {@code starts} gets each row's first line. Blank lines are skipped. */
    private static List<List<String>> parse(String name, Reader in, List<long[]> starts) throws CsvException {
        StringBuilder text = new StringBuilder();
        char[] buf = new char[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                text.append(buf, 0, n);
            }
        } catch (IOException e) {
            throw new CsvException(name + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        int i = text.length() > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
        List<List<String>> rows = new ArrayList<>();
        long line = 1;
        int len = text.length();
        while (i < len) {
            long rowLine = line;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean endOfRow = false;
            while (!endOfRow) {
                if (i < len && text.charAt(i) == '"' && cell.toString().isBlank()) {
                    cell.setLength(0);
                    long quoteLine = line;
                    i++;
                    while (true) {
                        if (i >= len) {
                            throw new CsvException(name + ": line " + quoteLine + ": a quoted value is not closed");
                        }
                        char ch = text.charAt(i++);
                        if (ch == '"') {
                            if (i < len && text.charAt(i) == '"') {
                                cell.append('"');
                                i++;
                            } else {
                                break;
                            }
                        } else {
                            if (ch == '\n') {
                                line++;
                            }
                            cell.append(ch);
                        }
                    }
                }
                while (i < len && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    cell.append(text.charAt(i++));
                }
                cells.add(cell.toString());
                cell.setLength(0);
                if (i >= len) {
                    endOfRow = true;
                } else if (text.charAt(i) == ',') {
                    i++;
                } else {
                    if (text.charAt(i) == '\r') {
                        i++;
                    }
                    if (i < len && text.charAt(i) == '\n') {
                        i++;
                    }
                    line++;
                    endOfRow = true;
                }
            }
            boolean blank = cells.stream().allMatch(String::isBlank);
            if (!blank) {
                rows.add(cells);
                starts.add(new long[] {rowLine});
            }
        }
        return rows;
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
                throw new CsvException(name + ": line 1: no " + c + " column; the columns are " + String.join(", ", columns.values()));
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

    /** A rejected cell value, as it may appear in a message (see {@link org.attendanceoutreach.read.Shown}). */
    static String clip(String s) {
        return org.attendanceoutreach.read.Shown.value(s);
    }

    /** A column header (not personal data), cut short. */
    static String headerName(String h) {
        return h.length() <= 40 ? h : h.substring(0, 37) + "…";
    }
}
