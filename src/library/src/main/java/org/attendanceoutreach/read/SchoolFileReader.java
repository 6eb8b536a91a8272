package org.attendanceoutreach.read;

import org.attendanceoutreach.internal.Languages;
import org.attendanceoutreach.result.InputProblem;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.attendanceoutreach.school.Absence;
import org.attendanceoutreach.school.AbsenceReason;
import org.attendanceoutreach.school.AbsenceType;
import org.attendanceoutreach.school.Contact;
import org.attendanceoutreach.school.ContactRole;
import org.attendanceoutreach.school.Intervention;
import org.attendanceoutreach.school.Meeting;
import org.attendanceoutreach.school.MeetingType;
import org.attendanceoutreach.school.Mentor;
import org.attendanceoutreach.school.OutreachKind;
import org.attendanceoutreach.school.OutreachOutcome;
import org.attendanceoutreach.school.OutreachRecord;
import org.attendanceoutreach.school.PhoneStatus;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.SchoolCalendar;
import org.attendanceoutreach.school.Student;
import org.attendanceoutreach.school.StudentContext;
import org.attendanceoutreach.internal.JsonErrors;
import org.attendanceoutreach.internal.TextInput;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a school file (contract sections 1 and 2) strictly. A scenario file's {@code expect}
 * entries (section 4) are left to {@link org.attendanceoutreach.scenario.ScenarioFile}. Structural problems of one student
 * become that student's {@link InputProblem}; the rest of the file is still read. Thread-safe.
 *
 * <p>Limits, set deliberately (README, "Input limits"): a school file at most {@link #MAX_FILE_BYTES}
 * (a JSON-lines file has no overall limit: each line is read on its own), nesting at most 64 levels,
 * strings at most 100,000 characters, field names at most 1,000, numbers at most 50 digits; a key
 * twice in one object is an error. Text must be well-formed UTF-8 (or UTF-16 or UTF-32 with their
 * marks): overlong forms, encoded or escaped halves of surrogate pairs and other encodings are the
 * "not UTF-8" error. Only trees are read, never objects named by the input: no polymorphic
 * ("default") typing, ever. The values of a school and a student are checked by {@link InputCheck},
 * as the Java API's are; values appear in messages only as {@link Shown} allows.
 */
public final class SchoolFileReader {
    /** The school's keys; {@code expect} (scenario expectations) is known and left to the scenario package. */
    private static final Set<String> SCHOOL_FIELDS = Set.of(
            "schoolId", "asOf", "calendar", "schoolLanguage", "students", "expect", "practices", "description",
            "name", "phone", "contactPerson");
    private static final Set<String> CALENDAR_FIELDS = Set.of("firstDay", "lastDay", "closedDays");
    private static final Set<String> STUDENT_FIELDS = Set.of("studentId", "grade", "enrolledOn", "withdrawnOn",
            "context", "contacts", "absences", "priorYearAbsenceRate", "mentor", "meetings", "outreach",
            "firstName", "lastName", "interventions");
    private static final Set<String> CONTEXT_FIELDS = Set.of("fosterCare", "iep", "englishLearner", "homeLanguage",
            "homeless", "juvenileJustice", "newToSchool");
    private static final Set<String> CONTACT_FIELDS = Set.of("role", "relationship", "name", "phone",
            "phoneStatus", "language");
    private static final Set<String> ABSENCE_FIELDS = Set.of("date", "type", "reason", "portion");
    private static final Set<String> MENTOR_FIELDS = Set.of("assignedOn", "familyIntroducedOn");
    private static final Set<String> MEETING_FIELDS = Set.of("type", "date");
    private static final Set<String> INTERVENTION_FIELDS = Set.of("intervention", "startedOn", "endedOn");
    private static final Set<String> OUTREACH_FIELDS = Set.of("date", "kind", "outcome", "positive", "by", "contactRole");

    /** The largest school file read whole: 64 MB, some 40,000 students. A district goes in a JSON-lines file. */
    public static final long MAX_FILE_BYTES = 64L << 20;

    private final ObjectMapper mapper;
    /** The same limits and strictness for {@link StudentStreamReader}, which finds keys given twice itself (faster). */
    private final com.fasterxml.jackson.core.JsonFactory streaming;
    private final java.util.concurrent.Executor parsers;

    /** A reader that parses JSON lines on the thread that iterates them. */
    public SchoolFileReader() {
        this(null);
    }

    /**
     * A reader whose {@link SchoolLines} parse ahead on {@code executor} (the caller's threads; the
     * iterating thread parses what the executor has not started, so any executor works).
     */
    public SchoolFileReader parseOn(java.util.concurrent.Executor executor) {
        return new SchoolFileReader(java.util.Objects.requireNonNull(executor, "executor"));
    }

    private SchoolFileReader(java.util.concurrent.Executor parsers) {
        this.parsers = parsers;
        this.mapper = JsonMapper.builder(JsonErrors.factory(MAX_FILE_BYTES))
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .deactivateDefaultTyping()
                .build();
        this.streaming = mapper.getFactory().rebuild()
                .disable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    /** Reads a file; {@code name} is how the file is named in messages (as the user gave it). */
    public SchoolFile read(Path path) throws SchoolFileException {
        String name = path.toString();
        try {
            if (Files.isRegularFile(path) && Files.size(path) > MAX_FILE_BYTES) {
                throw fileProblem(name, null, TOO_LARGE);
            }
        } catch (IOException e) {
            // reported below, when it is opened
        }
        try (InputStream in = Files.newInputStream(path)) {
            return read(name, in);
        } catch (NoSuchFileException e) {
            throw new SchoolFileException(new InputProblem(name, null, null, "no such file"));
        } catch (IOException e) {
            throw new SchoolFileException(new InputProblem(name, null, null, "cannot be read: " + e.getClass().getSimpleName()));
        }
    }

    /**
     * Opens a JSON-lines school file for streaming: line 1 is the school (as in a school file, without
     * {@code students}), then one student object per line. Reads line 1 now; the students are read one
     * at a time as the returned {@link SchoolLines} is iterated. Unknown fields are reported to
     * {@code warnings} as they are met. Close it when done.
     *
     * @throws SchoolFileException when the file cannot be opened or line 1 is not a usable school
     */
    public SchoolLines openLines(Path path, java.util.function.Consumer<InputProblem> warnings) throws SchoolFileException {
        String name = path.toString();
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new SchoolFileException(new InputProblem(name, null, null, "no such file"));
        } catch (IOException e) {
            throw new SchoolFileException(new InputProblem(name, null, null, "cannot be read: " + e.getClass().getSimpleName()));
        }
        return openLines(name, in, warnings);
    }

    /** Opens a JSON-lines school file from a stream (closed with the returned {@link SchoolLines}). */
    public SchoolLines openLines(String name, InputStream in, java.util.function.Consumer<InputProblem> warnings)
            throws SchoolFileException {
        return new SchoolLines(this, name, in, warnings == null ? w -> { } : warnings, parsers);
    }

    /** Line 1 of a JSON-lines file: the school, with its warnings. */
    School readSchoolLine(String name, byte[] line, int length, java.util.function.Consumer<InputProblem> warnings)
            throws SchoolFileException {
        JsonNode root;
        try {
            TextInput.checkUtf8(line, length);
            root = mapper.readTree(line, 0, length);
        } catch (IOException e) {
            throw fileProblem(name, null, JsonErrors.describe(e, JsonErrors.Where.FILE, TOO_LARGE, "the school object",
                    "line 1 of a JSON-lines school file is the school object (schoolId, asOf, calendar, schoolLanguage)"));
        }
        try {
            JsonFields top = JsonFields.object(root, "");
            if (top.has("students")) {
                throw new InvalidInputException("students", "does not belong on line 1 of a JSON-lines file: line 1 is the school,"
                        + " then one student object per line (a school file with a students list ends in .json)");
            }
            top.unknownFields(SCHOOL_FIELDS, f -> warnings.accept(new InputProblem(name, null, f, "unknown field, ignored")));
            if (top.has("expect")) {
                warnings.accept(new InputProblem(name, null, "expect", "scenario expectations are not read from a JSON-lines file, ignored"));
            }
            return readSchool(top, name, warnings);
        } catch (InvalidInputException e) {
            throw fileProblem(name, e.field(), e.getMessage());
        }
    }

    /** One student line of a JSON-lines file (line numbers count from 1; line 1 is the school). */
    StudentInput readStudentLine(String name, long lineNumber, byte[] line, int length,
                                 java.util.function.Consumer<InputProblem> warnings) {
        try {
            TextInput.checkUtf8(line, length);
        } catch (IOException e) {
            return readStudentLineCarefully(name, lineNumber, line, length, warnings); // which words the problem
        }
        Student plain = StudentStreamReader.read(streaming, line, length);
        if (plain != null) {
            return StudentInput.of(plain);
        }
        return readStudentLineCarefully(name, lineNumber, line, length, warnings);
    }

    /**
     * {@link #readStudentLine} the careful way: a tree, every field checked with the words a person
     * needs. What every line not read by {@link StudentStreamReader} goes through (and, in the
     * tests, every line, to compare).
     */
    StudentInput readStudentLineCarefully(String name, long lineNumber, byte[] line, int length,
                                          java.util.function.Consumer<InputProblem> warnings) {
        Position at = Position.onLine(lineNumber);
        JsonNode node;
        try {
            TextInput.checkUtf8(line, length);
            node = mapper.readTree(line, 0, length);
        } catch (IOException e) {
            return StudentInput.failed(at.key(), new InputProblem(name, null, at.key(), JsonErrors.describe(e, JsonErrors.Where.LINE,
                    "is longer than the most a line may be", "the student object", "each line after the first holds exactly one student object")));
        }
        return readStudentEntry(name, node, at, warnings);
    }

    /** Reads a school file from a stream. */
    public SchoolFile read(String name, InputStream in) throws SchoolFileException {
        JsonNode root;
        try {
            root = mapper.readTree(TextInput.reader(in));
        } catch (IOException e) {
            throw fileProblem(name, null, JsonErrors.describe(e, JsonErrors.Where.FILE, TOO_LARGE, "the school object",
                    "look for a missing comma, quote or bracket, or a cut-off file"));
        }
        if (root == null || root.isMissingNode()) {
            throw fileProblem(name, null, "is empty; a school file is a JSON object with asOf, calendar and students");
        }
        List<InputProblem> warnings = new ArrayList<>();
        School school;
        JsonFields top;
        try {
            top = JsonFields.object(root, "");
            top.unknownFields(SCHOOL_FIELDS, f -> warnings.add(new InputProblem(name, null, f, "unknown field, ignored")));
            school = readSchool(top, name, warnings::add);
        } catch (InvalidInputException e) {
            throw fileProblem(name, e.field(), e.getMessage());
        }
        List<StudentInput> students = readStudents(name, top, school, warnings);
        return new SchoolFile(name, school, students, warnings);
    }

    private static final String TOO_LARGE = "is larger than " + (MAX_FILE_BYTES >> 20) + " MB, the most a school file may be;"
            + " give a district as a JSON-lines file (.jsonl), which is read one student at a time";

    private static SchoolFileException fileProblem(String file, String field, String message) {
        return new SchoolFileException(new InputProblem(file, null, field, message));
    }

    private School readSchool(JsonFields top, String name, java.util.function.Consumer<InputProblem> warn) {
        LocalDate asOf = top.requiredDate("asOf");
        JsonFields cal = top.child("calendar");
        if (cal == null) {
            throw new InvalidInputException("calendar", "is required (firstDay, lastDay, closedDays)");
        }
        cal.unknownFields(CALENDAR_FIELDS, f -> warn.accept(new InputProblem(name, null, f, "unknown field, ignored")));
        LocalDate first = cal.requiredDate("firstDay");
        LocalDate last = cal.requiredDate("lastDay");
        if (last.isBefore(first)) {
            throw new InvalidInputException("calendar.lastDay", "is before calendar.firstDay");
        }
        Set<LocalDate> closed = new LinkedHashSet<>();
        for (JsonFields.Element e : cal.array("closedDays")) {
            closed.add(e.asDate());
        }
        String language = top.text("schoolLanguage");
        if (language != null && language.isBlank()) {
            throw new InvalidInputException("schoolLanguage", "is empty; leave it out (en) or give a language tag such as en or es-MX");
        }
        if (language != null) {
            language = knownLanguage(language, "schoolLanguage");
        }
        List<String> practices = new ArrayList<>();
        for (JsonFields.Element e : top.array("practices")) {
            practices.add(e.asText());
        }
        School school = new School(top.text("schoolId"), asOf, new SchoolCalendar(first, last, closed), language, practices,
                top.text("name"), top.text("phone"), top.text("contactPerson"));
        InputCheck.school(school);
        return school;
    }

    private List<StudentInput> readStudents(String file, JsonFields top, School school, List<InputProblem> warnings) {
        List<JsonFields.Element> elements;
        try {
            elements = top.array("students");
        } catch (InvalidInputException e) {
            return List.of(StudentInput.failed("students", new InputProblem(file, null, e.field(), e.getMessage())));
        }
        List<StudentInput> out = new ArrayList<>(elements.size());
        Map<String, Integer> firstIndex = new HashMap<>();
        Set<String> duplicated = new LinkedHashSet<>();
        for (int i = 0; i < elements.size(); i++) {
            JsonFields.Element e = elements.get(i);
            StudentInput in = readStudentEntry(file, e.node(), Position.inArray(e.path()), warnings::add);
            out.add(in);
            if (in.ok() && firstIndex.putIfAbsent(in.key(), i) != null) {
                duplicated.add(in.key());
            }
        }
        if (!duplicated.isEmpty()) {
            for (int i = 0; i < out.size(); i++) {
                StudentInput in = out.get(i);
                if (in.ok() && duplicated.contains(in.key())) {
                    out.set(i, StudentInput.failed(in.key(), new InputProblem(file, in.key(), "studentId",
                            "the same studentId appears more than once in this file; give each student one entry")));
                }
            }
        }
        return out;
    }

    /**
     * Where a student entry sits in its file: {@code students[3]} in a school file, {@code line 7}
     * in a JSON-lines file. An entry without a usable {@code studentId} is named by it.
     *
     * @param key    what names the entry when it has no usable id
     * @param path   the JSON path of the entry's object ({@code students[3]}, or empty for a whole line)
     * @param prefix put before a field's path for an entry without a usable id
     */
    record Position(String key, String path, String prefix) {
        static Position inArray(String path) {
            return new Position(path, path, path + ".");
        }

        static Position onLine(long line) {
            return new Position("line " + line, "", "line " + line + ": ");
        }

        String locate(String field) {
            return field == null || field.isEmpty() || field.equals(path) ? key : prefix + field;
        }
    }

    /**
     * Reads one student entry, the same way for a school file and a JSON-lines file: a student, or
     * the problem that names the file, the student (or the entry's position) and the field.
     * Warnings about unknown fields go to {@code warnings}, only for a student that was read.
     */
    StudentInput readStudentEntry(String file, JsonNode node, Position at, java.util.function.Consumer<InputProblem> warnings) {
        String key = at.key();
        JsonNode idNode = node != null && node.isObject() ? node.get("studentId") : null;
        if (idNode != null && idNode.isTextual() && !idNode.textValue().isBlank()) {
            key = idNode.textValue();
        }
        String id = key;
        boolean named = !key.equals(at.key());
        String prefix = at.path().isEmpty() ? "" : at.path() + ".";
        List<InputProblem> studentWarnings = new ArrayList<>();
        try {
            Student s = readStudent(JsonFields.object(node, at.path()), w -> studentWarnings.add(new InputProblem(file, id,
                    !prefix.isEmpty() && w.startsWith(prefix) ? w.substring(prefix.length()) : w, "unknown field, ignored")));
            studentWarnings.forEach(warnings);
            return StudentInput.of(s);
        } catch (InvalidInputException ex) {
            String field = !prefix.isEmpty() && ex.field().startsWith(prefix) ? ex.field().substring(prefix.length()) : ex.field();
            return StudentInput.failed(key, new InputProblem(file, named ? key : null, named ? field : at.locate(field), ex.getMessage()));
        } catch (RuntimeException ex) {
            return StudentInput.failed(key, new InputProblem(file, named ? key : null, named ? null : at.key(),
                    "could not be read (" + ex.getClass().getSimpleName() + ")"));
        }
    }

    private Student readStudent(JsonFields s, java.util.function.Consumer<String> warn) {
        s.unknownFields(STUDENT_FIELDS, warn);
        String id = s.requiredText("studentId");
        String grade = s.text("grade");
        LocalDate enrolledOn = s.date("enrolledOn");
        LocalDate withdrawnOn = s.date("withdrawnOn");
        StudentContext context = StudentContext.NONE;
        JsonFields c = s.child("context");
        if (c != null) {
            c.unknownFields(CONTEXT_FIELDS, warn);
            context = StudentContext.builder()
                    .fosterCare(c.flag("fosterCare")).iep(c.flag("iep")).englishLearner(c.flag("englishLearner"))
                    .homeLanguage(language(c, "homeLanguage")).homeless(c.flag("homeless"))
                    .juvenileJustice(c.flag("juvenileJustice")).newToSchool(c.flag("newToSchool"))
                    .build();
        }
        List<Contact> contacts = new ArrayList<>();
        for (JsonFields.Element e : s.array("contacts")) {
            JsonFields f = e.asObject();
            f.unknownFields(CONTACT_FIELDS, warn);
            ContactRole role = f.enumValue("role", ContactRole.class);
            if (role == null) {
                throw new InvalidInputException(f.path("role"), "is required (PARENT, GUARDIAN, EDUCATION_DECISION_MAKER or OTHER)");
            }
            contacts.add(new Contact(role, f.text("relationship"), f.text("name"), f.text("phone"),
                    f.enumValue("phoneStatus", PhoneStatus.class), language(f, "language")));
        }
        List<Absence> absences = new ArrayList<>();
        for (JsonFields.Element e : s.array("absences")) {
            JsonFields f = e.asObject();
            f.unknownFields(ABSENCE_FIELDS, warn);
            LocalDate date = f.requiredDate("date");
            AbsenceType type = f.enumValue("type", AbsenceType.class);
            if (type == null) {
                throw new InvalidInputException(f.path("type"), "is required (EXCUSED, UNEXCUSED, SUSPENSION, TARDY or EARLY_DEPARTURE)");
            }
            Double portion = f.number("portion");
            if (portion != null && !(portion > 0 && portion <= 1)) {
                throw new InvalidInputException(f.path("portion"), Shown.number(portion) + " is outside the range: more than 0 and at most 1");
            }
            absences.add(new Absence(date, type, f.enumValue("reason", AbsenceReason.class), portion == null ? 1.0 : portion));
        }
        Double prior = s.number("priorYearAbsenceRate");
        Mentor mentor = null;
        JsonFields m = s.child("mentor");
        if (m != null) {
            m.unknownFields(MENTOR_FIELDS, warn);
            mentor = new Mentor(m.requiredDate("assignedOn"), m.date("familyIntroducedOn"));
        }
        List<Meeting> meetings = new ArrayList<>();
        for (JsonFields.Element e : s.array("meetings")) {
            JsonFields f = e.asObject();
            f.unknownFields(MEETING_FIELDS, warn);
            MeetingType type = f.enumValue("type", MeetingType.class);
            if (type == null) {
                throw new InvalidInputException(f.path("type"), "is required (IEP, SST, PARENT_TEACHER_CONFERENCE, CHILD_AND_FAMILY_TEAM or OTHER)");
            }
            meetings.add(new Meeting(type, f.requiredDate("date")));
        }
        List<OutreachRecord> outreach = new ArrayList<>();
        for (JsonFields.Element e : s.array("outreach")) {
            JsonFields f = e.asObject();
            f.unknownFields(OUTREACH_FIELDS, warn);
            OutreachKind kind = f.enumValue("kind", OutreachKind.class);
            if (kind == null) {
                throw new InvalidInputException(f.path("kind"), "is required (PERSONAL_CALL, PERSONAL_TEXT, HOME_VISIT, LETTER, MEETING, AUTOMATED_CALL or EMAIL)");
            }
            // "by" (who did it) is checked but not used by the plan yet
            f.enumValue("by", org.attendanceoutreach.catalog.Owner.class);
            outreach.add(new OutreachRecord(f.requiredDate("date"), kind, f.enumValue("outcome", OutreachOutcome.class), f.flag("positive"),
                    f.enumValue("contactRole", ContactRole.class)));
        }
        List<Intervention> interventions = new ArrayList<>();
        for (JsonFields.Element e : s.array("interventions")) {
            JsonFields f = e.asObject();
            f.unknownFields(INTERVENTION_FIELDS, warn);
            String practice = f.text("intervention");
            if (practice == null) {
                throw new InvalidInputException(f.path("intervention"), "is required: the catalog id of the support, such as success-mentor");
            }
            interventions.add(new Intervention(practice, f.requiredDate("startedOn"), f.date("endedOn")));
        }
        Student student = Student.builder(id).grade(grade).enrolledOn(enrolledOn).withdrawnOn(withdrawnOn).context(context)
                .contacts(contacts).absences(absences).priorYearAbsenceRate(prior).mentor(mentor).meetings(meetings)
                .outreach(outreach).name(s.text("firstName"), s.text("lastName")).interventions(interventions).build();
        try {
            InputCheck.student(student);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(s.path(e.field()), e.getMessage());
        }
        return student;
    }

    /**
     * A language field: absent, or a BCP 47 tag, an ISO 639 code or an English language name
     * ({@code es-MX}, {@code spa}, {@code Spanish}), which comes out as its tag.
     */
    private static String language(JsonFields f, String name) {
        String v = f.text(name);
        if (v != null && v.isBlank()) {
            throw new InvalidInputException(f.path(name), "is empty; leave it out or give a language tag such as en, es or zh-Hant");
        }
        return v == null ? null : knownLanguage(v, f.path(name));
    }

    /**
     * The tag of a language given as a BCP 47 tag, an ISO 639 code or an English name; a well-formed
     * tag of a language no table knows is kept as it is. Anything else is an error of the field.
     */
    static String knownLanguage(String v, String field) {
        Optional<String> tag = Languages.tagFor(v);
        if (tag.isPresent()) {
            return tag.get();
        }
        if (School.isLanguageTag(v)) {
            return v;
        }
        throw new InvalidInputException(field, Shown.language(v)
                + " is not a language tag such as en, es or zh-Hant, nor an ISO 639 code or English language name");
    }
}
