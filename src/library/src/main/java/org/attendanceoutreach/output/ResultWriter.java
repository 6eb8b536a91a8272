package org.attendanceoutreach.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import org.attendanceoutreach.result.DueStatus;
import org.attendanceoutreach.result.NextStep;
import org.attendanceoutreach.result.Progress;
import org.attendanceoutreach.result.Recommendation;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.internal.JsonEscapes;
import org.attendanceoutreach.internal.PlainText;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes school results in one of the output formats. Stateless and thread-safe. */
public final class ResultWriter {
    /** The output formats of {@code recommend}; JSONL is one compact line per student, for streaming. */
    public enum Format { JSON, TABLE, CSV, JSONL }

    /** JSON as the contract gives it; control and format characters escaped too (see {@link JsonEscapes}). */
    private static final JsonFactory JSON = org.attendanceoutreach.internal.JsonOutput.FACTORY;

    private ResultWriter() {
    }

    public static void write(Format format, List<SchoolResult> schools, Writer out) throws IOException {
        switch (format) {
            case JSON -> json(schools, out);
            case TABLE -> table(schools, out);
            case CSV -> csv(schools, out);
            case JSONL -> {
                Lines lines = lines(out);
                for (SchoolResult s : schools) {
                    for (StudentResult r : s.students()) {
                        lines.write(r);
                    }
                }
                lines.flush();
            }
            default -> throw new IllegalArgumentException(format.toString());
        }
        out.flush();
    }

    /** {@code {"schools": [{"file", "schoolId", "asOf", "students": [...]}]}}, pretty-printed. */
    public static void json(List<SchoolResult> schools, Writer out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(indenter).withArrayIndenter(indenter);
            g.setPrettyPrinter(pp);
            g.writeStartObject();
            g.writeArrayFieldStart("schools");
            for (SchoolResult s : schools) {
                g.writeStartObject();
                g.writeStringField("file", s.file());
                if (s.error() != null) {
                    writeError(g, s.error());
                } else {
                    g.writeStringField("schoolId", s.schoolId());
                    g.writeStringField("asOf", s.asOf().toString());
                }
                g.writeArrayFieldStart("students");
                for (StudentResult r : s.students()) {
                    student(g, r);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write("\n");
    }

    /**
     * A JSON-lines writer: one line per student result, the same object the {@code json} format
     * writes for that student (see {@link #student}), only compact. For streaming a district:
     * nothing is kept once written.
     */
    public static Lines lines(Writer out) throws IOException {
        return new Lines(out);
    }

    /**
     * One student result as one compact line of JSON (without the line end): what
     * {@link Lines#write} writes. Thread-safe, so results can be turned into lines in parallel.
     */
    public static String jsonLine(StudentResult r) {
        return JsonLine.string(r);
    }

    /** The line as Jackson writes it: what {@link JsonLine} is held to by its tests. */
    static String jacksonLine(StudentResult r) {
        java.io.StringWriter w = new java.io.StringWriter(1024);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            student(g, r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString();
    }

    /**
     * {@link #jsonLine} as UTF-8 bytes, made without a generator or an intermediate string: for
     * writing a district's lines straight to an {@code OutputStream}. Thread-safe.
     */
    public static byte[] jsonLineBytes(StudentResult r) {
        return JsonLine.bytes(r);
    }

    /** Writes one student result per line; see {@link #lines(Writer)}. Not thread-safe. */
    public static final class Lines implements java.io.Closeable, java.io.Flushable {
        private final JsonGenerator g;

        private Lines(Writer out) throws IOException {
            g = JSON.createGenerator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setRootValueSeparator(null);
        }

        /** Writes one student result as a line. */
        public void write(StudentResult r) throws IOException {
            g.writeRaw(JsonLine.string(r));
            g.writeRaw('\n');
        }

        /** Writes a line made by {@link #jsonLine} (on another thread, say), in its turn with the others. */
        public void writeLine(String jsonLine) throws IOException {
            g.writeRaw(jsonLine);
            g.writeRaw('\n');
        }

        @Override
        public void flush() throws IOException {
            g.flush();
        }

        /** Flushes; the writer underneath stays open. */
        @Override
        public void close() throws IOException {
            g.close();
        }
    }

    /** One student as contract section 3 gives it (or its error). */
    static void student(JsonGenerator g, StudentResult r) throws IOException {
        g.writeStartObject();
        g.writeStringField("studentId", r.studentId());
        if (r.isError()) {
            writeError(g, r.error());
            g.writeEndObject();
            return;
        }
        g.writeStringField("asOf", r.asOf().toString());
        g.writeNumberField("daysEnrolled", r.daysEnrolled());
        g.writeNumberField("daysMissed", r.daysMissed());
        g.writeNumberField("absenceRate", r.absenceRate());
        g.writeStringField("attendanceTier", r.attendanceTier().name());
        g.writeNumberField("supportTier", r.supportTier());
        g.writeArrayFieldStart("recommendations");
        for (Recommendation rec : r.recommendations()) {
            g.writeStartObject();
            g.writeStringField("intervention", rec.intervention());
            g.writeNumberField("step", rec.step());
            g.writeStringField("status", rec.status().name());
            g.writeStringField("strategy", rec.strategy().name());
            g.writeStringField("impact", rec.impact().name());
            g.writeStringField("owner", rec.owner().name());
            if (rec.contactRole() != null) {
                g.writeStringField("contactRole", rec.contactRole().name());
            }
            if (rec.language() != null) {
                g.writeStringField("language", rec.language());
            }
            if (rec.interpreterNeeded() != null) {
                g.writeBooleanField("interpreterNeeded", rec.interpreterNeeded());
            }
            g.writeStringField("since", rec.since().toString());
            g.writeStringField("due", rec.due().toString());
            strings(g, "covers", rec.covers());
            strings(g, "because", rec.because());
            g.writeStringField("rule", rec.rule());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("next");
        for (NextStep n : r.next()) {
            g.writeStartObject();
            g.writeStringField("intervention", n.intervention());
            g.writeStringField("after", n.after());
            if (!n.covers().isEmpty()) {
                strings(g, "covers", n.covers());
            }
            strings(g, "because", n.because());
            g.writeStringField("rule", n.rule());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("progress");
        for (Progress p : r.progress()) {
            g.writeStartObject();
            g.writeStringField("intervention", p.intervention());
            g.writeStringField("startedOn", p.startedOn().toString());
            g.writeNumberField("schoolDaysBefore", p.schoolDaysBefore());
            g.writeNumberField("schoolDaysSince", p.schoolDaysSince());
            rate(g, "rateBefore", p.rateBefore());
            rate(g, "rateSince", p.rateSince());
            g.writeStringField("trend", p.trend().name());
            g.writeStringField("because", p.because());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("cautions");
        for (String c : r.cautions()) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void rate(JsonGenerator g, String field, Double rate) throws IOException {
        if (rate == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, rate);
        }
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void writeError(JsonGenerator g, InputProblem p) throws IOException {
        g.writeObjectFieldStart("error");
        if (p.file() != null) {
            g.writeStringField("file", p.file());
        }
        if (p.field() != null) {
            g.writeStringField("field", p.field());
        }
        g.writeStringField("message", p.message());
        g.writeEndObject();
    }

    /**
     * A table for people: one block per student, its plan step by step (step 1 first: what is due
     * today or overdue), one line per recommendation with its status, due date, owner and whom to
     * reach, what it also covers, then what waits in {@code next} and the cautions. Every text that
     * comes from the input (file names, ids, errors) is shown with its control characters escaped
     * ({@link PlainText}), so no value can start a line of its own or send an escape sequence.
     */
    public static void table(List<SchoolResult> schools, Writer w) {
        PrintWriter out = new PrintWriter(w);
        for (SchoolResult s : schools) {
            if (s.error() != null) {
                out.println("ERROR " + s.error());
                continue;
            }
            out.printf(Locale.ROOT, "%s  school %s  as of %s  (%d students)%n", shown(s.file()), shown(s.schoolId()), s.asOf(),
                    s.students().size());
            for (StudentResult r : s.students()) {
                out.println();
                if (r.isError()) {
                    out.printf(Locale.ROOT, "%-10s ERROR %s%n", shown(r.studentId()), r.error());
                    continue;
                }
                out.printf(Locale.ROOT, "%-10s %-17s support tier %d   %s of %d days missed (%.1f%%)%n", shown(r.studentId()),
                        r.attendanceTier(), r.supportTier(), number(r.daysMissed()), r.daysEnrolled(),
                        r.daysEnrolled() == 0 ? 0.0 : r.daysMissed() * 100 / r.daysEnrolled());
                List<Recommendation> plan = new ArrayList<>(r.recommendations());
                plan.sort(java.util.Comparator.comparingInt(Recommendation::step).thenComparing(Recommendation.ORDER));
                int step = 0;
                for (Recommendation rec : plan) {
                    if (rec.step() != step) {
                        step = rec.step();
                        boolean now = rec.status() != DueStatus.UPCOMING;
                        out.printf(Locale.ROOT, "  step %d%s%n", step, now ? ": today (due today or overdue)" : "");
                    }
                    String whom = rec.contactRole() == null ? "" : " -> " + rec.contactRole()
                            + " (" + shown(rec.language()) + (Boolean.TRUE.equals(rec.interpreterNeeded()) ? ", interpreter" : "") + ")";
                    out.printf(Locale.ROOT, "    %-8s %s  %-34s %-8s %s%s%n", rec.status(), rec.due(), shown(rec.intervention()),
                            rec.impact(), rec.owner(), whom);
                    out.printf(Locale.ROOT, "                        since %s, because %s%n", rec.since(), shown(String.join("; ", rec.because())));
                    if (!rec.covers().isEmpty()) {
                        out.printf(Locale.ROOT, "                        also covers %s%n", shown(String.join(", ", rec.covers())));
                    }
                }
                for (NextStep n : r.next()) {
                    out.printf(Locale.ROOT, "  next: %s, after %s%n", shown(n.intervention()), shown(n.after()));
                }
                for (Progress p : r.progress()) {
                    out.printf(Locale.ROOT, "  in place: %-34s %-13s %s%n", shown(p.intervention()), p.trend(), shown(p.because()));
                }
                for (String c : r.cautions()) {
                    out.printf(Locale.ROOT, "  caution: %s%n", shown(c));
                }
            }
            out.println();
        }
        out.flush();
    }

    /** Text from the input as it may be printed: one line, no control characters. */
    private static String shown(String text) {
        return PlainText.escape(text);
    }

    private static final String[] CSV_COLUMNS = {"file", "schoolId", "studentId", "asOf", "attendanceTier", "supportTier",
            "daysEnrolled", "daysMissed", "absenceRate", "intervention", "strategy", "impact", "owner", "contactRole",
            "language", "interpreterNeeded", "due", "because", "rule", "error", "step", "status", "since", "covers", "next", "progress"};

    /**
     * One row per recommendation (a student with none, or with an error, gets one row). No cell
     * can start a spreadsheet formula (see {@link SpreadsheetCsv}).
     */
    public static void csv(List<SchoolResult> schools, Writer out) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (SchoolResult s : schools) {
            if (s.error() != null) {
                rows.add(padded(row(s.file(), "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", s.error().toString())));
                continue;
            }
            for (StudentResult r : s.students()) {
                if (r.isError()) {
                    rows.add(padded(row(s.file(), s.schoolId(), r.studentId(), "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
                            r.error().toString())));
                    continue;
                }
                List<String> base = List.of(s.file(), s.schoolId(), r.studentId(), r.asOf().toString(), r.attendanceTier().name(),
                        Integer.toString(r.supportTier()), Integer.toString(r.daysEnrolled()), number(r.daysMissed()),
                        Double.toString(r.absenceRate()));
                String next = String.join("; ", r.next().stream().map(n -> n.intervention() + " after " + n.after()).toList());
                String progress = String.join("; ", r.progress().stream().map(ResultWriter::progressCell).toList());
                if (r.recommendations().isEmpty()) {
                    List<String> row = new ArrayList<>(base);
                    while (row.size() < CSV_COLUMNS.length - 2) {
                        row.add("");
                    }
                    row.add(next);
                    row.add(progress);
                    rows.add(row);
                }
                for (Recommendation rec : r.recommendations()) {
                    List<String> row = new ArrayList<>(base);
                    row.addAll(List.of(rec.intervention(), rec.strategy().name(), rec.impact().name(), rec.owner().name(),
                            rec.contactRole() == null ? "" : rec.contactRole().name(), rec.language() == null ? "" : rec.language(),
                            rec.interpreterNeeded() == null ? "" : rec.interpreterNeeded().toString(), rec.due().toString(),
                            String.join("; ", rec.because()), rec.rule(), "", Integer.toString(rec.step()), rec.status().name(),
                            rec.since().toString(), String.join(" ", rec.covers()), next, progress));
                    rows.add(row);
                }
            }
        }
        SpreadsheetCsv.write(CSV_COLUMNS, rows, out);
    }

    /** {@code success-mentor NOT_IMPROVING since 2026-10-05 (before 0.1364 over 22 days, since 0.1667 over 30)}. */
    static String progressCell(Progress p) {
        return p.intervention() + " " + p.trend() + " since " + p.startedOn() + " (before " + (p.rateBefore() == null ? "-" : p.rateBefore())
                + " over " + p.schoolDaysBefore() + " days, since " + (p.rateSince() == null ? "-" : p.rateSince()) + " over "
                + p.schoolDaysSince() + ")";
    }

    private static List<String> row(String... cells) {
        return List.of(cells);
    }

    /** The row with empty cells for the columns after it. */
    private static List<String> padded(List<String> row) {
        List<String> out = new ArrayList<>(row);
        while (out.size() < CSV_COLUMNS.length) {
            out.add("");
        }
        return out;
    }

    static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
