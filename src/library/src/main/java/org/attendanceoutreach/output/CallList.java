package org.attendanceoutreach.output;

import com.fasterxml.jackson.core.JsonGenerator;
import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.catalog.Owner;
import org.attendanceoutreach.catalog.Practice;
import org.attendanceoutreach.facts.FactsCalculator;
import org.attendanceoutreach.internal.Languages;
import org.attendanceoutreach.internal.PlainText;
import org.attendanceoutreach.letters.Letters;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.StudentInput;
import org.attendanceoutreach.result.Recommendation;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.school.Absence;
import org.attendanceoutreach.school.AbsenceType;
import org.attendanceoutreach.school.Contact;
import org.attendanceoutreach.school.ContactRole;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.Student;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Today's calls, one entry per family: every recommendation of the plan that is a phone call to the
 * family (the catalog's {@code "call": true}) and is due today or overdue, with whom to ask for (name and
 * relationship), the number, the language by name, the interpreter, what the call is for (every practice
 * it carries out, in words), its first line, and every reason. Grouped by the staff member who calls,
 * overdue first.
 * <ul>
 *   <li>A family without a working number is a "find a number" task ({@link Task#FIND_NUMBER}), never a call
 *       with no number; so is a family whose plan asks for a working number today.</li>
 *   <li>A student who could not be evaluated is still listed ({@code error} set: "could not be evaluated: see
 *       the error"). When the record was read and today's absence itself is valid (an instructional day,
 *       within the enrolment, a day missed), today's call still comes out; otherwise the entry asks the
 *       attendance team to fix the record ({@link Task#CHECK_RECORD}).</li>
 * </ul>
 * The phone number and the name are the point of a call list, so they are in the output; they are
 * never logged or put in a message.
 */
public final class CallList {
    /** What staff do for the family. */
    public enum Task {
        /** Call the family. */
        CALL,
        /** No working number on file: find one (friends, lunch forms, emergency cards), then call. */
        FIND_NUMBER,
        /** The student could not be evaluated and nothing can be said about today: fix the record and run again. */
        CHECK_RECORD
    }

    /** The practice of the same-day call, used for a student who could not be evaluated but is absent today. */
    static final String SAME_DAY_CALL = "personal-call-home";
    /** The practice that asks for a working number: it turns a family's entry into a {@link Task#FIND_NUMBER} task. */
    static final String FIND_NUMBER_PRACTICE = "find-working-phone-number";

    /**
     * One family to call (or whose number to find) today.
     *
     * @param studentName   the child's name when the record gives it (first and last), else null
     * @param phone         null when there is no working number (then {@code task} is not {@code CALL})
     * @param language      the BCP 47 tag of the language to call in; {@code languageName} its English name
     * @param interventions every catalog id the call carries out, the most pressing first
     * @param purposes      the same, in words (the catalog's names)
     * @param opening       the call's first line
     * @param reasons       every reason of every practice the call carries out, each once
     * @param due           the earliest due date among them (before {@code asOf}: overdue)
     * @param error         null, or why the student could not be evaluated (ids and field names only)
     */
    public record Call(String schoolId, LocalDate asOf, Owner owner, String studentId, String studentName, String grade, Task task,
                       ContactRole contactRole, String relationship, String contactName, String phone,
                       String language, String languageName, boolean interpreterNeeded,
                       List<String> interventions, List<String> purposes, String opening, List<String> reasons,
                       LocalDate due, String error) {
        public Call {
            interventions = List.copyOf(interventions);
            purposes = List.copyOf(purposes);
            reasons = List.copyOf(reasons);
        }

        public boolean overdue() {
            return due.isBefore(asOf);
        }

        public boolean evaluated() {
            return error == null;
        }

        /** The same call with another first line. */
        public Call withOpening(String line) {
            return new Call(schoolId, asOf, owner, studentId, studentName, grade, task, contactRole, relationship, contactName, phone, language,
                    languageName, interpreterNeeded, interventions, purposes, line, reasons, due, error);
        }

        /** Every reason in one line, {@code "; "} between them. */
        public String reason() {
            return String.join("; ", reasons);
        }
    }

    /** Grouped by who calls; within a person's list the overdue first (earliest due first), then student id. */
    public static final Comparator<Call> ORDER = Comparator.comparing((Call c) -> c.owner().ordinal())
            .thenComparing(Call::due)
            .thenComparing(Call::studentId)
            .thenComparing(c -> c.schoolId() == null ? "" : c.schoolId());

    private CallList() {
    }

    /**
     * The calls due by the school's as-of day, from a school file and its results, in {@link #ORDER};
     * each call's first line written from the plan (see {@link #of(SchoolFile, SchoolResult, Catalog, Letters)}).
     */
    public static List<Call> of(SchoolFile file, SchoolResult result, Catalog catalog) {
        return of(file, result, catalog, null);
    }

    /**
     * The calls due by the school's as-of day, in {@link #ORDER}, each call's first line from the call
     * script's opening ({@link Letters#openingLine}: the rules' {@code letters/call-opening} template, in
     * the school's language). Without {@code letters} (null), for a student who could not be evaluated,
     * and where the letters give none, the first line is written from the plan.
     */
    public static List<Call> of(SchoolFile file, SchoolResult result, Catalog catalog, Letters letters) {
        Map<String, Student> students = new HashMap<>();
        for (StudentInput in : file.students()) {
            if (in.ok()) {
                students.putIfAbsent(in.student().studentId(), in.student());
            }
        }
        List<Call> out = new ArrayList<>();
        for (StudentResult r : result.students()) {
            Student s = students.get(r.studentId());
            Call c = r.isError() ? notEvaluated(file.school(), r, s, catalog) : family(result, r, s, file.school(), catalog);
            if (c != null && letters != null && s != null && !r.isError() && c.task() != Task.CHECK_RECORD && !c.opening().isEmpty()) {
                Call derived = c;
                c = letters.openingLine(file.school(), s, r).map(CallList::unquoted).filter(line -> !line.isBlank())
                        .map(derived::withOpening).orElse(c);
            }
            if (c != null) {
                out.add(c);
            }
        }
        out.sort(ORDER);
        return out;
    }

    /** The family's entry: every call due by today and the search for a number, merged; null when there is none. */
    private static Call family(SchoolResult result, StudentResult r, Student s, School school, Catalog catalog) {
        List<Recommendation> recs = new ArrayList<>();
        boolean findNumber = false;
        for (Recommendation rec : r.recommendations()) {
            if (rec.due().isAfter(r.asOf())) {
                continue;
            }
            if (rec.carriesOut(FIND_NUMBER_PRACTICE)) {
                findNumber = true;
                recs.add(rec);
            } else if (isCall(catalog, rec) && rec.contactRole() != null) {
                recs.add(rec);
            }
        }
        if (recs.isEmpty()) {
            return null;
        }
        // the most pressing first: what is overdue longest, then the earlier stage of the plan, then the contract's order
        recs.sort(Comparator.comparing(Recommendation::due).thenComparing((Recommendation x) -> stage(catalog, x))
                .thenComparing(Recommendation.ORDER));
        Recommendation lead = recs.stream().filter(x -> x.contactRole() != null).findFirst().orElse(recs.get(0));
        Set<String> what = new LinkedHashSet<>();
        Set<String> why = new LinkedHashSet<>();
        if (findNumber) {
            what.add(FIND_NUMBER_PRACTICE);
        }
        for (Recommendation x : recs) {
            what.add(x.intervention());
            what.addAll(x.covers());
            x.because().forEach(b -> why.add(oneLine(b)));
        }
        Contact contact = s == null ? null : contactFor(s, lead.contactRole());
        String phone = contact == null || !contact.hasUsablePhone() ? null : contact.phone().strip();
        Task task = findNumber || phone == null ? Task.FIND_NUMBER : Task.CALL;
        if (task == Task.FIND_NUMBER) {
            phone = null;
            what.add(FIND_NUMBER_PRACTICE);
        }
        String language = lead.language() != null ? lead.language()
                : recs.stream().map(Recommendation::language).filter(l -> l != null).findFirst()
                .orElse(s == null ? null : languageOf(s, contact));
        boolean interpreter = recs.stream().anyMatch(x -> Boolean.TRUE.equals(x.interpreterNeeded()));
        List<String> ids = List.copyOf(what);
        ContactRole role = lead.contactRole() != null ? lead.contactRole() : contact == null ? null : contact.role();
        // who: the owner of the most pressing practice (finding the number, when that comes first)
        return new Call(result.schoolId(), r.asOf(), recs.get(0).owner(), r.studentId(), nameOf(s), s == null ? null : s.grade(), task, role,
                contact == null ? null : contact.relationship(), contact == null ? null : contact.name(), phone,
                language, Languages.nameOf(language), interpreter, ids, names(catalog, ids),
                Openings.firstLine(ids, s == null ? null : absenceToday(s, r.asOf()), role), List.copyOf(why),
                recs.stream().map(Recommendation::due).min(Comparator.naturalOrder()).orElseThrow(), null);
    }

    /**
     * A student who could not be evaluated: today's call when the record says, validly, that the
     * student is absent today; otherwise a task to fix the record. Never dropped.
     */
    private static Call notEvaluated(School school, StudentResult r, Student s, Catalog catalog) {
        LocalDate today = r.asOf() != null ? r.asOf() : school.asOf();
        String error = "could not be evaluated: see the error" + (r.error().field() == null || r.error().field().isEmpty()
                ? "" : " (" + PlainText.escape(r.error().field()) + ")");
        Contact contact = s == null ? null : FactsCalculator.contactToReach(s);
        Owner caseOwner = s != null && s.mentor() != null ? Owner.MENTOR : Owner.TEACHER;
        String language = s == null ? null : languageOf(s, contact);
        boolean interpreter = language != null && !primary(language).equals(primary(school.schoolLanguage()));
        Absence absent = s == null ? null : validAbsenceToday(s, school, today);
        String grade = s == null ? null : s.grade();
        if (absent != null && catalog.contains(SAME_DAY_CALL)) {
            String phone = contact == null || !contact.hasUsablePhone() ? null : contact.phone().strip();
            Task task = phone == null ? Task.FIND_NUMBER : Task.CALL;
            List<String> ids = task == Task.CALL ? List.of(SAME_DAY_CALL) : List.of(SAME_DAY_CALL, FIND_NUMBER_PRACTICE);
            String reason = "absent today (" + words(absent.type().name()) + (absent.reason() == null ? "" : ", " + words(absent.reason().name())) + ")";
            return new Call(school.schoolId(), today, caseOwner, r.studentId(), nameOf(s), grade, task,
                    contact == null ? null : contact.role(), contact == null ? null : contact.relationship(),
                    contact == null ? null : contact.name(), phone, language, Languages.nameOf(language), interpreter,
                    ids, names(catalog, ids), Openings.firstLine(SAME_DAY_CALL, absent.type(), contact == null ? null : contact.role()),
                    List.of(reason, error), today, error);
        }
        return new Call(school.schoolId(), today, Owner.ATTENDANCE_TEAM, r.studentId(), nameOf(s), grade, Task.CHECK_RECORD,
                contact == null ? null : contact.role(), contact == null ? null : contact.relationship(),
                contact == null ? null : contact.name(), null, language, Languages.nameOf(language), interpreter,
                List.of(), List.of("Fix the student's record, then run again"), "", List.of(error), today, error);
    }

    /** Today's absence when it is one the engine would count: an instructional day, within the enrolment, a day missed, listed once. */
    static Absence validAbsenceToday(Student s, School school, LocalDate today) {
        if (today == null || !school.calendar().isInstructionalDay(today)) {
            return null;
        }
        if (s.enrolledOn() != null && today.isBefore(s.enrolledOn()) || s.withdrawnOn() != null && !today.isBefore(s.withdrawnOn())) {
            return null;
        }
        List<Absence> todays = s.absences().stream().filter(a -> a.date().equals(today)).toList();
        return todays.size() == 1 && todays.get(0).isDayMissed() ? todays.get(0) : null;
    }

    private static AbsenceType absenceToday(Student s, LocalDate today) {
        return s.absences().stream().filter(a -> a.date().equals(today) && a.isDayMissed()).map(Absence::type).findFirst().orElse(null);
    }

    /** The contact of this role the plan reaches (the one the engine chose when it has that role). */
    private static Contact contactFor(Student s, ContactRole role) {
        Contact chosen = FactsCalculator.contactToReach(s);
        if (chosen == null || role == null || chosen.role() == role) {
            return chosen;
        }
        return s.contacts().stream().filter(c -> c.role() == role && c.hasUsablePhone()).findFirst()
                .orElse(s.contacts().stream().filter(c -> c.role() == role).findFirst().orElse(chosen));
    }

    /** The child's name as the record gives it ("Mateo Reyes"), or null. */
    private static String nameOf(Student s) {
        if (s == null) {
            return null;
        }
        String name = ((s.firstName() == null ? "" : s.firstName().strip()) + " " + (s.lastName() == null ? "" : s.lastName().strip())).strip();
        return name.isEmpty() ? null : name;
    }

    private static String languageOf(Student s, Contact c) {
        return c != null && c.language() != null ? c.language() : s.context().homeLanguage();
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    private static boolean isCall(Catalog catalog, Recommendation rec) {
        return isCall(catalog, rec.intervention());
    }

    private static boolean isCall(Catalog catalog, String id) {
        return catalog.find(id).map(Practice::call).orElse(false);
    }

    private static int stage(Catalog catalog, Recommendation rec) {
        return catalog.find(rec.intervention()).map(catalog::stageIndex).orElse(Integer.MAX_VALUE);
    }

    static List<String> names(Catalog catalog, List<String> ids) {
        return ids.stream().map(id -> catalog.find(id).map(Practice::name).orElse(id)).toList();
    }

    /** A line without the quotation marks around it (the call script writes what to say in quotes). */
    static String unquoted(String line) {
        String l = line.strip();
        return l.length() >= 2 && l.startsWith("\"") && l.endsWith("\"") ? l.substring(1, l.length() - 1).strip() : l;
    }

    /** An enum value in words, as the rules' reasons write it: {@code UNEXCUSED} is "unexcused". */
    private static String words(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    // ---- words ----

    /** A staff role in words: {@code ATTENDANCE_TEAM} is "Attendance team". */
    public static String ownerWords(Owner owner) {
        String w = owner.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** A contact role in words: "parent", "guardian", "Education Decision Maker", "other contact". */
    public static String roleWords(ContactRole role) {
        if (role == null) {
            return "";
        }
        return switch (role) {
            case PARENT -> "parent";
            case GUARDIAN -> "guardian";
            case EDUCATION_DECISION_MAKER -> "Education Decision Maker";
            case OTHER -> "other contact";
        };
    }

    /** Whom to ask for, in words: {@code Ana Lopez, mother (parent)}; what is not known is left out. */
    public static String whom(Call c) {
        List<String> parts = new ArrayList<>();
        if (c.contactName() != null && !c.contactName().isBlank()) {
            parts.add(c.contactName().strip());
        }
        String rel = c.relationship() == null || c.relationship().isBlank() ? null : c.relationship().strip();
        String role = roleWords(c.contactRole());
        if (rel != null) {
            parts.add(role.isEmpty() || rel.equalsIgnoreCase(role) ? rel : rel + " (" + role + ")");
        } else if (!role.isEmpty()) {
            parts.add(role);
        }
        return parts.isEmpty() ? "none on file" : String.join(", ", parts);
    }

    /** The language in words, with the interpreter: {@code in Spanish, with an adult interpreter}. */
    public static String languageWords(Call c) {
        String name = c.languageName() == null ? "the language is not known" : "in " + c.languageName();
        return name + (c.interpreterNeeded() ? ", with an adult interpreter" : "");
    }

    /** What to do, in words, before whom: "Call", "Find a number for", "Find a contact:", "Fix the record;". */
    public static String taskWords(Call c) {
        return switch (c.task()) {
            case CALL -> "Call";
            case FIND_NUMBER -> c.contactRole() == null ? "Find a contact and a working number:" : "Find a number for";
            case CHECK_RECORD -> "Fix the record; contact:";
        };
    }

    /** Where the entry stands: {@code overdue since 2026-11-09}, {@code due today}, or the error. */
    public static String statusWords(Call c) {
        if (c.task() == Task.CHECK_RECORD) {
            return c.error();
        }
        return c.overdue() ? "overdue since " + c.due() : "due today";
    }

    // ---- formats ----

    private static final int WIDTH = 100;

    /**
     * A list for people, grouped by who calls, one entry per family: a first line (student, whom,
     * number, language and interpreter, where it stands), then what the call is for, its first line
     * and why, wrapped at 100 characters. Text from the input (ids, names, relationships, numbers) is
     * shown with its control characters escaped ({@link PlainText}): no value can break a line or send
     * an escape sequence to the terminal.
     */
    public static void table(List<Call> calls, Writer w) {
        PrintWriter out = new PrintWriter(w);
        if (calls.isEmpty()) {
            out.println("no calls due");
            out.flush();
            return;
        }
        Owner current = null;
        for (Call c : calls) {
            if (c.owner() != current) {
                current = c.owner();
                Owner o = current;
                List<Call> mine = calls.stream().filter(x -> x.owner() == o).toList();
                long overdue = mine.stream().filter(x -> x.overdue() && x.task() != Task.CHECK_RECORD).count();
                if (c != calls.get(0)) {
                    out.println();
                }
                out.println(ownerWords(o).toUpperCase(Locale.ROOT) + ": " + mine.size() + (mine.size() == 1 ? " family" : " families")
                        + (overdue == 0 ? "" : " (" + overdue + " overdue)"));
            }
            String head = shown(c.studentId()) + (c.studentName() == null ? "" : " " + shown(c.studentName()))
                    + (c.grade() == null ? "" : " (grade " + shown(c.grade()) + ")") + " · "
                    + statusWords(c);
            out.println("  " + head);
            String number = c.phone() == null ? (c.task() == Task.CHECK_RECORD || c.contactRole() == null ? "" : " · no working number: find one")
                    : " · " + shown(c.phone());
            wrap(out, "    ", taskWords(c) + " " + shown(whom(c)) + number + " · " + shown(languageWords(c)));
            if (!c.purposes().isEmpty()) {
                wrap(out, "    ", "For: " + shown(String.join("; ", c.purposes())));
            }
            if (!c.opening().isEmpty()) {
                wrap(out, "    ", "Open with: " + shown(c.opening()));
            }
            wrap(out, "    ", "Why: " + shown(c.reason()));
        }
        out.println();
        long toCall = calls.stream().filter(c -> c.task() == Task.CALL).count();
        long find = calls.stream().filter(c -> c.task() == Task.FIND_NUMBER).count();
        long check = calls.stream().filter(c -> c.task() == Task.CHECK_RECORD).count();
        out.printf(Locale.ROOT, "%d call%s, %d number%s to find%s%n", toCall, toCall == 1 ? "" : "s", find, find == 1 ? "" : "s",
                check == 0 ? "" : ", " + check + " record" + (check == 1 ? "" : "s") + " to fix");
        out.flush();
    }

    /** Writes {@code text} in lines of at most {@value #WIDTH} characters, the first with {@code indent}, the rest two more. */
    static void wrap(PrintWriter out, String indent, String text) {
        String prefix = indent;
        StringBuilder line = new StringBuilder(prefix);
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > prefix.length() && line.length() + 1 + word.length() > WIDTH) {
                out.println(line);
                prefix = indent + "  ";
                line = new StringBuilder(prefix);
            }
            if (line.length() > prefix.length()) {
                line.append(' ');
            }
            while (prefix.length() + word.length() > WIDTH) {
                // one word longer than a line (a very long id, say): cut it
                int room = WIDTH - line.length();
                line.append(word, 0, room);
                out.println(line);
                word = word.substring(room);
                prefix = indent + "  ";
                line = new StringBuilder(prefix);
            }
            line.append(word);
        }
        if (line.length() > prefix.length()) {
            out.println(line);
        }
    }

    private static String shown(String text) {
        return PlainText.escape(text);
    }

    private static final String[] COLUMNS = {"owner", "studentId", "schoolId", "grade", "contactRole", "relationship", "phone",
            "language", "interpreterNeeded", "interventions", "reason", "due", "task", "status", "contactName", "languageName",
            "purpose", "opening", "error", "studentName"};

    /**
     * One row per family, with a header: the earlier columns as before ({@code reason} now holds every
     * reason), then {@code task}, {@code status}, {@code contactName}, {@code languageName}, {@code purpose},
     * {@code opening}, {@code error} and {@code studentName}. No cell can start a spreadsheet formula (see {@link SpreadsheetCsv}).
     */
    public static void csv(List<Call> calls, Writer out) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (Call c : calls) {
            rows.add(List.of(c.owner().name(), c.studentId(), nz(c.schoolId()), nz(c.grade()),
                    c.contactRole() == null ? "" : c.contactRole().name(), nz(c.relationship()),
                    nz(c.phone()), nz(c.language()), Boolean.toString(c.interpreterNeeded()), String.join(" ", c.interventions()),
                    c.reason(), c.due().toString(), c.task().name(), status(c), nz(c.contactName()), nz(c.languageName()),
                    String.join("; ", c.purposes()), c.opening(), nz(c.error()), nz(c.studentName())));
        }
        SpreadsheetCsv.write(COLUMNS, rows, out);
        out.flush();
    }

    private static String status(Call c) {
        return !c.evaluated() ? "NOT_EVALUATED" : c.overdue() ? "OVERDUE" : "DUE";
    }

    /** {@code {"calls": [...]}}, pretty-printed. */
    public static void json(List<Call> calls, Writer out) throws IOException {
        try (JsonGenerator g = org.attendanceoutreach.internal.JsonOutput.FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("calls");
            for (Call c : calls) {
                g.writeStartObject();
                g.writeStringField("owner", c.owner().name());
                g.writeStringField("studentId", c.studentId());
                g.writeStringField("studentName", c.studentName());
                g.writeStringField("schoolId", c.schoolId());
                g.writeStringField("asOf", c.asOf().toString());
                g.writeStringField("grade", c.grade());
                g.writeStringField("task", c.task().name());
                g.writeStringField("status", status(c));
                g.writeStringField("contactRole", c.contactRole() == null ? null : c.contactRole().name());
                g.writeStringField("relationship", c.relationship());
                g.writeStringField("contactName", c.contactName());
                g.writeStringField("phone", c.phone());
                g.writeStringField("language", c.language());
                g.writeStringField("languageName", c.languageName());
                g.writeBooleanField("interpreterNeeded", c.interpreterNeeded());
                strings(g, "interventions", c.interventions());
                strings(g, "purposes", c.purposes());
                g.writeStringField("opening", c.opening());
                strings(g, "reasons", c.reasons());
                g.writeStringField("reason", c.reason());
                g.writeStringField("due", c.due().toString());
                if (c.error() != null) {
                    g.writeStringField("error", c.error());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write("\n");
        out.flush();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
