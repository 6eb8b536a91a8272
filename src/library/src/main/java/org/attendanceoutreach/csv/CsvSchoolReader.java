package org.attendanceoutreach.csv;

import org.attendanceoutreach.internal.TextInput;
import org.attendanceoutreach.read.Shown;
import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.Shown;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.read.StudentInput;
import org.attendanceoutreach.school.Absence;
import org.attendanceoutreach.school.AbsenceReason;
import org.attendanceoutreach.school.Contact;
import org.attendanceoutreach.school.ContactRole;
import org.attendanceoutreach.school.Intervention;
import org.attendanceoutreach.school.Meeting;
import org.attendanceoutreach.school.MeetingType;
import org.attendanceoutreach.school.Mentor;
import org.attendanceoutreach.school.PhoneStatus;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.SchoolCalendar;
import org.attendanceoutreach.school.Student;
import org.attendanceoutreach.school.StudentContext;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a school from CSV exports: a roster (one row per student), a daily attendance file (one row
 * per student and day with an attendance code) and a school header file (a school file of contract
 * section 1 without students: schoolId, asOf, calendar, schoolLanguage, and for letters name, phone,
 * contactPerson). Thread-safe.
 *
 * <p>A bad row makes that student an error naming the CSV file, the line, the student and the column;
 * every other student is still read. Messages never quote a name or phone column.
 *
 * <p>Roster columns: {@code studentId} (required), {@code grade}, {@code enrolledOn}, {@code withdrawnOn},
 * {@code homeLanguage}, {@code priorYearAbsenceRate}, {@code flags} (any of fosterCare, iep,
 * englishLearner, homeless, juvenileJustice, newToSchool, separated by {@code ;}), or one yes/no column
 * per flag, {@code mentorAssignedOn}, {@code mentorFamilyIntroducedOn}, {@code meetings}
 * ({@code IEP 2026-12-02; SST 2027-01-10}), {@code firstName}, {@code lastName} (for letters), and per contact N (1 … 9) {@code contactNRole},
 * {@code contactNRelationship}, {@code contactNName}, {@code contactNPhone}, {@code contactNPhoneStatus},
 * {@code contactNLanguage}. Attendance columns: {@code studentId}, {@code date}, {@code code},
 * optionally {@code reason} and {@code portion}.
 *
 * <p>Supports in place come in a file of their own, as an SIS exports its intervention records (one row
 * per student and support, each with its own dates; a roster row would need numbered column groups):
 * {@code studentId}, {@code intervention} (the catalog id), {@code startedOn}, {@code endedOn} (blank:
 * still in place).
 */
public final class CsvSchoolReader {
    static final List<String> FLAGS = List.of("fosterCare", "iep", "englishLearner", "homeless", "juvenileJustice", "newToSchool");
    private static final List<String> ROSTER_COLUMNS;
    private static final List<String> CONTACT_FIELDS = List.of("Role", "Relationship", "Name", "Phone", "PhoneStatus", "Language");
    private static final List<String> ATTENDANCE_COLUMNS = List.of("studentId", "date", "code", "reason", "portion");
    private static final List<String> INTERVENTION_COLUMNS = List.of("studentId", "intervention", "startedOn", "endedOn");

    static {
        List<String> c = new ArrayList<>(List.of("studentId", "grade", "enrolledOn", "withdrawnOn", "homeLanguage",
                "priorYearAbsenceRate", "flags", "mentorAssignedOn", "mentorFamilyIntroducedOn", "meetings",
                "firstName", "lastName"));
        c.addAll(FLAGS);
        for (int n = 1; n <= 9; n++) {
            for (String f : CONTACT_FIELDS) {
                c.add("contact" + n + f);
            }
        }
        ROSTER_COLUMNS = List.copyOf(c);
    }

    private final AttendanceCodes codes;
    private final java.util.function.Predicate<String> inCatalog;

    public CsvSchoolReader(AttendanceCodes codes) {
        this(codes, null);
    }

    private CsvSchoolReader(AttendanceCodes codes, java.util.function.Predicate<String> inCatalog) {
        this.codes = codes;
        this.inCatalog = inCatalog;
    }

    /**
     * This reader, checking that each support in place names a practice of {@code catalog}: a row that
     * names none is then an error of its student at its line and column (without it, the engine
     * rejects the student, naming the field).
     */
    public CsvSchoolReader withPractices(org.attendanceoutreach.catalog.Catalog catalog) {
        return new CsvSchoolReader(codes, catalog::contains);
    }

    public CsvSchoolReader() {
        this(AttendanceCodes.defaults());
    }

    /**
     * Reads the three files. The school file's {@code students}, if any, are ignored (with a warning).
     *
     * @throws SchoolFileException when a file is missing or unusable as a whole (no header, no studentId column, …)
     */
    public SchoolFile read(Path roster, Path attendance, Path schoolHeader) throws SchoolFileException {
        return read(roster, attendance, schoolHeader, null);
    }

    /**
     * Reads the three files and, when {@code interventions} is not null, the supports in place
     * (columns studentId, intervention, startedOn, endedOn).
     */
    public SchoolFile read(Path roster, Path attendance, Path schoolHeader, Path interventions) throws SchoolFileException {
        SchoolFile header = new SchoolFileReader().read(schoolHeader);
        List<InputProblem> warnings = new ArrayList<>(header.warnings());
        if (!header.students().isEmpty()) {
            warnings.add(new InputProblem(schoolHeader.toString(), null, "students",
                    "ignored: with --csv the students come from the roster"));
        }
        try (Reader r = open(roster); Reader a = open(attendance); Reader i = interventions == null ? null : open(interventions)) {
            return read(header.school(), roster.toString(), r, attendance.toString(), a,
                    interventions == null ? null : interventions.toString(), i, warnings);
        } catch (IOException e) {
            throw new SchoolFileException(new InputProblem(roster.toString(), null, null, "cannot be read: " + e.getClass().getSimpleName()));
        }
    }

    private static Reader open(Path p) throws SchoolFileException {
        try {
            if (Files.isRegularFile(p) && Files.size(p) > CsvTable.MAX_CHARS) {
                throw new SchoolFileException(new InputProblem(p.toString(), null, null, CsvTable.TOO_LARGE));
            }
            return TextInput.reader(Files.newInputStream(p));
        } catch (NoSuchFileException e) {
            throw new SchoolFileException(new InputProblem(p.toString(), null, null, "no such file"));
        } catch (IOException e) {
            throw new SchoolFileException(new InputProblem(p.toString(), null, null, "cannot be read: " + e.getClass().getSimpleName()));
        }
    }

    /** A problem with one student's row, located by line and column. */
    private static final class RowProblem extends RuntimeException {
        final String file;
        final String field;

        RowProblem(String file, long line, String column, String message) {
            super(message, null, false, false);
            this.file = file;
            this.field = "line " + line + (column == null ? "" : ": " + column);
        }
    }

    /** Reads a roster and an attendance file for a school already read. */
    public SchoolFile read(School school, String rosterName, Reader roster, String attendanceName, Reader attendance,
                           List<InputProblem> warningsSoFar) throws SchoolFileException {
        return read(school, rosterName, roster, attendanceName, attendance, null, null, warningsSoFar);
    }

    /** Reads a roster, an attendance file and (when not null) a file of supports in place, for a school already read. */
    public SchoolFile read(School school, String rosterName, Reader roster, String attendanceName, Reader attendance,
                           String interventionsName, Reader interventions, List<InputProblem> warningsSoFar) throws SchoolFileException {
        List<InputProblem> warnings = new ArrayList<>(warningsSoFar == null ? List.of() : warningsSoFar);
        CsvTable r = table(rosterName, roster);
        CsvTable a = table(attendanceName, attendance);
        CsvTable iv = interventions == null ? null : table(interventionsName, interventions);
        try {
            r.requireColumns("studentId");
            a.requireColumns("studentId", "date");
            if (!a.has("code") && !a.has("type")) {
                throw new CsvTable.CsvException(attendanceName + ": line 1: no code column; the columns are studentId, date, code, reason, portion");
            }
            if (iv != null) {
                iv.requireColumns("studentId", "intervention", "startedOn");
            }
        } catch (CsvTable.CsvException e) {
            throw new SchoolFileException(new InputProblem(null, null, null, e.getMessage()));
        }
        if (iv != null) {
            iv.unknownColumns(INTERVENTION_COLUMNS, c -> warnings.add(new InputProblem(interventionsName, null, c, "unknown column, ignored")));
        }
        r.unknownColumns(ROSTER_COLUMNS, c -> warnings.add(new InputProblem(rosterName, null, c, "unknown column, ignored")));
        List<String> attendanceKnown = new ArrayList<>(ATTENDANCE_COLUMNS);
        attendanceKnown.add("type");
        a.unknownColumns(attendanceKnown, c -> warnings.add(new InputProblem(attendanceName, null, c, "unknown column, ignored")));

        // the roster, in file order; a repeated id makes every row of it an error
        Map<String, List<CsvTable.Row>> rowsById = new LinkedHashMap<>();
        List<StudentInput> out = new ArrayList<>();
        for (CsvTable.Row row : r.rows()) {
            String id = row.get("studentId");
            if (id == null) {
                out.add(StudentInput.failed("line " + row.line(), new InputProblem(rosterName, null, "line " + row.line() + ": studentId",
                        "is required")));
                continue;
            }
            rowsById.computeIfAbsent(id, k -> new ArrayList<>()).add(row);
        }
        // attendance rows by student, in file order
        Map<String, List<CsvTable.Row>> days = new LinkedHashMap<>();
        for (CsvTable.Row row : a.rows()) {
            String id = row.get("studentId");
            if (id == null) {
                warnings.add(new InputProblem(attendanceName, null, "line " + row.line() + ": studentId", "is blank; the row is skipped"));
                continue;
            }
            days.computeIfAbsent(id, k -> new ArrayList<>()).add(row);
        }
        // supports in place by student, in file order
        Map<String, List<CsvTable.Row>> supports = new LinkedHashMap<>();
        if (iv != null) {
            for (CsvTable.Row row : iv.rows()) {
                String id = row.get("studentId");
                if (id == null) {
                    warnings.add(new InputProblem(interventionsName, null, "line " + row.line() + ": studentId", "is blank; the row is skipped"));
                    continue;
                }
                supports.computeIfAbsent(id, k -> new ArrayList<>()).add(row);
            }
        }
        for (Map.Entry<String, List<CsvTable.Row>> e : rowsById.entrySet()) {
            String id = e.getKey();
            List<CsvTable.Row> rows = e.getValue();
            if (rows.size() > 1) {
                out.add(StudentInput.failed(id, new InputProblem(rosterName, id, "line " + rows.get(1).line() + ": studentId",
                        "appears more than once in the roster (also line " + rows.get(0).line() + "); give each student one row")));
                continue;
            }
            try {
                Student s = student(r, rows.get(0), school, warnings);
                s = s.withAbsences(absences(a, s, days.getOrDefault(id, List.of()), school.calendar()));
                if (iv != null) {
                    s = s.toBuilder().interventions(interventions(iv, supports.getOrDefault(id, List.of()))).build();
                }
                out.add(StudentInput.of(s));
            } catch (RowProblem p) {
                out.add(StudentInput.failed(id, new InputProblem(p.file, id, p.field, p.getMessage())));
            }
        }
        for (Map.Entry<String, List<CsvTable.Row>> e : days.entrySet()) {
            if (!rowsById.containsKey(e.getKey())) {
                CsvTable.Row first = e.getValue().get(0);
                out.add(StudentInput.failed(e.getKey(), new InputProblem(attendanceName, e.getKey(), "line " + first.line() + ": studentId",
                        "is not in the roster " + rosterName + "; add the student there (" + e.getValue().size() + " attendance rows)")));
            }
        }
        for (Map.Entry<String, List<CsvTable.Row>> e : supports.entrySet()) {
            if (!rowsById.containsKey(e.getKey())) {
                CsvTable.Row first = e.getValue().get(0);
                out.add(StudentInput.failed(e.getKey(), new InputProblem(interventionsName, e.getKey(), "line " + first.line() + ": studentId",
                        "is not in the roster " + rosterName + "; add the student there (" + e.getValue().size() + " support rows)")));
            }
        }
        return new SchoolFile(rosterName, school, out, warnings);
    }

    /** The student's supports in place, checked as the engine would, with problems located by line and column. */
    private List<Intervention> interventions(CsvTable t, List<CsvTable.Row> rows) {
        String file = t.name();
        List<Intervention> out = new ArrayList<>(rows.size());
        for (CsvTable.Row row : rows) {
            if (row.size() > t.width()) {
                throw new RowProblem(file, row.line(), null, "has " + row.size() + " values but the header names " + t.width() + " columns");
            }
            String practice = row.get("intervention");
            if (practice == null) {
                throw new RowProblem(file, row.line(), "intervention", "is required: the catalog id of the support, such as success-mentor");
            }
            practice = practice.strip();
            if (!org.attendanceoutreach.read.InputCheck.isPracticeId(practice) || (inCatalog != null && !inCatalog.test(practice))) {
                throw new RowProblem(file, row.line(), "intervention", Shown.code(practice, List.of())
                        + " is not a practice of the catalog (rules/catalog.json); give its catalog id, such as success-mentor");
            }
            LocalDate started = cell(file, row, "startedOn", CsvValues::date);
            if (started == null) {
                throw new RowProblem(file, row.line(), "startedOn", "is required (the support's first day)");
            }
            LocalDate ended = cell(file, row, "endedOn", CsvValues::date);
            if (ended != null && ended.isBefore(started)) {
                throw new RowProblem(file, row.line(), "endedOn", ended + " is before startedOn " + started + "; endedOn is the support's last day");
            }
            for (Intervention before : out) {
                if (before.intervention().equals(practice) && (before.endedOn() == null || !before.endedOn().isBefore(started))
                        && (ended == null || !ended.isBefore(before.startedOn()))) {
                    throw new RowProblem(file, row.line(), "startedOn", practice + " is listed twice for days that overlap;"
                            + " end the first before the second starts, or keep one row");
                }
            }
            out.add(new Intervention(practice, started, ended));
        }
        return out;
    }

    private static CsvTable table(String name, Reader in) throws SchoolFileException {
        try {
            return CsvTable.read(name, in);
        } catch (CsvTable.CsvException e) {
            throw new SchoolFileException(new InputProblem(null, null, null, e.getMessage()));
        }
    }

    private Student student(CsvTable t, CsvTable.Row row, School school, List<InputProblem> warnings) {
        String file = t.name();
        String id = row.get("studentId");
        if (row.size() > t.width()) {
            throw new RowProblem(file, row.line(), null, "has " + row.size() + " values but the header names " + t.width()
                    + " columns; look for an unquoted comma");
        }
        String grade = cell(file, row, "grade", CsvValues::grade);
        LocalDate enrolledOn = cell(file, row, "enrolledOn", CsvValues::date);
        LocalDate withdrawnOn = cell(file, row, "withdrawnOn", CsvValues::date);
        if (enrolledOn != null && withdrawnOn != null && !withdrawnOn.isAfter(enrolledOn)) {
            throw new RowProblem(file, row.line(), "withdrawnOn", "must be after enrolledOn");
        }
        Map<String, Boolean> flags = new HashMap<>();
        String list = row.get("flags");
        if (list != null) {
            for (String f : list.split("[;,|\\s]+")) {
                if (f.isBlank()) {
                    continue;
                }
                String known = FLAGS.stream().filter(k -> k.equalsIgnoreCase(f)).findFirst().orElse(null);
                if (known == null) {
                    throw new RowProblem(file, row.line(), "flags", Shown.code(f, FLAGS) + " is not one of " + String.join(", ", FLAGS));
                }
                flags.put(known, true);
            }
        }
        for (String f : FLAGS) {
            if (cell(file, row, f, CsvValues::flag)) {
                flags.put(f, true);
            }
        }
        String homeLanguage = cell(file, row, "homeLanguage", CsvValues::language);
        warnUnknownLanguage(file, row, "homeLanguage", id, warnings);
        StudentContext context = StudentContext.builder()
                .fosterCare(flags.containsKey("fosterCare")).iep(flags.containsKey("iep"))
                .englishLearner(flags.containsKey("englishLearner")).homeLanguage(homeLanguage)
                .homeless(flags.containsKey("homeless")).juvenileJustice(flags.containsKey("juvenileJustice"))
                .newToSchool(flags.containsKey("newToSchool"))
                .build();
        Double prior = cell(file, row, "priorYearAbsenceRate", CsvValues::share);
        List<Contact> contacts = new ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            String p = "contact" + n;
            String roleText = row.get(p + "Role");
            boolean any = CONTACT_FIELDS.stream().anyMatch(f -> row.get(p + f) != null);
            if (!any) {
                continue;
            }
            if (roleText == null) {
                throw new RowProblem(file, row.line(), p + "Role", "is required when contact " + n
                        + " has any other column (PARENT, GUARDIAN, EDUCATION_DECISION_MAKER or OTHER)");
            }
            ContactRole role = cell(file, row, p + "Role", v -> CsvValues.enumValue(ContactRole.class, v));
            PhoneStatus status = cell(file, row, p + "PhoneStatus", v -> CsvValues.enumValue(PhoneStatus.class, v));
            String language = cell(file, row, p + "Language", CsvValues::language);
            warnUnknownLanguage(file, row, p + "Language", id, warnings);
            // name and phone are taken as they are: never parsed, never quoted in a message
            contacts.add(new Contact(role, row.get(p + "Relationship"), row.get(p + "Name"), row.get(p + "Phone"), status, language));
        }
        Mentor mentor = null;
        LocalDate assigned = cell(file, row, "mentorAssignedOn", CsvValues::date);
        LocalDate introduced = cell(file, row, "mentorFamilyIntroducedOn", CsvValues::date);
        if (assigned != null) {
            mentor = new Mentor(assigned, introduced);
        } else if (introduced != null) {
            throw new RowProblem(file, row.line(), "mentorAssignedOn", "is required when mentorFamilyIntroducedOn is given");
        }
        List<Meeting> meetings = new ArrayList<>();
        String m = row.get("meetings");
        if (m != null) {
            for (String item : m.split(";")) {
                if (item.isBlank()) {
                    continue;
                }
                String[] parts = item.strip().split("[\\s:@]+");
                if (parts.length != 2) {
                    throw new RowProblem(file, row.line(), "meetings", Shown.hidden(item.strip()) + " is not TYPE DATE, e.g. IEP 2026-12-02 (meetings separated by ;)");
                }
                MeetingType type = cell(file, row, "meetings", v -> CsvValues.enumValue(MeetingType.class, parts[0]));
                LocalDate date = cell(file, row, "meetings", v -> CsvValues.date(parts[1]));
                meetings.add(new Meeting(type, date));
            }
        }
        return Student.builder(id).grade(grade).enrolledOn(enrolledOn).withdrawnOn(withdrawnOn).context(context)
                .contacts(contacts).priorYearAbsenceRate(prior).mentor(mentor).meetings(meetings)
                .name(row.get("firstName"), row.get("lastName")).build();
    }

    /** A language that names no ISO 639 language is kept as given and flags an interpreter: a warning, never an error. */
    private static void warnUnknownLanguage(String file, CsvTable.Row row, String column, String id, List<InputProblem> warnings) {
        String v = row.get(column);
        if (CsvValues.unknownLanguage(v)) {
            warnings.add(new InputProblem(file, id, "line " + row.line() + ": " + column, Shown.language(v.strip())
                    + " is not an ISO 639 language (a BCP 47 tag, a code or an English name); the student is evaluated,"
                    + " the language is kept as given and an interpreter is flagged"));
        }
    }

    /** The student's absences, checked as the engine would check them, with problems located by line. */
    private List<Absence> absences(CsvTable t, Student s, List<CsvTable.Row> rows, SchoolCalendar calendar) {
        String file = t.name();
        LocalDate enrolledOn = s.enrolledOn() == null ? calendar.firstDay() : s.enrolledOn();
        Map<LocalDate, Long> seen = new HashMap<>();
        Map<LocalDate, Absence> out = new TreeMap<>();
        String codeColumn = t.has("code") ? "code" : "type";
        for (CsvTable.Row row : rows) {
            if (row.size() > t.width()) {
                throw new RowProblem(file, row.line(), null, "has " + row.size() + " values but the header names " + t.width() + " columns");
            }
            LocalDate date = cell(file, row, "date", CsvValues::date);
            if (date == null) {
                throw new RowProblem(file, row.line(), "date", "is required");
            }
            String code = row.get(codeColumn);
            if (code == null) {
                throw new RowProblem(file, row.line(), codeColumn, "is required");
            }
            AttendanceCodes.Code meaning = codes.find(code);
            if (meaning == null) {
                throw new RowProblem(file, row.line(), codeColumn, Shown.code(code, codes.names())
                        + " is not an attendance code; add it to a codes file (--codes FILE; README, CSV input)");
            }
            if (meaning.present()) {
                continue;
            }
            AbsenceReason reason = cell(file, row, "reason", CsvValues::reason);
            Double portion = cell(file, row, "portion", CsvValues::portion);
            Long before = seen.putIfAbsent(date, row.line());
            if (before != null) {
                throw new RowProblem(file, row.line(), "date", date + " is listed twice (also line " + before + "); keep one row per day");
            }
            if (!calendar.isInstructionalDay(date)) {
                throw new RowProblem(file, row.line(), "date", date + " is not an instructional day (" + whyNot(calendar, date) + ")");
            }
            if (date.isBefore(enrolledOn) || (s.withdrawnOn() != null && !date.isBefore(s.withdrawnOn()))) {
                throw new RowProblem(file, row.line(), "date", date + " is outside the student's enrolment (" + enrolledOn
                        + (s.withdrawnOn() == null ? " on" : " to before " + s.withdrawnOn()) + ")");
            }
            out.put(date, new Absence(date, meaning.type(), reason != null ? reason : meaning.reason(),
                    portion != null ? portion : meaning.portion() != null ? meaning.portion() : 1.0));
        }
        return new ArrayList<>(out.values());
    }

    private static String whyNot(SchoolCalendar calendar, LocalDate d) {
        if (d.isBefore(calendar.firstDay()) || d.isAfter(calendar.lastDay())) {
            return "outside the school year " + calendar.firstDay() + " to " + calendar.lastDay();
        }
        if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return "a " + d.getDayOfWeek().toString().toLowerCase(Locale.ROOT);
        }
        return "a closed day in the calendar";
    }

    private interface Parser<T> {
        T parse(String value);
    }

    private static <T> T cell(String file, CsvTable.Row row, String column, Parser<T> parser) {
        try {
            return parser.parse(row.get(column));
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage();
            String prefix = column.toLowerCase(Locale.ROOT) + ": ";
            if (msg.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                msg = msg.substring(prefix.length());
            }
            throw new RowProblem(file, row.line(), column, msg);
        }
    }

    /** The column names a roster may have (for documentation and warnings). */
    public static List<String> rosterColumns() {
        return ROSTER_COLUMNS;
    }

    static Set<String> attendanceColumns() {
        return Set.copyOf(ATTENDANCE_COLUMNS);
    }
}
