package org.attendanceoutreach.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.attendanceoutreach.TestEngine;
import org.attendanceoutreach.catalog.Owner;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.school.ContactRole;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Today's calls, as a teacher uses them at 8 a.m.: by staff member, overdue first, one entry per family, in words. */
class CallListTest {
    static List<CallList.Call> calls(String file) throws Exception {
        SchoolFile f = new SchoolFileReader().read(Path.of(file));
        return CallList.of(f, TestEngine.get().evaluate(f), TestEngine.get().catalog());
    }

    static SchoolFile inline(String json) throws Exception {
        return new SchoolFileReader().read("inline.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    static CallList.Call of(List<CallList.Call> calls, String studentId) {
        return calls.stream().filter(c -> c.studentId().equals(studentId)).findFirst().orElseThrow(() -> new AssertionError(studentId + " is not listed"));
    }

    @Test
    void groupedByStaffMemberOverdueFirstOneEntryPerFamily() throws Exception {
        List<CallList.Call> calls = calls("fixtures/sample-school.json");
        assertTrue(calls.size() >= 15, calls.toString());
        Set<Owner> done = new HashSet<>();
        Set<String> students = new HashSet<>();
        for (int i = 0; i < calls.size(); i++) {
            CallList.Call c = calls.get(i);
            assertTrue(students.add(c.studentId()), "one entry per family: " + c.studentId());
            if (i > 0 && calls.get(i - 1).owner() != c.owner()) {
                assertTrue(done.add(calls.get(i - 1).owner()), "each staff member's calls together: " + calls.get(i - 1).owner());
            }
            assertFalse(done.contains(c.owner()), "each staff member's calls together: " + c.owner());
            if (i > 0 && calls.get(i - 1).owner() == c.owner()) {
                assertFalse(calls.get(i - 1).due().isAfter(c.due()), "overdue first, the longest overdue first: " + calls.get(i - 1) + " / " + c);
            }
            assertFalse(c.due().isAfter(c.asOf()), "only what is due by today: " + c);
            assertTrue(c.evaluated());
            assertFalse(c.reasons().isEmpty());
            assertEquals(c.interventions().size(), c.purposes().size());
        }
        long overdueTeacher = calls.stream().filter(c -> c.owner() == Owner.TEACHER && c.overdue()).count();
        assertTrue(overdueTeacher > 0 && calls.stream().filter(c -> c.owner() == Owner.TEACHER).findFirst().orElseThrow().overdue(),
                "the teacher's list starts with what is overdue");
    }

    @Test
    void aMergedEntrySaysWhomInWordsTheLanguageByNameWhatForTheFirstLineAndEveryReason() throws Exception {
        CallList.Call c = of(calls("fixtures/sample-school.json"), "S-1004");
        // S-1004: absent today, Spanish-speaking mother; today's call and the overdue monthly call are one call by the teacher
        assertEquals(Owner.TEACHER, c.owner());
        assertEquals(CallList.Task.CALL, c.task());
        assertEquals(ContactRole.PARENT, c.contactRole());
        assertEquals("Ana Reyes", c.contactName());
        assertEquals("Mateo Reyes", c.studentName(), "the child's name, to say on the call");
        assertEquals("Ana Reyes, mother (parent)", CallList.whom(c));
        assertEquals("es", c.language());
        assertEquals("Spanish", c.languageName());
        assertTrue(c.interpreterNeeded());
        assertEquals("in Spanish, with an adult interpreter", CallList.languageWords(c));
        assertEquals(Set.of("personal-call-home", "arrange-adult-interpreter", "same-day-return-problem-solving",
                "monthly-letter-and-follow-up-call"), Set.copyOf(c.interventions()));
        assertTrue(c.purposes().containsAll(List.of("Personal call home", "Monthly letter and follow-up call",
                "Help the family get the child in today", "Arrange an adult interpreter")), c.purposes().toString());
        // every reason of both practices: a merged entry never drops its second reason
        assertTrue(c.reasons().contains("absent today (unexcused, transportation)"), c.reasons().toString());
        assertTrue(c.reasons().contains("letter in Spanish with the days missed so far"), c.reasons().toString());
        assertEquals(c.reasons().size(), Set.copyOf(c.reasons()).size(), "each reason once");
        // absent today: the call opens with today, something warm, and "is everything OK?"
        assertEquals("Hello, we missed your child at school today, and wanted to check: is everything OK?", c.opening());
        assertTrue(c.overdue(), "the monthly call is overdue, so the entry is");
        assertTrue(c.phone() != null && !c.phone().isBlank());
    }

    @Test
    void theFirstLineFitsTheCall() throws Exception {
        List<CallList.Call> calls = calls("fixtures/sample-school.json");
        assertTrue(of(calls, "S-1007").opening().contains("plan a good return"), "a suspension: no 'we missed them', a good return");
        assertTrue(of(calls, "S-1009").opening().contains("missed the student"), "a foster parent is not told 'your child'");
        for (CallList.Call c : calls) {
            assertFalse(c.task() == CallList.Task.CALL && c.opening().isBlank(), "every call has a first line: " + c);
        }
    }

    @Test
    void withTheLettersTheFirstLineIsTheCallScriptsOpening() throws Exception {
        SchoolFile f = new SchoolFileReader().read(Path.of("fixtures/sample-school.json"));
        SchoolResult r = TestEngine.get().evaluate(f);
        org.attendanceoutreach.letters.Letters letters = org.attendanceoutreach.letters.Letters.of(TestEngine.get());
        List<CallList.Call> calls = CallList.of(f, r, TestEngine.get().catalog(), letters);
        CallList.Call c = of(calls, "S-1004");
        org.attendanceoutreach.school.Student s = f.students().stream().filter(in -> in.key().equals("S-1004")).findFirst()
                .orElseThrow().student();
        String script = letters.openingLine(f.school(), s, r.students().stream().filter(x -> x.studentId().equals("S-1004"))
                .findFirst().orElseThrow()).orElseThrow();
        assertEquals(CallList.unquoted(script), c.opening());
        assertTrue(c.opening().contains("is everything OK?") || c.opening().contains("Is everything OK?"), c.opening());
        assertFalse(c.opening().startsWith("\""), "without the script's quotation marks");
        // everything else is the same as without the letters
        List<CallList.Call> plain = calls("fixtures/sample-school.json");
        assertEquals(plain.size(), calls.size());
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(plain.get(i).withOpening(""), calls.get(i).withOpening(""));
        }
    }

    @Test
    void aFamilyWithoutAWorkingNumberIsAFindANumberTaskNeverACallWithoutANumber() throws Exception {
        List<CallList.Call> calls = calls("fixtures/sample-school.json");
        CallList.Call s1014 = of(calls, "S-1014");
        assertEquals(CallList.Task.FIND_NUMBER, s1014.task());
        assertNull(s1014.phone());
        assertEquals("find-working-phone-number", s1014.interventions().get(0));
        assertTrue(s1014.interventions().contains("monthly-letter-and-follow-up-call"), "the call it is for is kept: " + s1014);
        CallList.Call s1016 = of(calls, "S-1016");
        assertEquals(CallList.Task.FIND_NUMBER, s1016.task());
        assertNull(s1016.contactRole(), "no contact on file");
        assertEquals("Find a contact and a working number:", CallList.taskWords(s1016));
        for (CallList.Call c : calls) {
            assertEquals(c.phone() != null, c.task() == CallList.Task.CALL, "a call has a number, a task without one is not a call: " + c);
        }
        StringWriter table = new StringWriter();
        CallList.table(calls, table);
        assertFalse(table.toString().contains("(no working number)"), "no row is a call without a number");
        assertTrue(table.toString().contains("Find a number for Hoa Nguyen, mother (parent) · no working number: find one"), table.toString());
        assertTrue(table.toString().contains(" numbers to find"), table.toString());

        SchoolFile f = inline("""
                {"asOf": "2026-11-20", "calendar": {"firstDay": "2026-09-08", "lastDay": "2027-06-25"},
                 "students": [{"studentId": "N-1", "absences": [{"date": "2026-11-20", "type": "UNEXCUSED"}],
                   "contacts": [{"role": "PARENT", "phone": "555-0100", "phoneStatus": "DISCONNECTED"}]}]}
                """);
        CallList.Call n1 = CallList.of(f, TestEngine.get().evaluate(f), TestEngine.get().catalog()).get(0);
        assertEquals(CallList.Task.FIND_NUMBER, n1.task(), "a disconnected number is not offered");
        assertNull(n1.phone());
    }

    @Test
    void theEducationDecisionMakerIsCalledForAStudentInFosterCare() throws Exception {
        List<CallList.Call> calls = calls("fixtures/edfi-equivalent.json");
        CallList.Call edm = of(calls, "E-103");
        assertEquals(Owner.TEACHER, edm.owner());
        assertEquals(List.of("personal-call-home", "contact-education-decision-maker"), edm.interventions());
        assertEquals(ContactRole.EDUCATION_DECISION_MAKER, edm.contactRole());
        assertEquals("foster parent", edm.relationship());
        assertTrue(CallList.whom(edm).endsWith("foster parent (Education Decision Maker)"), CallList.whom(edm));
        assertEquals("555-0103", edm.phone());
        assertEquals(4, calls.size(), calls.toString());
    }

    /**
     * Issue 15: one Sunday absence in the record of a student absent today, who needs an interpreter,
     * must not take the student off the call list, in any format. Shown to catch: the call list that
     * skipped every student with an error (the student was missing from all three formats).
     */
    @Test
    void aStudentWhoCannotBeEvaluatedIsStillListedAndAbsentTodayStillCalled() throws Exception {
        SchoolFile f = inline("""
                {"schoolId": "PS-9", "asOf": "2026-11-20", "calendar": {"firstDay": "2026-09-08", "lastDay": "2027-06-25"},
                 "students": [
                   {"studentId": "X-1", "grade": "3", "context": {"homeLanguage": "es"},
                    "contacts": [{"role": "PARENT", "relationship": "mother", "name": "Rosa X", "phone": "555-0191", "phoneStatus": "WORKING"}],
                    "absences": [{"date": "2026-11-15", "type": "UNEXCUSED"}, {"date": "2026-11-20", "type": "UNEXCUSED", "reason": "TRANSPORTATION"}]},
                   {"studentId": "X-2", "grade": "4",
                    "contacts": [{"role": "PARENT", "relationship": "father", "name": "Ben X", "phone": "555-0192", "phoneStatus": "WORKING"}],
                    "absences": [{"date": "2026-11-15", "type": "UNEXCUSED"}]},
                   {"studentId": "X-3", "grade": "13"}
                 ]}
                """);
        SchoolResult r = TestEngine.get().evaluate(f);
        assertTrue(r.students().stream().allMatch(s -> s.isError()), "all three have an error: " + r.students());
        List<CallList.Call> calls = CallList.of(f, r, TestEngine.get().catalog());
        assertEquals(3, calls.size(), "nobody is dropped: " + calls);

        CallList.Call x1 = of(calls, "X-1");
        assertEquals(CallList.Task.CALL, x1.task(), "today's absence is valid: today's call still comes out");
        assertEquals(List.of("personal-call-home"), x1.interventions());
        assertEquals("555-0191", x1.phone());
        assertEquals("Spanish", x1.languageName());
        assertTrue(x1.interpreterNeeded(), "the interpreter is still arranged");
        assertEquals(Owner.TEACHER, x1.owner(), "the case owner calls");
        assertFalse(x1.evaluated());
        assertEquals("could not be evaluated: see the error (absences[0].date)", x1.error());
        assertTrue(x1.reasons().contains("absent today (unexcused, transportation)"), x1.reasons().toString());

        CallList.Call x2 = of(calls, "X-2");
        assertEquals(CallList.Task.CHECK_RECORD, x2.task(), "not absent today: fix the record");
        assertEquals(Owner.ATTENDANCE_TEAM, x2.owner());
        assertNull(x2.phone());
        CallList.Call x3 = of(calls, "X-3");
        assertEquals(CallList.Task.CHECK_RECORD, x3.task(), "a record that could not be read at all is listed too");
        assertNotNull(x3.error());

        StringWriter table = new StringWriter();
        CallList.table(calls, table);
        assertTrue(table.toString().contains("X-1 (grade 3) · due today"), "no name in the record, none shown: " + table);
        assertTrue(table.toString().contains("Call Rosa X, mother (parent) · 555-0191 · in Spanish, with an adult interpreter"), table.toString());
        assertTrue(table.toString().contains("could not be evaluated: see the error"), table.toString());
        assertTrue(table.toString().contains("X-3"), table.toString());
        StringWriter csv = new StringWriter();
        CallList.csv(calls, csv);
        assertTrue(csv.toString().lines().anyMatch(l -> l.startsWith("TEACHER,X-1,PS-9,3,PARENT,mother,555-0191,es,true,personal-call-home,")
                && l.contains(",CALL,NOT_EVALUATED,")), csv.toString());
        StringWriter json = new StringWriter();
        CallList.json(calls, json);
        JsonNode first = new ObjectMapper().readTree(json.toString()).get("calls");
        boolean found = false;
        for (JsonNode c : first) {
            if (c.get("studentId").asText().equals("X-1")) {
                found = true;
                assertEquals("CALL", c.get("task").asText());
                assertEquals("555-0191", c.get("phone").asText());
                assertTrue(c.get("interpreterNeeded").asBoolean());
                assertTrue(c.get("error").asText().startsWith("could not be evaluated"));
            }
        }
        assertTrue(found, json.toString());
    }

    @Test
    void theTableWrapsWithinAHundredCharactersAndSpeaksInWords() throws Exception {
        List<CallList.Call> calls = calls("fixtures/sample-school.json");
        StringWriter table = new StringWriter();
        CallList.table(calls, table);
        String text = table.toString();
        for (String line : text.lines().toList()) {
            assertTrue(line.length() <= 100, "a line within 100 characters: " + line.length() + ": " + line);
        }
        assertTrue(text.contains("TEACHER: "), text);
        String joined = text.replaceAll("\n {6}", " "); // the wrapped lines, put back together
        assertTrue(joined.contains("in Chinese (Traditional), with an adult interpreter"), text);
        assertTrue(joined.contains("foster parent (Education Decision Maker)"), text);
        // in words, reasons included: no role, absence or language code
        for (String code : List.of("EDUCATION_DECISION_MAKER", "PARENT", "UNEXCUSED", "TRANSPORTATION", "zh-Hant", " es;", "call in en", "letter in es")) {
            assertFalse(joined.contains(code), code + " in " + text);
        }
        assertTrue(joined.contains("the family speaks Spanish; staff call in English"), text);
        assertTrue(text.contains("Open with: Hello, we missed your child at school today"), text);
    }

    @Test
    void csvAndJsonCarryEveryColumn() throws Exception {
        List<CallList.Call> calls = calls("fixtures/edfi-equivalent.json");
        StringWriter csv = new StringWriter();
        CallList.csv(calls, csv);
        List<String> lines = csv.toString().lines().toList();
        assertEquals("owner,studentId,schoolId,grade,contactRole,relationship,phone,language,interpreterNeeded,interventions,reason,due,"
                + "task,status,contactName,languageName,purpose,opening,error,studentName", lines.get(0));
        assertEquals(calls.size() + 1, lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("TEACHER,E-103,900100,3,EDUCATION_DECISION_MAKER,\"foster parent\",555-0103,en,false,")),
                csv.toString());
        StringWriter json = new StringWriter();
        CallList.json(calls, json);
        JsonNode tree = new ObjectMapper().readTree(json.toString());
        assertEquals(calls.size(), tree.get("calls").size());
        JsonNode c = tree.get("calls").get(0);
        for (String field : List.of("owner", "studentId", "task", "status", "contactName", "relationship", "phone", "languageName",
                "interpreterNeeded", "interventions", "purposes", "opening", "reasons", "due")) {
            assertTrue(c.has(field), field + " in " + c);
        }
        assertTrue(json.toString().contains("\"phone\" : \"555-0102\""), json.toString());
    }
}
