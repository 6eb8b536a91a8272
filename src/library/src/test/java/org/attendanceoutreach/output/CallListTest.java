package org.attendanceoutreach.output;

import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.TestEngine;
import org.attendanceoutreach.catalog.Owner;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.school.ContactRole;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Today's calls from the sample school: who, whom, which number, which language, why. */
class CallListTest {
    static List<CallList.Call> calls(String file) throws Exception {
        SchoolFile f = new SchoolFileReader().read(Path.of(file));
        SchoolResult r = TestEngine.get().evaluate(f);
        return CallList.of(f, r, TestEngine.get().catalog());
    }

    @Test
    void callsAreDueTodaySortedByOwnerThenStudentAndCarryTheNumberToCall() throws Exception {
        List<CallList.Call> calls = calls("fixtures/sample-school.json");
        assertFalse(calls.isEmpty());
        for (int i = 1; i < calls.size(); i++) {
            CallList.Call a = calls.get(i - 1);
            CallList.Call b = calls.get(i);
            assertTrue(a.owner().name().compareTo(b.owner().name()) < 0
                    || (a.owner() == b.owner() && a.studentId().compareTo(b.studentId()) <= 0), a + " before " + b);
        }
        for (CallList.Call c : calls) {
            assertFalse(c.due().isAfter(c.asOf()), "only calls due by today: " + c);
            assertTrue(TestEngine.get().catalog().get(c.interventions().get(0)).call(), c.interventions().toString());
            assertFalse(c.reason().isBlank());
            assertFalse(c.reason().contains("\n"));
        }
        // S-1004: absent today, Spanish-speaking parent: the teacher calls, with an interpreter, once for every
        // reason: today's call (which covers the interpreter and the push to come in) and the overdue monthly call
        CallList.Call s1004 = calls.stream().filter(c -> c.studentId().equals("S-1004")).findFirst().orElseThrow();
        assertEquals(1, calls.stream().filter(c -> c.studentId().equals("S-1004")).count(), "one call per family");
        assertEquals(Owner.TEACHER, s1004.owner());
        assertEquals(ContactRole.PARENT, s1004.contactRole());
        assertEquals("es", s1004.language());
        assertTrue(s1004.interpreterNeeded());
        assertEquals(List.of("personal-call-home", "arrange-adult-interpreter", "same-day-return-problem-solving",
                "monthly-letter-and-follow-up-call"), s1004.interventions());
        assertTrue(s1004.reason().startsWith("absent today"), s1004.reason());
        assertTrue(s1004.phone() != null && !s1004.phone().isBlank());
    }

    @Test
    void theEducationDecisionMakerIsCalledForAStudentInFosterCare() throws Exception {
        List<CallList.Call> calls = calls("fixtures/edfi-equivalent.json");
        // one call: the case owner's call today reaches the foster parent, and that is the contact with the EDM
        List<CallList.Call> e103 = calls.stream().filter(c -> c.studentId().equals("E-103")).toList();
        assertEquals(1, e103.size(), e103.toString());
        CallList.Call edm = e103.get(0);
        assertEquals(Owner.TEACHER, edm.owner());
        assertEquals(List.of("personal-call-home", "contact-education-decision-maker"), edm.interventions());
        assertEquals(ContactRole.EDUCATION_DECISION_MAKER, edm.contactRole());
        assertEquals("foster parent", edm.relationship());
        assertEquals("555-0103", edm.phone());
        assertEquals(4, calls.size(), calls.toString());
    }

    @Test
    void aContactWithoutAWorkingNumberIsListedWithoutOne() throws Exception {
        SchoolFile f = new SchoolFileReader().read("inline.json", new java.io.ByteArrayInputStream("""
                {"asOf": "2026-11-20", "calendar": {"firstDay": "2026-09-08", "lastDay": "2027-06-25"},
                 "students": [{"studentId": "N-1", "absences": [{"date": "2026-11-20", "type": "UNEXCUSED"}],
                   "contacts": [{"role": "PARENT", "phone": "555-0100", "phoneStatus": "DISCONNECTED"}]}]}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        List<CallList.Call> calls = CallList.of(f, TestEngine.get().evaluate(f), TestEngine.get().catalog());
        assertFalse(calls.isEmpty());
        assertNull(calls.get(0).phone(), "a disconnected number is not offered");
        StringWriter table = new StringWriter();
        CallList.table(calls, table);
        assertTrue(table.toString().contains("(no working number)"), table.toString());
        assertFalse(table.toString().contains("555-0100"));
    }

    @Test
    void csvAndJsonCarryEveryColumn() throws Exception {
        List<CallList.Call> calls = calls("fixtures/edfi-equivalent.json");
        StringWriter csv = new StringWriter();
        CallList.csv(calls, csv);
        List<String> lines = csv.toString().lines().toList();
        assertEquals("owner,studentId,schoolId,grade,contactRole,relationship,phone,language,interpreterNeeded,interventions,reason,due", lines.get(0));
        assertEquals(calls.size() + 1, lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("TEACHER,E-103,900100,3,EDUCATION_DECISION_MAKER,\"foster parent\",555-0103,en,false,")),
                csv.toString());
        StringWriter json = new StringWriter();
        CallList.json(calls, json);
        assertTrue(json.toString().contains("\"phone\" : \"555-0102\""), json.toString());
        assertTrue(json.toString().contains("\"interpreterNeeded\" : true"), json.toString());
    }
}
