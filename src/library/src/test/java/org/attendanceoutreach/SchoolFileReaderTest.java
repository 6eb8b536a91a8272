package org.attendanceoutreach;

import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.read.StudentInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gets an error naming file, student and field; the other students are still read. */
class SchoolFileReaderTest {
    private static final String HEAD = """
            {"schoolId": "T", "asOf": "2026-11-20",
             "calendar": {"firstDay": "2026-09-08", "lastDay": "2027-06-25", "closedDays": ["2026-11-11"]},
             "students": [
               {"studentId": "GOOD-1", "contacts": [{"role": "PARENT", "name": "Secret Name", "phone": "555-0199"}]},
            """;
    private static final String TAIL = """
               ,{"studentId": "GOOD-2"}
             ]}
            """;

    private final SchoolFileReader reader = new SchoolFileReader();

    private SchoolFile read(String json) throws SchoolFileException {
        return reader.read("test.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown enum | {'studentId': 'BAD', 'absences': [{'date': '2026-11-02', 'type': 'SKIPPED'}]} | absences[0].type | not one of",
            "not a date | {'studentId': 'BAD', 'absences': [{'date': '2026-13-02', 'type': 'EXCUSED'}]} | absences[0].date | not a date",
            "rate above 1 | {'studentId': 'BAD', 'priorYearAbsenceRate': 1.4} | priorYearAbsenceRate | outside 0",
            "wrong type | {'studentId': 'BAD', 'context': {'fosterCare': 'yes'}} | context.fosterCare | expected true or false",
            "portion | {'studentId': 'BAD', 'absences': [{'date': '2026-11-02', 'type': 'EXCUSED', 'portion': 2}]} | absences[0].portion | outside the range",
            "grade | {'studentId': 'BAD', 'grade': '13'} | grade | not a grade",
            "withdrawn first | {'studentId': 'BAD', 'enrolledOn': '2026-10-01', 'withdrawnOn': '2026-09-20'} | withdrawnOn | after enrolledOn",
            "role missing | {'studentId': 'BAD', 'contacts': [{'name': 'Secret Name'}]} | contacts[0].role | is required",
            "language | {'studentId': 'BAD', 'context': {'homeLanguage': 'Spanish please'}} | context.homeLanguage | not a language tag",
    })
    void aBadStudentIsReportedByFieldAndTheOthersAreStillRead(String name, String student, String field, String message) throws Exception {
        SchoolFile file = read(HEAD + student.replace('\'', '"') + TAIL);
        assertEquals(3, file.students().size());
        StudentInput bad = file.students().get(1);
        assertFalse(bad.ok());
        InputProblem p = bad.error();
        assertEquals("test.json", p.file());
        assertEquals("BAD", p.studentId());
        assertEquals(field, p.field());
        assertTrue(p.message().contains(message), p.message());
        assertTrue(file.students().get(0).ok() && file.students().get(2).ok());
    }

    @Test
    void languagesMayBeGivenAsTagsIsoCodesOrEnglishNamesAndComeOutAsTags() throws Exception {
        SchoolFile file = read(HEAD.replace("\"asOf\"", "\"schoolLanguage\": \"English\", \"asOf\"")
                + "{\"studentId\": \"L\", \"context\": {\"homeLanguage\": \"Navajo; Navaho\"},"
                + " \"contacts\": [{\"role\": \"PARENT\", \"language\": \"spa\"}, {\"role\": \"OTHER\", \"language\": \"es-MX\"}]}" + TAIL);
        assertEquals("en", file.school().schoolLanguage());
        StudentInput l = file.students().get(1);
        assertTrue(l.ok(), String.valueOf(l.error()));
        assertEquals("nv", l.student().context().homeLanguage());
        assertEquals("es", l.student().contacts().get(0).language());
        assertEquals("es-MX", l.student().contacts().get(1).language());
    }

    @Test
    void aStudentWithoutAnIdIsNamedByItsPosition() throws Exception {
        SchoolFile file = read(HEAD + "{\"grade\": \"K\"}" + TAIL);
        InputProblem p = file.students().get(1).error();
        assertEquals("students[1].studentId", p.field());
        assertTrue(p.toString().startsWith("test.json: students[1].studentId: "), p.toString());
    }

    @Test
    void aRepeatedStudentIdRejectsEveryEntryWithIt() throws Exception {
        SchoolFile file = read(HEAD + "{\"studentId\": \"GOOD-1\"}" + TAIL);
        assertFalse(file.students().get(0).ok());
        assertFalse(file.students().get(1).ok());
        assertTrue(file.students().get(2).ok());
        assertEquals("studentId", file.students().get(0).error().field());
    }

    @Test
    void malformedJsonNamesTheFileAndLineButNoContent() {
        SchoolFileException e = assertThrows(SchoolFileException.class,
                () -> read(HEAD + "{\"studentId\": \"X\", \"contacts\": [{\"name\": Secret Name}]}" + TAIL));
        assertTrue(e.getMessage().startsWith("test.json: is not valid JSON at line 5"), e.getMessage());
        assertFalse(e.getMessage().contains("Secret"), e.getMessage());
    }

    @Test
    void anEmptyFileATruncatedFileAndNonUtf8AreClearErrors() {
        assertTrue(assertThrows(SchoolFileException.class, () -> read("")).getMessage().contains("is empty"));
        assertTrue(assertThrows(SchoolFileException.class, () -> read(HEAD)).getMessage().contains("not valid JSON"));
        SchoolFileException latin1 = assertThrows(SchoolFileException.class, () -> reader.read("latin.json",
                new ByteArrayInputStream("{\"schoolId\": \"Jos\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1))));
        assertTrue(latin1.getMessage().contains("not UTF-8"), latin1.getMessage());
    }

    @Test
    void unknownFieldsAreWarnedAboutByNameOnly() throws Exception {
        SchoolFile file = read(HEAD + "{\"studentId\": \"S-9\", \"nickname\": \"Secret Name\"}" + TAIL);
        assertEquals(1, file.warnings().size());
        InputProblem w = file.warnings().get(0);
        assertEquals("nickname", w.field());
        assertEquals("S-9", w.studentId());
        assertFalse(w.toString().contains("Secret"));
    }

    @Test
    void noErrorMessageCarriesANameOrPhoneNumber() throws Exception {
        String json = HEAD + """
                {"studentId": "BAD", "contacts": [{"role": "AUNTIE", "name": "Secret Name", "phone": "555-0199",
                  "relationship": "Secret Relation"}]}""" + TAIL;
        SchoolFile file = read(json);
        String message = file.students().get(1).error().toString();
        assertFalse(message.contains("Secret") || message.contains("555-0199"), message);
    }
}
