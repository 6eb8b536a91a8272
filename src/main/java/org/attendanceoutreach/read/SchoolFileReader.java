package org.attendanceoutreach.read;

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
 * <p>Limits, set deliberately: nesting at most 64 levels, strings at most 100,000 characters,
 * numbers at most 50 digits, duplicate keys in an object are an error.
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

    private final ObjectMapper mapper;

    public SchoolFileReader() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(64)
                        .maxStringLength(100_000)
                        .maxNumberLength(50)
                        .build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** Reads a file; {@code name} is how the file is named in messages (as the user gave it). */
    public SchoolFile read(Path path) throws SchoolFileException {
        String name = path.toString();
        try (InputStream in = Files.newInputStream(path)) {
            return read(name, in);
        } catch (NoSuchFileException e) {
            throw new SchoolFileException(new InputProblem(name, null, null, "no such file"));
        } catch (IOException e) {
            throw new SchoolFileException(new InputProblem(name, null, null, "cannot be read: " + e.getClass().getSimpleName()));
        }
    }

    /** Reads a school file from a stream. */
    public SchoolFile read(String name, InputStream in) throws SchoolFileException {
        JsonNode root;
        try {
            root = mapper.readTree(in);
        } catch (StreamConstraintsException e) {
            throw fileProblem(name, null, "exceeds a reading limit: " + e.getOriginalMessage());
        } catch (CharConversionException e) {
            throw fileProblem(name, null, "is not UTF-8 text; save it as UTF-8 and try again");
        } catch (JsonProcessingException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().contains("Invalid UTF-8")) {
                throw fileProblem(name, null, "is not UTF-8 text; save it as UTF-8 and try again");
            }
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
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
            school = readSchool(top);
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

    private static SchoolFileException fileProblem(String file, String field, String message) {
        return new SchoolFileException(new InputProblem(file, null, field, message));
    }

    private School readSchool(JsonFields top) {
        LocalDate asOf = top.requiredDate("asOf");
        JsonFields cal = top.child("calendar");
        if (cal == null) {
            throw new InvalidInputException("calendar", "is required (firstDay, lastDay, closedDays)");
        }
        cal.unknownFields(CALENDAR_FIELDS, f -> { });
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
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw new InvalidInputException("schoolLanguage", "'" + JsonFields.clip(language) + "' is not a language tag such as en or es-MX");
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
            String key = "students[" + i + "]";
            JsonNode idNode = e.node().isObject() ? e.node().get("studentId") : null;
            if (idNode != null && idNode.isTextual() && !idNode.textValue().isBlank()) {
                key = idNode.textValue();
            }
            String id = key;
            List<InputProblem> studentWarnings = new ArrayList<>();
            try {
                String prefix = e.path() + ".";
                Student s = readStudent(e.asObject(), w -> studentWarnings.add(new InputProblem(file, id,
                        w.startsWith(prefix) ? w.substring(prefix.length()) : w, "unknown field, ignored")));
                out.add(StudentInput.of(s));
                warnings.addAll(studentWarnings);
                Integer before = firstIndex.putIfAbsent(s.studentId(), i);
                if (before != null) {
                    duplicated.add(s.studentId());
                }
            } catch (InvalidInputException ex) {
                String field = ex.field().startsWith(e.path() + ".") ? ex.field().substring(e.path().length() + 1) : ex.field();
                out.add(StudentInput.failed(key, new InputProblem(file, key.equals("students[" + i + "]") ? null : key,
                        key.equals("students[" + i + "]") ? e.path() + "." + field : field, ex.getMessage())));
            } catch (RuntimeException ex) {
                out.add(StudentInput.failed(key, new InputProblem(file, key, null,
                        "could not be read (" + ex.getClass().getSimpleName() + ")")));
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

    private Student readStudent(JsonFields s, java.util.function.Consumer<String> warn) {
        s.unknownFields(STUDENT_FIELDS, warn);
        String id = s.requiredText("studentId");
        String grade = s.text("grade");
        if (grade != null && !GRADE.matcher(grade).matches()) {
            throw new InvalidInputException(s.path("grade"), "'" + JsonFields.clip(grade) + "' is not a grade (PK, K, 1 … 12)");
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

    private static String language(JsonFields f, String name) {
        String v = f.text(name);
        if (v != null && !LANGUAGE.matcher(v).matches()) {
            throw new InvalidInputException(f.path(name), "'" + JsonFields.clip(v) + "' is not a language tag such as en, es or zh-Hant");
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
