package org.attendanceoutreach.read;

import org.attendanceoutreach.csv.CsvSchoolReader;
import org.attendanceoutreach.edfi.DescriptorMap;
import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.school.AbsenceType;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.SchoolCalendar;
import org.attendanceoutreach.school.Student;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one redaction rule ({@link Shown}) in every reader: a phone number or a one-word name put in
 * a coded field (an absence type, a contact role, a grade, a language, a date, a rate, an Ed-Fi
 * descriptor) is never quoted in an error; a near miss of a code still is, so the message says what
 * to fix; no key's value is echoed; unknown keys are named cut short and escaped; the same warning
 * comes a bounded number of times, then is counted.
 *
 * <p>Shown to catch: {@code Shown.code} quoting every value (the phone numbers and names in enum
 * fields came out in the messages: the reader, CSV and Ed-Fi cases failed), the old pattern-based
 * rule ({@code [A-Z0-9_./:+\-]{1,40}} let {@code 555-867-5309}, {@code GARCIA} and {@code maria}
 * through), and {@link Warnings} passing every warning on (300,000 lines).
 */
class RedactionTest {
    /** What a clumsy export puts in the wrong column: phone numbers, and names of one word. */
    static final List<String> PERSONAL = List.of("555-867-5309", "+1 555 867 5309", "5558675309", "Maria", "maria", "GARCIA");

    private static void assertNoPersonalData(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        for (String p : PERSONAL) {
            assertFalse(m.contains(p.toLowerCase(Locale.ROOT)), "quoted '" + p + "': " + message);
        }
        assertFalse(m.contains("867"), "part of a phone number: " + message);
    }

    @Test
    void nearMissesOfCodesAreQuotedFreeValuesAreNot() {
        assertEquals("'UNEXCUSD'", Shown.code("UNEXCUSD", AbsenceType.class));
        assertEquals("'unexcused-'", Shown.code("unexcused-", AbsenceType.class));
        assertEquals("'13'", Shown.code("13", Student.GRADES));
        assertEquals("'2026-02-30'", Shown.date("2026-02-30"));
        assertEquals("'11/20/2026'", Shown.date("11/20/2026"));
        assertEquals("'2026-11-20T08:00:00'", Shown.date("2026-11-20T08:00:00"));
        assertEquals("'es_MX'", Shown.language("es_MX"));
        assertEquals("1.5", Shown.number(1.5));
        assertEquals("'140%'", Shown.number("140%"));
        assertEquals("'uri://ed-fi.org/RelationDescriptor#Uncle'", Shown.descriptor("uri://ed-fi.org/RelationDescriptor#Uncle", List.of()));
        for (String p : PERSONAL) {
            for (String shown : List.of(Shown.code(p, AbsenceType.class), Shown.code(p, Student.GRADES), Shown.date(p),
                    Shown.language(p), Shown.number(p), Shown.descriptor(p, List.of("mother", "father")))) {
                assertTrue(shown.startsWith("the value given (") || shown.equals("the number given"), shown);
                assertNoPersonalData(shown);
            }
        }
        assertEquals("the number given", Shown.number(5558675309.0));
        assertEquals("the value given (12 characters, not shown)", Shown.code("call the aunt".substring(0, 12), AbsenceType.class));
    }

    @Test
    void keysAreNamedCutShortAndEscaped() {
        String key = "x\u001b[31m" + "y".repeat(500);
        String shown = Shown.key(key);
        assertTrue(shown.length() <= Shown.MAX_KEY, shown);
        assertFalse(shown.contains("\u001b"), shown);
        assertTrue(shown.startsWith("x\\u001b[31m"), shown);
    }

    /** One student per coded field of a school file, each holding a personal value. */
    @Test
    void theSchoolFileReaderNeverQuotesAPersonalValueFromACodedField() throws Exception {
        String[] fields = {
            "\"absences\": [{\"date\": \"2026-11-20\", \"type\": \"%s\"}]",
            "\"absences\": [{\"date\": \"2026-11-20\", \"type\": \"EXCUSED\", \"reason\": \"%s\"}]",
            "\"absences\": [{\"date\": \"%s\", \"type\": \"EXCUSED\"}]",
            "\"contacts\": [{\"role\": \"%s\"}]",
            "\"contacts\": [{\"role\": \"PARENT\", \"phoneStatus\": \"%s\"}]",
            "\"contacts\": [{\"role\": \"PARENT\", \"language\": \"%s\"}]",
            "\"meetings\": [{\"type\": \"%s\", \"date\": \"2026-12-01\"}]",
            "\"meetings\": [{\"type\": \"IEP\", \"date\": \"%s\"}]",
            "\"outreach\": [{\"kind\": \"%s\", \"date\": \"2026-11-02\"}]",
            "\"outreach\": [{\"kind\": \"LETTER\", \"outcome\": \"%s\", \"date\": \"2026-11-02\"}]",
            "\"grade\": \"%s\"",
            "\"enrolledOn\": \"%s\"",
            "\"withdrawnOn\": \"%s\"",
            "\"context\": {\"homeLanguage\": \"%s\"}",
            "\"mentor\": {\"assignedOn\": \"%s\"}",
        };
        int errors = 0;
        for (String personal : PERSONAL) {
            StringBuilder students = new StringBuilder();
            for (int i = 0; i < fields.length; i++) {
                students.append(i == 0 ? "" : ",").append("{\"studentId\": \"B-").append(i).append("\", ")
                        .append(String.format(Locale.ROOT, fields[i], personal)).append("}");
            }
            students.append(", {\"studentId\": \"R-1\", \"priorYearAbsenceRate\": 5558675309}");
            students.append(", {\"studentId\": \"R-2\", \"absences\": [{\"date\": \"2026-11-20\", \"type\": \"EXCUSED\", \"portion\": 5558675309}]}");
            SchoolFile f = read(students.toString());
            for (StudentInput s : f.students()) {
                assertFalse(s.ok(), s.key() + " with " + personal + " was read");
                assertNoPersonalData(s.error().toString());
                errors++;
            }
        }
        assertEquals(PERSONAL.size() * (fields.length + 2), errors);
        // a near miss is still shown, so the message says what to fix
        SchoolFile near = read("{\"studentId\": \"N-1\", \"absences\": [{\"date\": \"2026-11-20\", \"type\": \"UNEXCUSD\"}]},"
                + " {\"studentId\": \"N-2\", \"enrolledOn\": \"2026-02-30\"}, {\"studentId\": \"N-3\", \"context\": {\"homeLanguage\": \"es_MX\"}}");
        assertTrue(near.students().get(0).error().message().startsWith("'UNEXCUSD' is not one of"), near.students().get(0).error().toString());
        assertTrue(near.students().get(1).error().message().startsWith("'2026-02-30' is not a date"), near.students().get(1).error().toString());
        assertTrue(near.students().get(2).error().message().startsWith("'es_MX' is not a language tag"), near.students().get(2).error().toString());
    }

    @Test
    void theCsvReaderNeverQuotesAPersonalValueFromACodedColumn() throws Exception {
        String[] rosterColumns = {"grade", "homeLanguage", "priorYearAbsenceRate", "flags", "contact1Role", "contact1PhoneStatus",
            "contact1Language", "enrolledOn", "meetings", "mentorAssignedOn", "fosterCare"};
        String[] attendanceColumns = {"date", "code", "reason", "portion"};
        for (String personal : PERSONAL) {
            StringBuilder roster = new StringBuilder("studentId," + String.join(",", rosterColumns) + "\n");
            for (int i = 0; i < rosterColumns.length; i++) {
                roster.append("R-").append(i);
                for (String column : rosterColumns) {
                    String value = column.equals(rosterColumns[i]) ? personal : column.equals("contact1Role") ? "PARENT" : "";
                    roster.append(',').append(value);
                }
                roster.append('\n');
            }
            StringBuilder attendance = new StringBuilder("studentId," + String.join(",", attendanceColumns) + "\n");
            for (int i = 0; i < attendanceColumns.length; i++) {
                roster.append("A-").append(i).append(",".repeat(rosterColumns.length)).append('\n');
                String[] row = {"2026-11-20", "U", "", ""};
                row[i] = personal;
                attendance.append("A-").append(i).append(',').append(String.join(",", row)).append('\n');
            }
            SchoolFile f = new CsvSchoolReader().read(school(), "roster.csv", new StringReader(roster.toString()), "attendance.csv",
                    new StringReader(attendance.toString()), List.of());
            int failed = 0;
            for (StudentInput s : f.students()) {
                if (!s.ok()) {
                    assertNoPersonalData(s.error().toString());
                    failed++;
                }
            }
            // a language no ISO 639 table knows is a warning (the student is evaluated, with an interpreter), not an error
            assertEquals(rosterColumns.length - 2 + attendanceColumns.length, failed, personal + ": " + f.students());
            assertEquals(2, f.warnings().size(), f.warnings().toString());
            f.warnings().forEach(w -> assertNoPersonalData(w.toString()));
        }
    }

    @Test
    void edFiDescriptorsThatAreNotDescriptorsAreNotQuoted() {
        DescriptorMap map = DescriptorMap.defaults();
        int checked = 0;
        for (DescriptorMap.Kind kind : DescriptorMap.Kind.values()) {
            for (String personal : PERSONAL) {
                try {
                    map.map(kind, personal);
                } catch (DescriptorMap.UnknownDescriptorException e) {
                    assertNoPersonalData(e.getMessage());
                    checked++;
                }
                try {
                    map.map(kind, "uri://ed-fi.org/" + personal);
                } catch (DescriptorMap.UnknownDescriptorException e) {
                    assertNoPersonalData(e.getMessage());
                }
            }
        }
        assertTrue(checked > 20, "most personal values are no descriptor of any kind: " + checked);
        DescriptorMap.UnknownDescriptorException e = org.junit.jupiter.api.Assertions.assertThrows(DescriptorMap.UnknownDescriptorException.class,
                () -> map.map(DescriptorMap.Kind.RELATION, "uri://district.example.org/RelationDescriptor#Neighbor"));
        assertTrue(e.getMessage().contains("'uri://district.example.org/RelationDescriptor#Neighbor'"), "a descriptor URI is named: " + e.getMessage());
    }

    /** 300,000 unknown keys: ten warnings and one that counts the rest, not 300,000 lines. */
    @Test
    void theSameWarningComesTenTimesThenIsCounted() throws Exception {
        StringBuilder student = new StringBuilder("{\"studentId\": \"S-1\"");
        for (int i = 0; i < 300_000; i++) {
            student.append(", \"k").append(i).append("\": 1");
        }
        student.append("}");
        SchoolFile f = read(student.toString());
        assertTrue(f.students().get(0).ok());
        assertEquals(Warnings.SHOWN_PER_KIND + 1, f.warnings().size(), f.warnings().subList(0, 3).toString());
        assertEquals("s.json: … and 299,990 more warnings like \"unknown field, ignored\" in this file, not shown",
                f.warnings().get(Warnings.SHOWN_PER_KIND).toString());
        assertEquals("s.json: student S-1: k0: unknown field, ignored", f.warnings().get(0).toString());

        // a JSON-lines file: bounded as it streams, counted when it ends
        StringBuilder lines = new StringBuilder("{\"asOf\": \"2026-11-20\", \"calendar\": {\"firstDay\": \"2026-09-08\", \"lastDay\": \"2027-06-25\"}}\n");
        for (int i = 0; i < 1_000; i++) {
            lines.append("{\"studentId\": \"S-").append(i).append("\", \"nickname\": \"x\"}\n");
        }
        List<InputProblem> warnings = new ArrayList<>();
        int read = 0;
        try (SchoolLines in = new SchoolFileReader().openLines("d.jsonl",
                new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)), warnings::add)) {
            while (in.hasNext()) {
                in.next();
                read++;
            }
        }
        assertEquals(1_000, read);
        assertEquals(Warnings.SHOWN_PER_KIND + 1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(Warnings.SHOWN_PER_KIND).message().startsWith("… and 990 more warnings like"), warnings.toString());
    }

    private static School school() {
        return new School("PS-1", LocalDate.of(2026, 11, 20),
                new SchoolCalendar(LocalDate.of(2026, 9, 8), LocalDate.of(2027, 6, 25), Set.of()), "en", List.of());
    }

    private static SchoolFile read(String students) throws SchoolFileException {
        String json = "{\"asOf\": \"2026-11-20\", \"calendar\": {\"firstDay\": \"2026-09-08\", \"lastDay\": \"2027-06-25\"}, \"students\": ["
                + students + "]}";
        return new SchoolFileReader().read("s.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
