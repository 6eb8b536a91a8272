package org.attendanceoutreach.output;

import org.attendanceoutreach.facts.FactsCalculator;
import com.fasterxml.jackson.core.JsonGenerator;
import org.attendanceoutreach.result.Recommendation;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.catalog.Owner;
import org.attendanceoutreach.catalog.Practice;
import org.attendanceoutreach.internal.JsonEscapes;
import org.attendanceoutreach.internal.PlainText;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.StudentInput;
import org.attendanceoutreach.school.Contact;
import org.attendanceoutreach.school.ContactRole;
import org.attendanceoutreach.school.Student;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Today's calls: for every recommendation that is a phone call to the family (the catalog's
 * {@code "call": true}) and is due today or overdue (step 1 of the plan), who calls, whom, at which
 * number, in which language, with or without an interpreter, and why, in one line. A student's calls
 * by the same person to the same contact are one call; what a call also covers (the push to come in
 * today, the interpreter, the Education Decision Maker) is listed with it. Sorted by owner, then
 * student id.
 *
 * <p>The phone number is the point of a call list, so it is in the output; it is never logged or put
 * in a message.
 */
public final class CallList {
    /** One call to make. {@code phone} is null when no working number is on file for the contact. */
    public record Call(String schoolId, LocalDate asOf, Owner owner, String studentId, String grade, ContactRole contactRole,
                       String relationship, String phone, String language, boolean interpreterNeeded,
                       List<String> interventions, String reason, LocalDate due) {
        public Call {
            interventions = List.copyOf(interventions);
        }
    }

    /** The contract's order for a call list: owner, then student id (then school, then whom). */
    public static final Comparator<Call> ORDER = Comparator.comparing((Call c) -> c.owner().name())
            .thenComparing(Call::studentId)
            .thenComparing(Call::schoolId)
            .thenComparing(c -> c.contactRole().name());

    private CallList() {
    }

    /**
     * The calls due by the school's as-of day, from a school file and its results, sorted. When one
     * person has several reasons to call one contact, the call's reason is that of the most pressing
     * (the earliest stage of the plan, then the earliest due date).
     *
     * @param catalog which practices are calls ({@code call}) and the plan's stages
     */
    public static List<Call> of(SchoolFile file, SchoolResult result, Catalog catalog) {
        Map<String, Student> students = new HashMap<>();
        for (StudentInput in : file.students()) {
            if (in.ok()) {
                students.putIfAbsent(in.student().studentId(), in.student());
            }
        }
        List<Call> out = new ArrayList<>();
        for (StudentResult r : result.students()) {
            if (r.isError()) {
                continue;
            }
            Map<String, List<Recommendation>> byCall = new LinkedHashMap<>();
            for (Recommendation rec : r.recommendations()) {
                if (isCall(catalog, rec) && rec.contactRole() != null && !rec.due().isAfter(r.asOf())) {
                    byCall.computeIfAbsent(rec.owner() + "/" + rec.contactRole(), k -> new ArrayList<>()).add(rec);
                }
            }
            Student s = students.get(r.studentId());
            for (List<Recommendation> recs : byCall.values()) {
                recs.sort(Comparator.comparing((Recommendation x) -> stage(catalog, x)).thenComparing(Recommendation.ORDER));
                Recommendation first = recs.get(0);
                List<String> what = new ArrayList<>();
                for (Recommendation x : recs) {
                    what.add(x.intervention());
                    what.addAll(x.covers());
                }
                Contact contact = s == null ? null : FactsCalculator.contactToReach(s);
                out.add(new Call(result.schoolId(), r.asOf(), first.owner(), r.studentId(), s == null ? null : s.grade(),
                        first.contactRole(), contact == null ? null : contact.relationship(),
                        contact == null || !contact.hasUsablePhone() ? null : contact.phone().strip(),
                        first.language(), recs.stream().anyMatch(x -> Boolean.TRUE.equals(x.interpreterNeeded())),
                        what, oneLine(first.because()),
                        recs.stream().map(Recommendation::due).min(Comparator.naturalOrder()).orElseThrow()));
            }
        }
        out.sort(ORDER);
        return out;
    }

    private static boolean isCall(Catalog catalog, Recommendation rec) {
        return catalog.find(rec.intervention()).map(Practice::call).orElse(false);
    }

    private static int stage(Catalog catalog, Recommendation rec) {
        return catalog.find(rec.intervention()).map(catalog::stageIndex).orElse(Integer.MAX_VALUE);
    }

    private static String oneLine(List<String> because) {
        return String.join("; ", because).replaceAll("\\s+", " ").strip();
    }

    /** Whom, in words: {@code PARENT (mother)}. */
    public static String whom(Call c) {
        return c.contactRole() + (c.relationship() == null || c.relationship().isBlank() ? "" : " (" + c.relationship() + ")");
    }

    // ---- formats ----

    /**
     * A table for people, one line per call. Text from the input (ids, relationships, numbers) is
     * shown with its control characters escaped ({@link PlainText}): no value can break the line
     * or send an escape sequence to the terminal.
     */
    public static void table(List<Call> calls, Writer w) {
        PrintWriter out = new PrintWriter(w);
        if (calls.isEmpty()) {
            out.println("no calls due");
            out.flush();
            return;
        }
        int[] width = {5, 7, 4, 5, 8};
        for (Call c : calls) {
            width[0] = Math.max(width[0], c.owner().name().length());
            width[1] = Math.max(width[1], shown(c.studentId()).length());
            width[2] = Math.max(width[2], shown(whom(c)).length());
            width[3] = Math.max(width[3], shown(phoneText(c)).length());
            width[4] = Math.max(width[4], c.language() == null ? 1 : shown(c.language()).length());
        }
        String format = "%-" + width[0] + "s  %-" + width[1] + "s  %-" + width[2] + "s  %-" + width[3] + "s  %-" + width[4]
                + "s  %-11s  %s%n";
        out.printf(Locale.ROOT, format, "OWNER", "STUDENT", "WHOM", "PHONE", "LANGUAGE", "INTERPRETER", "WHAT: WHY");
        for (Call c : calls) {
            out.printf(Locale.ROOT, format, c.owner(), shown(c.studentId()), shown(whom(c)), shown(phoneText(c)),
                    c.language() == null ? "-" : shown(c.language()), c.interpreterNeeded() ? "yes" : "no",
                    shown(String.join(" + ", c.interventions()) + ": " + c.reason())
                            + (c.due().isBefore(c.asOf()) ? " (due " + c.due() + ")" : ""));
        }
        out.println();
        out.printf(Locale.ROOT, "%d call%s%n", calls.size(), calls.size() == 1 ? "" : "s");
        out.flush();
    }

    private static String shown(String text) {
        return PlainText.escape(text);
    }

    private static String phoneText(Call c) {
        return c.phone() == null ? "(no working number)" : c.phone();
    }

    private static final String[] COLUMNS = {"owner", "studentId", "schoolId", "grade", "contactRole", "relationship", "phone",
            "language", "interpreterNeeded", "interventions", "reason", "due"};

    /** One row per call, with a header. No cell can start a spreadsheet formula (see {@link SpreadsheetCsv}). */
    public static void csv(List<Call> calls, Writer out) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (Call c : calls) {
            rows.add(List.of(c.owner().name(), c.studentId(), nz(c.schoolId()), nz(c.grade()), c.contactRole().name(), nz(c.relationship()),
                    nz(c.phone()), nz(c.language()), Boolean.toString(c.interpreterNeeded()), String.join(" ", c.interventions()),
                    c.reason(), c.due().toString()));
        }
        SpreadsheetCsv.write(COLUMNS, rows, out);
        out.flush();
    }

    /** {@code {"calls": [...]}}, pretty-printed. */
    public static void json(List<Call> calls, Writer out) throws IOException {
        try (JsonGenerator g = new com.fasterxml.jackson.core.JsonFactoryBuilder().characterEscapes(JsonEscapes.INSTANCE).build().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("calls");
            for (Call c : calls) {
                g.writeStartObject();
                g.writeStringField("owner", c.owner().name());
                g.writeStringField("studentId", c.studentId());
                g.writeStringField("schoolId", c.schoolId());
                g.writeStringField("asOf", c.asOf().toString());
                g.writeStringField("grade", c.grade());
                g.writeStringField("contactRole", c.contactRole().name());
                g.writeStringField("relationship", c.relationship());
                g.writeStringField("phone", c.phone());
                g.writeStringField("language", c.language());
                g.writeBooleanField("interpreterNeeded", c.interpreterNeeded());
                g.writeArrayFieldStart("interventions");
                for (String i : c.interventions()) {
                    g.writeString(i);
                }
                g.writeEndArray();
                g.writeStringField("reason", c.reason());
                g.writeStringField("due", c.due().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write("\n");
        out.flush();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
