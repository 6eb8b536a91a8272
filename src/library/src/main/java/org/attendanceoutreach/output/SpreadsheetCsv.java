package org.attendanceoutreach.output;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.attendanceoutreach.internal.PlainText;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Every CSV the project writes goes through here, so that no cell can become a formula when the
 * file is opened in a spreadsheet (OWASP, "CSV injection"): a cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab, a carriage return, a line feed or a NUL is written with a
 * single quote before it ({@code =HYPERLINK(…)} becomes {@code '=HYPERLINK(…)}), which spreadsheets
 * take as "this is text". A cell that is a plain number ({@code -0.5}, {@code +14}) is left as it is.
 * Control characters in a cell (a tab, a line break, an escape sequence) are written as
 * {@code \}{@code uXXXX}, so a tab or a carriage return can no longer start a cell either.
 * Quoting (commas, quotes, line breaks inside a cell) is RFC 4180, by Jackson's CSV writer.
 */
final class SpreadsheetCsv {
    private static final CsvMapper MAPPER = new CsvMapper();

    private SpreadsheetCsv() {
    }

    /**
     * The cell as it is safe to write: control characters escaped ({@link PlainText}: a CSV is read
     * on terminals too), and with a leading {@code '} when it would start a formula.
     */
    static String cell(String raw) {
        if (raw == null || raw.isEmpty()) {
            return raw == null ? "" : raw;
        }
        String value = PlainText.escape(raw);
        char first = value.charAt(0);
        switch (first) {
            case '=', '@', '\t', '\r', '\n', '\0' -> {
                return "'" + value;
            }
            case '+', '-' -> {
                return isNumber(value) ? value : "'" + value;
            }
            default -> {
                return value;
            }
        }
    }

    /** Whether the whole cell reads as one decimal number (parsed, not pattern-matched). */
    private static boolean isNumber(String value) {
        if (value.length() > 40) {
            return false;
        }
        try {
            new BigDecimal(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Writes a header row of {@code columns}, then every row, each cell made safe by {@link #cell}. */
    static void write(String[] columns, List<List<String>> rows, Writer out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        for (String c : columns) {
            schema.addColumn(c);
        }
        List<List<String>> safe = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>(row.size());
            for (String c : row) {
                cells.add(cell(c));
            }
            safe.add(cells);
        }
        out.write(MAPPER.writer(schema.build()).writeValueAsString(safe));
    }
}
