package org.attendanceoutreach.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import org.attendanceoutreach.catalog.Owner;
import org.attendanceoutreach.internal.PlainText;
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
import org.attendanceoutreach.school.Student;
import org.attendanceoutreach.school.StudentContext;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The quick way to read one student line of a JSON-lines file: Jackson's streaming parser straight
 * into the records, without a tree. It reads only what is plainly right: every key known, every
 * value of its type, every check passed. For anything else (an unknown key, which is a warning; a
 * wrong type, a bad date, a value out of range, a key twice, JSON that is not JSON, text after the
 * object) it gives up and returns null, and {@link SchoolFileReader} reads the line again the
 * careful way (tree, {@code JsonFields}, {@code InputCheck}), which finds the problem and says it in
 * the usual words. The parser it is given need not find keys given twice: every object here notes
 * the keys it has read, and gives up on one given again. So a line read here is the student the careful way gives (same builder, same
 * checks, same language tags: {@code StudentStreamReaderTest} compares the two on generated and
 * mutated lines), and every problem is still reported by the one reader that words problems.
 * Stateless and thread-safe.
 */
final class StudentStreamReader {
    /** Thrown inside to give up on a line; never escapes. */
    private static final class NotPlain extends Exception {
        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final NotPlain NOT_PLAIN = new NotPlain();

    private static final AbsenceType[] ABSENCE_TYPES = AbsenceType.values();
    private static final AbsenceReason[] ABSENCE_REASONS = AbsenceReason.values();
    private static final ContactRole[] CONTACT_ROLES = ContactRole.values();
    private static final PhoneStatus[] PHONE_STATUSES = PhoneStatus.values();
    private static final MeetingType[] MEETING_TYPES = MeetingType.values();
    private static final OutreachKind[] OUTREACH_KINDS = OutreachKind.values();
    private static final OutreachOutcome[] OUTREACH_OUTCOMES = OutreachOutcome.values();
    private static final Owner[] OWNERS = Owner.values();
    /** Each object's keys in the order files usually give them (the contract's, the generator's): see {@link #key}. */
    private static final SerializedString[] STUDENT_KEYS = keys("studentId", "firstName", "lastName", "grade",
            "enrolledOn", "withdrawnOn", "context", "contacts", "absences", "priorYearAbsenceRate", "mentor", "meetings", "outreach",
            "interventions");
    private static final SerializedString[] CONTEXT_KEYS = keys("fosterCare", "iep", "englishLearner", "homeLanguage", "homeless",
            "juvenileJustice", "newToSchool");
    private static final SerializedString[] CONTACT_KEYS = keys("role", "relationship", "name", "phone", "phoneStatus", "language");
    private static final SerializedString[] ABSENCE_KEYS = keys("date", "type", "reason", "portion");
    private static final SerializedString[] MENTOR_KEYS = keys("assignedOn", "familyIntroducedOn");
    private static final SerializedString[] MEETING_KEYS = keys("type", "date");
    private static final SerializedString[] OUTREACH_KEYS = keys("date", "kind", "outcome", "positive", "by", "contactRole");
    private static final SerializedString[] INTERVENTION_KEYS = keys("intervention", "startedOn", "endedOn");

    private StudentStreamReader() {
    }

    /**
     * The student on this line (already known to be UTF-8), or null when it is not plainly right
     * and must be read the careful way.
     */
    static Student read(JsonFactory json, byte[] line, int length) {
        try (JsonParser p = json.createParser(line, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Student s = student(p);
            if (p.nextToken() != null) {
                return null; // something after the object: the careful reader says what
            }
            InputCheck.student(s);
            return s;
        } catch (NotPlain | IOException | RuntimeException e) {
            return null;
        }
    }

    private static Student student(JsonParser p) throws IOException, NotPlain {
        String id = null;
        String grade = null;
        LocalDate enrolledOn = null;
        LocalDate withdrawnOn = null;
        StudentContext context = StudentContext.NONE;
        List<Contact> contacts = List.of();
        List<Absence> absences = List.of();
        Double prior = null;
        Mentor mentor = null;
        List<Meeting> meetings = List.of();
        List<OutreachRecord> outreach = List.of();
        List<Intervention> interventions = List.of();
        String firstName = null;
        String lastName = null;
        int seen = 0; // each key once (the careful reader words a key given twice)
        for (String name = key(p, STUDENT_KEYS, null); name != null; name = key(p, STUDENT_KEYS, name)) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "studentId" -> {
                    seen = once(seen, 1);
                    id = text(p, t);
                }
                case "grade" -> {
                    seen = once(seen, 2);
                    grade = text(p, t);
                }
                case "enrolledOn" -> {
                    seen = once(seen, 4);
                    enrolledOn = date(p, t);
                }
                case "withdrawnOn" -> {
                    seen = once(seen, 8);
                    withdrawnOn = date(p, t);
                }
                case "context" -> {
                    seen = once(seen, 16);
                    context = t == JsonToken.VALUE_NULL ? StudentContext.NONE : context(p, t);
                }
                case "contacts" -> {
                    seen = once(seen, 32);
                    contacts = contacts(p, t);
                }
                case "absences" -> {
                    seen = once(seen, 64);
                    absences = absences(p, t);
                }
                case "priorYearAbsenceRate" -> {
                    seen = once(seen, 128);
                    prior = number(p, t);
                }
                case "mentor" -> {
                    seen = once(seen, 256);
                    mentor = t == JsonToken.VALUE_NULL ? null : mentor(p, t);
                }
                case "meetings" -> {
                    seen = once(seen, 512);
                    meetings = meetings(p, t);
                }
                case "outreach" -> {
                    seen = once(seen, 1024);
                    outreach = outreach(p, t);
                }
                case "interventions" -> {
                    seen = once(seen, 2048);
                    interventions = interventions(p, t);
                }
                case "firstName" -> {
                    seen = once(seen, 4096);
                    firstName = text(p, t);
                }
                case "lastName" -> {
                    seen = once(seen, 8192);
                    lastName = text(p, t);
                }
                default -> throw NOT_PLAIN; // unknown: a warning the careful reader gives
            }
        }
        if (id == null || id.isBlank()) {
            throw NOT_PLAIN;
        }
        return Student.builder(id).grade(grade).enrolledOn(enrolledOn).withdrawnOn(withdrawnOn).context(context)
                .contacts(contacts).absences(absences).priorYearAbsenceRate(prior).mentor(mentor).meetings(meetings)
                .outreach(outreach).name(firstName, lastName).interventions(interventions).build();
    }

    private static StudentContext context(JsonParser p, JsonToken t) throws IOException, NotPlain {
        expect(t, JsonToken.START_OBJECT);
        StudentContext.Builder c = StudentContext.builder();
        int seen = 0; // each key once (the careful reader words a key given twice)
        for (String name = key(p, CONTEXT_KEYS, null); name != null; name = key(p, CONTEXT_KEYS, name)) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "fosterCare" -> {
                    seen = once(seen, 1);
                    c.fosterCare(flag(v));
                }
                case "iep" -> {
                    seen = once(seen, 2);
                    c.iep(flag(v));
                }
                case "englishLearner" -> {
                    seen = once(seen, 4);
                    c.englishLearner(flag(v));
                }
                case "homeLanguage" -> {
                    seen = once(seen, 8);
                    c.homeLanguage(language(p, v));
                }
                case "homeless" -> {
                    seen = once(seen, 16);
                    c.homeless(flag(v));
                }
                case "juvenileJustice" -> {
                    seen = once(seen, 32);
                    c.juvenileJustice(flag(v));
                }
                case "newToSchool" -> {
                    seen = once(seen, 64);
                    c.newToSchool(flag(v));
                }
                default -> throw NOT_PLAIN;
            }
        }
        return c.build();
    }

    /** One object read from the parser, positioned just after its '{'. */
    @FunctionalInterface
    private interface ObjectReader<T> {
        T read(JsonParser p) throws IOException, NotPlain;
    }

    /** A list of objects ({@code null}: none), each read by {@code element}. */
    private static <T> List<T> list(JsonParser p, JsonToken t, int expected, ObjectReader<T> element) throws IOException, NotPlain {
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        expect(t, JsonToken.START_ARRAY);
        List<T> out = new ArrayList<>(expected);
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            expect(e, JsonToken.START_OBJECT);
            out.add(element.read(p));
        }
        return out;
    }

    private static List<Contact> contacts(JsonParser p, JsonToken t) throws IOException, NotPlain {
        return list(p, t, 2, StudentStreamReader::contact);
    }

    private static Contact contact(JsonParser p) throws IOException, NotPlain {
        ContactRole role = null;
        String relationship = null;
        String name = null;
        String phone = null;
        PhoneStatus status = null;
        String language = null;
        int seen = 0; // each key once (the careful reader words a key given twice)
        for (String key = key(p, CONTACT_KEYS, null); key != null; key = key(p, CONTACT_KEYS, key)) {
            JsonToken v = p.nextToken();
            switch (key) {
                case "role" -> {
                    seen = once(seen, 1);
                    role = code(p, v, CONTACT_ROLES);
                }
                case "relationship" -> {
                    seen = once(seen, 2);
                    relationship = text(p, v);
                }
                case "name" -> {
                    seen = once(seen, 4);
                    name = text(p, v);
                }
                case "phone" -> {
                    seen = once(seen, 8);
                    phone = text(p, v);
                }
                case "phoneStatus" -> {
                    seen = once(seen, 16);
                    status = code(p, v, PHONE_STATUSES);
                }
                case "language" -> {
                    seen = once(seen, 32);
                    language = language(p, v);
                }
                default -> throw NOT_PLAIN;
            }
        }
        if (role == null) {
            throw NOT_PLAIN;
        }
        return new Contact(role, relationship, name, phone, status, language);
    }

    private static List<Absence> absences(JsonParser p, JsonToken t) throws IOException, NotPlain {
        return list(p, t, 16, StudentStreamReader::absence);
    }

    private static Absence absence(JsonParser p) throws IOException, NotPlain {
        LocalDate date = null;
        AbsenceType type = null;
        AbsenceReason reason = null;
        Double portion = null;
        int seen = 0; // each key once (the careful reader words a key given twice)
        for (String key = key(p, ABSENCE_KEYS, null); key != null; key = key(p, ABSENCE_KEYS, key)) {
            JsonToken v = p.nextToken();
            switch (key) {
                case "date" -> {
                    seen = once(seen, 1);
                    date = date(p, v);
                }
                case "type" -> {
                    seen = once(seen, 2);
                    type = code(p, v, ABSENCE_TYPES);
                }
                case "reason" -> {
                    seen = once(seen, 4);
                    reason = code(p, v, ABSENCE_REASONS);
                }
                case "portion" -> {
                    seen = once(seen, 8);
                    portion = number(p, v);
                }
                default -> throw NOT_PLAIN;
            }
        }
        if (date == null || type == null || (portion != null && !(portion > 0 && portion <= 1))) {
            throw NOT_PLAIN;
        }
        return new Absence(date, type, reason, portion == null ? 1.0 : portion);
    }

    private static Mentor mentor(JsonParser p, JsonToken t) throws IOException, NotPlain {
        expect(t, JsonToken.START_OBJECT);
        LocalDate assigned = null;
        LocalDate introduced = null;
        int seen = 0; // each key once (the careful reader words a key given twice)
        for (String key = key(p, MENTOR_KEYS, null); key != null; key = key(p, MENTOR_KEYS, key)) {
            JsonToken v = p.nextToken();
            switch (key) {
                case "assignedOn" -> {
                    seen = once(seen, 1);
                    assigned = date(p, v);
                }
                case "familyIntroducedOn" -> {
                    seen = once(seen, 2);
                    introduced = date(p, v);
                }
                default -> throw NOT_PLAIN;
            }
        }
        if (assigned == null) {
            throw NOT_PLAIN;
        }
        return new Mentor(assigned, introduced);
    }

    private static List<Meeting> meetings(JsonParser p, JsonToken t) throws IOException, NotPlain {
        return list(p, t, 1, StudentStreamReader::meeting);
    }

    private static Meeting meeting(JsonParser p) throws IOException, NotPlain {
        MeetingType type = null;
        LocalDate date = null;
        int seen = 0; // each key once (the careful reader words a key given twice)
        for (String key = key(p, MEETING_KEYS, null); key != null; key = key(p, MEETING_KEYS, key)) {
            JsonToken v = p.nextToken();
            switch (key) {
                case "type" -> {
                    seen = once(seen, 1);
                    type = code(p, v, MEETING_TYPES);
                }
                case "date" -> {
                    seen = once(seen, 2);
                    date = date(p, v);
                }
                default -> throw NOT_PLAIN;
            }
        }
        if (type == null || date == null) {
            throw NOT_PLAIN;
        }
        return new Meeting(type, date);
    }

    private static List<OutreachRecord> outreach(JsonParser p, JsonToken t) throws IOException, NotPlain {
        return list(p, t, 4, StudentStreamReader::outreachRecord);
    }

    private static OutreachRecord outreachRecord(JsonParser p) throws IOException, NotPlain {
        LocalDate date = null;
        OutreachKind kind = null;
        OutreachOutcome outcome = null;
        boolean positive = false;
        ContactRole role = null;
        int seen = 0; // each key once (the careful reader words a key given twice)
        for (String key = key(p, OUTREACH_KEYS, null); key != null; key = key(p, OUTREACH_KEYS, key)) {
            JsonToken v = p.nextToken();
            switch (key) {
                case "date" -> {
                    seen = once(seen, 1);
                    date = date(p, v);
                }
                case "kind" -> {
                    seen = once(seen, 2);
                    kind = code(p, v, OUTREACH_KINDS);
                }
                case "outcome" -> {
                    seen = once(seen, 4);
                    outcome = code(p, v, OUTREACH_OUTCOMES);
                }
                case "positive" -> {
                    seen = once(seen, 8);
                    positive = flag(v);
                }
                case "by" -> {
                    seen = once(seen, 16);
                    code(p, v, OWNERS); // checked, not used by the plan yet
                }
                case "contactRole" -> {
                    seen = once(seen, 32);
                    role = code(p, v, CONTACT_ROLES);
                }
                default -> throw NOT_PLAIN;
            }
        }
        if (kind == null || date == null) {
            throw NOT_PLAIN;
        }
        return new OutreachRecord(date, kind, outcome, positive, role);
    }

    private static List<Intervention> interventions(JsonParser p, JsonToken t) throws IOException, NotPlain {
        return list(p, t, 2, StudentStreamReader::intervention);
    }

    private static Intervention intervention(JsonParser p) throws IOException, NotPlain {
        String practice = null;
        LocalDate started = null;
        LocalDate ended = null;
        int seen = 0; // each key once (the careful reader words a key given twice)
        for (String key = key(p, INTERVENTION_KEYS, null); key != null; key = key(p, INTERVENTION_KEYS, key)) {
            JsonToken v = p.nextToken();
            switch (key) {
                case "intervention" -> {
                    seen = once(seen, 1);
                    practice = text(p, v);
                }
                case "startedOn" -> {
                    seen = once(seen, 2);
                    started = date(p, v);
                }
                case "endedOn" -> {
                    seen = once(seen, 4);
                    ended = date(p, v);
                }
                default -> throw NOT_PLAIN;
            }
        }
        if (practice == null || started == null) {
            throw NOT_PLAIN;
        }
        return new Intervention(practice, started, ended);
    }

    // ---- values: as JsonFields reads them, giving up wherever it would complain ----------------------

    /** {@code seen} with {@code bit} added; gives up when it was there (a key twice in one object). */
    private static SerializedString[] keys(String... names) {
        SerializedString[] out = new SerializedString[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = new SerializedString(names[i]);
        }
        return out;
    }

    /**
     * The next key of the object being read, after {@code previous} (null: its first key), or null at
     * its end. The key that usually comes next ({@code usual}, the one after {@code previous}) is
     * matched on the parser's bytes ({@link JsonParser#nextFieldName(com.fasterxml.jackson.core.SerializableString)},
     * no name decoded or looked up); any other key is read as usual. Either way the key is the key.
     */
    private static String key(JsonParser p, SerializedString[] usual, String previous) throws IOException {
        int next = 0;
        if (previous != null) {
            next = usual.length;
            for (int i = 0; i < usual.length; i++) {
                if (usual[i].getValue().equals(previous)) { // the same instance, usually: equals checks that first
                    next = i + 1;
                    break;
                }
            }
        }
        if (next == usual.length) {
            return p.nextFieldName();
        }
        if (p.nextFieldName(usual[next])) {
            return usual[next].getValue();
        }
        return p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : null;
    }

    private static int once(int seen, int bit) throws NotPlain {
        if ((seen & bit) != 0) {
            throw NOT_PLAIN;
        }
        return seen | bit;
    }

    private static void expect(JsonToken t, JsonToken wanted) throws NotPlain {
        if (t != wanted) {
            throw NOT_PLAIN;
        }
    }

    /** A string (null for JSON null), without half a surrogate pair. */
    private static String text(JsonParser p, JsonToken t) throws IOException, NotPlain {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(t, JsonToken.VALUE_STRING);
        String s = p.getText();
        if (PlainText.hasUnpairedSurrogate(s)) {
            throw NOT_PLAIN;
        }
        return s;
    }

    private static boolean flag(JsonToken t) throws NotPlain {
        if (t == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (t == JsonToken.VALUE_FALSE || t == JsonToken.VALUE_NULL) {
            return false;
        }
        throw NOT_PLAIN;
    }

    /** One of {@code values} by its exact name, matched on the parser's characters (no string made). */
    private static <E extends Enum<E>> E code(JsonParser p, JsonToken t, E[] values) throws IOException, NotPlain {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(t, JsonToken.VALUE_STRING);
        char[] c = p.getTextCharacters();
        int o = p.getTextOffset();
        int n = p.getTextLength();
        for (E e : values) {
            String name = e.name();
            if (name.length() == n && matches(name, c, o)) {
                return e;
            }
        }
        throw NOT_PLAIN;
    }

    private static boolean matches(String name, char[] c, int o) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) != c[o + i]) {
                return false;
            }
        }
        return true;
    }

    /** A number as the tree has it ({@code doubleValue} of an int, long or double node), finite. */
    private static Double number(JsonParser p, JsonToken t) throws IOException, NotPlain {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        double d;
        if (t == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = p.getNumberType();
            if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
                throw NOT_PLAIN;
            }
            d = p.getLongValue();
        } else if (t == JsonToken.VALUE_NUMBER_FLOAT && p.getNumberTypeFP() == JsonParser.NumberTypeFP.UNKNOWN) {
            d = p.getDoubleValue();
        } else {
            throw NOT_PLAIN;
        }
        if (!Double.isFinite(d)) {
            throw NOT_PLAIN;
        }
        return d;
    }

    /** A date: {@code YYYY-MM-DD} read from the parser's characters, in the years {@code InputCheck} allows. */
    private static LocalDate date(JsonParser p, JsonToken t) throws IOException, NotPlain {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(t, JsonToken.VALUE_STRING);
        if (p.getTextLength() != 10) {
            throw NOT_PLAIN;
        }
        char[] c = p.getTextCharacters();
        int o = p.getTextOffset();
        if (c[o + 4] != '-' || c[o + 7] != '-') {
            throw NOT_PLAIN;
        }
        int y = digits(c, o, 4);
        int m = digits(c, o + 5, 2);
        int d = digits(c, o + 8, 2);
        if (y < InputCheck.FIRST_YEAR || y > InputCheck.LAST_YEAR || m < 1 || m > 12 || d < 1 || d > 28 && d > lengthOfMonth(y, m)) {
            throw NOT_PLAIN;
        }
        return LocalDate.of(y, m, d);
    }

    private static int lengthOfMonth(int y, int m) {
        return switch (m) {
            case 2 -> java.time.Year.isLeap(y) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static int digits(char[] c, int from, int count) throws NotPlain {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int k = c[i] - '0';
            if (k < 0 || k > 9) {
                throw NOT_PLAIN;
            }
            v = v * 10 + k;
        }
        return v;
    }

    /** A language field: a tag, ISO 639 code or English name, as its tag ({@link SchoolFileReader#knownLanguage}). */
    private static String language(JsonParser p, JsonToken t) throws IOException, NotPlain {
        String v = text(p, t);
        if (v == null) {
            return null;
        }
        if (v.isBlank()) {
            throw NOT_PLAIN;
        }
        return SchoolFileReader.knownLanguage(v, "language");
    }
}
