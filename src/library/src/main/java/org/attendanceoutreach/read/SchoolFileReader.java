package org.attendanceoutreach.read;

import org.attendanceoutreach.internal.Languages;
import org.attendanceoutreach.result.InputProblem;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.attendanceoutreach.school.Absence;
import org.attendanceoutreach.school.AbsenceReason;
import org.attendanceoutreach.school.AbsenceType;
import org.attendanceoutreach.school.Contact;
import org.attendanceoutreach.school.ContactRole;
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

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a school file (contract sections 1, 2 and 4) strictly. Structural problems of one student
 * become that student's {@link InputProblem}; the rest of the file is still read. Thread-safe.
 *
 * <p>Limits, set deliberately (README, "Input limits"): a school file at most {@link #MAX_FILE_BYTES}
 * (a JSON-lines file has no overall limit: each line is read on its own), nesting at most 64 levels,
 * strings at most 100,000 characters, field names at most 1,000, numbers at most 50 digits; a key
 * twice in one object is an error. Only trees are read, never objects named by the input: no
 * polymorphic ("default") typing, ever.
 */
public final class SchoolFileReader {
    private static final Set<String> SCHOOL_FIELDS = Set.of(
            "schoolId", "asOf", "calendar", "schoolLanguage", "students", "expect", "practices", "description");
    private static final Set<String> CALENDAR_FIELDS = Set.of("firstDay", "lastDay", "closedDays");
    private static final Set<String> STUDENT_FIELDS = Set.of("studentId", "grade", "enrolledOn", "withdrawnOn",
            "context", "contacts", "absences", "priorYearAbsenceRate", "mentor", "meetings", "outreach");
    private static final Set<String> CONTEXT_FIELDS = Set.of("fosterCare", "iep", "englishLearner", "homeLanguage",
            "homeless", "juvenileJustice", "newToSchool");
    private static final Set<String> CONTACT_FIELDS = Set.of("role", "relationship", "name", "phone",
            "phoneStatus", "language");
    private static final Set<String> ABSENCE_FIELDS = Set.of("date", "type", "reason", "portion");
    private static final Set<String> MENTOR_FIELDS = Set.of("assignedOn", "familyIntroducedOn");
    private static final Set<String> MEETING_FIELDS = Set.of("type", "date");
    private static final Set<String> OUTREACH_FIELDS = Set.of("date", "kind", "outcome", "positive");
    private static final Set<String> EXPECT_FIELDS = Set.of("studentId", "attendanceTier", "supportTier",
            "includes", "excludes", "contactRole", "interpreterNeeded", "due", "owner", "error");
    private static final Pattern GRADE = Pattern.compile("PK|K|[1-9]|1[0-2]");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    /** The largest school file read whole: 64 MB, some 40,000 students. A district goes in a JSON-lines file. */
    public static final long MAX_FILE_BYTES = 64L << 20;
    static final int MAX_NESTING = 64;
    static final int MAX_STRING_CHARS = 100_000;
    static final int MAX_NAME_CHARS = 1_000;
    static final int MAX_NUMBER_DIGITS = 50;
    /** A calendar spans at most this many years (a school year, with room to spare). */
    static final int MAX_CALENDAR_YEARS = 2;

    private final ObjectMapper mapper;

    public SchoolFileReader() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(MAX_FILE_BYTES)
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(MAX_STRING_CHARS)
                        .maxNameLength(MAX_NAME_CHARS)
                        .maxNumberLength(MAX_NUMBER_DIGITS)
                        .build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .deactivateDefaultTyping()
                .build();
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
        return new SchoolLines(this, name, in, warnings == null ? w -> { } : warnings, true);
    }

    /** Line 1 of a JSON-lines file: the school, with its warnings. */
    School readSchoolLine(String name, byte[] line, int length, java.util.function.Consumer<InputProblem> warnings)
            throws SchoolFileException {
        JsonNode root;
        try {
            root = mapper.readTree(line, 0, length);
        } catch (StreamConstraintsException e) {
            throw fileProblem(name, null, "line 1 exceeds a reading limit: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().contains("Invalid UTF-8")) {
                throw fileProblem(name, null, "is not UTF-8 text; save it as UTF-8 and try again");
            }
            var at = e.getLocation();
            String where = at == null ? "" : ", column " + at.getColumnNr();
            throw fileProblem(name, null, "is not valid JSON at line 1" + where
                    + "; line 1 of a JSON-lines school file is the school object (schoolId, asOf, calendar, schoolLanguage)");
        } catch (IOException e) {
            throw fileProblem(name, null, "cannot be read: " + e.getClass().getSimpleName());
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
        Position at = Position.onLine(lineNumber);
        JsonNode node;
        try {
            node = mapper.readTree(line, 0, length);
        } catch (StreamConstraintsException e) {
            return StudentInput.failed(at.key(), new InputProblem(name, null, at.key(), "exceeds a reading limit: " + e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            String message;
            if (e.getOriginalMessage() != null && e.getOriginalMessage().contains("Invalid UTF-8")) {
                message = "is not UTF-8 text; save the file as UTF-8";
            } else {
                var loc = e.getLocation();
                message = "is not valid JSON" + (loc == null ? "" : " at column " + loc.getColumnNr())
                        + "; each line after the first holds exactly one student object";
            }
            return StudentInput.failed(at.key(), new InputProblem(name, null, at.key(), message));
        } catch (IOException e) {
            return StudentInput.failed(at.key(), new InputProblem(name, null, at.key(), "cannot be read: " + e.getClass().getSimpleName()));
        }
        return readStudentEntry(name, node, at, warnings);
    }

    /** Reads a school file from a stream. */
    public SchoolFile read(String name, InputStream in) throws SchoolFileException {
        JsonNode root;
        try {
            root = mapper.readTree(in);
        } catch (StreamConstraintsException e) {
            throw fileProblem(name, null, beyondLimit(e));
        } catch (CharConversionException e) {
            throw fileProblem(name, null, "is not UTF-8 text; save it as UTF-8 and try again");
        } catch (JsonProcessingException e) {
            String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (original.contains("Invalid UTF-8")) {
                throw fileProblem(name, null, "is not UTF-8 text; save it as UTF-8 and try again");
            }
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            if (original.startsWith("Duplicate field '")) {
                String key = original.substring("Duplicate field '".length(), Math.max(original.lastIndexOf('\''), "Duplicate field '".length()));
                throw fileProblem(name, null, "has the key '" + JsonFields.clip(key) + "' twice in one object" + where + "; keep one");
            }
            if (original.startsWith("Trailing token")) {
                throw fileProblem(name, null, "goes on after the end of the school object" + where
                        + "; a school file is exactly one JSON object");
            }
            throw fileProblem(name, null, "is not valid JSON" + where
                    + "; look for a missing comma, quote or bracket, or a cut-off file");
        } catch (IOException e) {
            throw fileProblem(name, null, "cannot be read: " + e.getClass().getSimpleName());
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
        List<Expectation> expectations;
        try {
            expectations = readExpectations(top, name, warnings);
        } catch (InvalidInputException e) {
            throw fileProblem(name, e.field(), e.getMessage());
        }
        return new SchoolFile(name, school, students, expectations, warnings);
    }

    private static final String TOO_LARGE = "is larger than " + (MAX_FILE_BYTES >> 20) + " MB, the most a school file may be;"
            + " give a district as a JSON-lines file (.jsonl), which is read one student at a time";

    /** What a reading limit means for the person with the file (README, "Input limits"); no content of the file. */
    static String beyondLimit(StreamConstraintsException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        var at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ")";
        if (original.startsWith("Document length")) {
            return TOO_LARGE;
        }
        if (original.contains("nesting depth")) {
            return "nests arrays and objects more than " + MAX_NESTING + " levels deep" + where + ", the most a school file may";
        }
        if (original.startsWith("String value length")) {
            return "has a text value longer than " + String.format(java.util.Locale.ROOT, "%,d", MAX_STRING_CHARS)
                    + " characters" + where + ", the most a school file may";
        }
        if (original.startsWith("Name length")) {
            return "has a key longer than " + String.format(java.util.Locale.ROOT, "%,d", MAX_NAME_CHARS)
                    + " characters" + where + ", the most a school file may";
        }
        if (original.startsWith("Number value length")) {
            return "has a number longer than " + MAX_NUMBER_DIGITS + " digits" + where + ", the most a school file may";
        }
        return "exceeds a reading limit" + where + ": " + original;
    }

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
        if (last.isAfter(first.plusYears(MAX_CALENDAR_YEARS))) {
            throw new InvalidInputException("calendar.lastDay", "is more than " + MAX_CALENDAR_YEARS
                    + " years after calendar.firstDay; a school file holds one school year");
        }
        Set<LocalDate> closed = new LinkedHashSet<>();
        for (JsonFields.Element e : cal.array("closedDays")) {
            closed.add(e.asDate());
        }
        String language = top.text("schoolLanguage");
        if (language != null && Languages.tagFor(language).isPresent()) {
            language = Languages.tagFor(language).get();
        } else if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw new InvalidInputException("schoolLanguage", Shown.value(language)
                    + " is not a language tag such as en or es-MX, nor an ISO 639 code or English language name");
        }
        List<String> practices = new ArrayList<>();
        for (JsonFields.Element e : top.array("practices")) {
            practices.add(e.asText());
        }
        return new School(top.text("schoolId"), asOf, new SchoolCalendar(first, last, closed), language, practices);
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
        if (grade != null && !GRADE.matcher(grade).matches()) {
            throw new InvalidInputException(s.path("grade"), Shown.value(grade) + " is not a grade (PK, K, 1 … 12)");
        }
        LocalDate enrolledOn = s.date("enrolledOn");
        LocalDate withdrawnOn = s.date("withdrawnOn");
        if (enrolledOn != null && withdrawnOn != null && !withdrawnOn.isAfter(enrolledOn)) {
            throw new InvalidInputException(s.path("withdrawnOn"), "must be after enrolledOn");
        }
        StudentContext context = StudentContext.NONE;
        JsonFields c = s.child("context");
        if (c != null) {
            c.unknownFields(CONTEXT_FIELDS, warn);
            context = new StudentContext(c.flag("fosterCare"), c.flag("iep"), c.flag("englishLearner"),
                    language(c, "homeLanguage"), c.flag("homeless"), c.flag("juvenileJustice"), c.flag("newToSchool"));
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
                throw new InvalidInputException(f.path("portion"), portion + " is outside the range: more than 0 and at most 1");
            }
            absences.add(new Absence(date, type, f.enumValue("reason", AbsenceReason.class), portion == null ? 1.0 : portion));
        }
        Double prior = s.number("priorYearAbsenceRate");
        if (prior != null && (prior < 0 || prior > 1)) {
            throw new InvalidInputException(s.path("priorYearAbsenceRate"), prior + " is outside 0 … 1 (a share: 0.14 means 14%)");
        }
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
            outreach.add(new OutreachRecord(f.requiredDate("date"), kind, f.enumValue("outcome", OutreachOutcome.class), f.flag("positive")));
        }
        return new Student(id, grade, enrolledOn, withdrawnOn, context, contacts, absences, prior, mentor, meetings, outreach);
    }

    /** A BCP 47 tag as given, or the tag of an ISO 639 code or English language name ({@code spa}, {@code Spanish}). */
    private static String language(JsonFields f, String name) {
        String v = f.text(name);
        if (v != null && Languages.tagFor(v).isPresent()) {
            return Languages.tagFor(v).get();
        }
        if (v != null && !LANGUAGE.matcher(v).matches()) {
            throw new InvalidInputException(f.path(name), Shown.value(v)
                    + " is not a language tag such as en, es or zh-Hant, nor an ISO 639 code or English language name");
        }
        return v;
    }

    private List<Expectation> readExpectations(JsonFields top, String file, List<InputProblem> warnings) {
        List<Expectation> out = new ArrayList<>();
        for (JsonFields.Element e : top.array("expect")) {
            JsonFields f = e.asObject();
            f.unknownFields(EXPECT_FIELDS, w -> warnings.add(new InputProblem(file, null, w, "unknown expectation key, ignored")));
            Double support = f.number("supportTier");
            out.add(new Expectation(f.requiredText("studentId"), f.text("attendanceTier"),
                    support == null ? null : support.intValue(),
                    texts(f.array("includes")), texts(f.array("excludes")),
                    textMap(f.child("contactRole")), flagMap(f.child("interpreterNeeded")),
                    dateMap(f.child("due")), textMap(f.child("owner")),
                    f.has("error") ? f.flag("error") : null));
        }
        return out;
    }

    private static List<String> texts(List<JsonFields.Element> elements) {
        List<String> out = new ArrayList<>();
        for (JsonFields.Element e : elements) {
            out.add(e.asText());
        }
        return out;
    }

    private static Map<String, String> textMap(JsonFields f) {
        Map<String, String> out = new LinkedHashMap<>();
        if (f != null) {
            f.forEach((k, v) -> out.put(k, f.text(k)));
        }
        return out;
    }

    private static Map<String, Boolean> flagMap(JsonFields f) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        if (f != null) {
            f.forEach((k, v) -> out.put(k, f.flag(k)));
        }
        return out;
    }

    private static Map<String, LocalDate> dateMap(JsonFields f) {
        Map<String, LocalDate> out = new LinkedHashMap<>();
        if (f != null) {
            f.forEach((k, v) -> out.put(k, f.date(k)));
        }
        return out;
    }
}
