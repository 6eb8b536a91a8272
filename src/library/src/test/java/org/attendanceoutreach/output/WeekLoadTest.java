package org.attendanceoutreach.output;

import org.attendanceoutreach.TestEngine;
import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.catalog.Owner;
import org.attendanceoutreach.policy.PolicyException;
import org.attendanceoutreach.policy.PolicyFile;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.result.Recommendation;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.StudentResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each role's minutes for the next five school days, recounted here from the plan and the catalog. */
class WeekLoadTest {
    @Test
    void theSampleSchoolsWeekIsEachPracticesMinutesOnTheDayItIsDueOverdueToday() throws Exception {
        SchoolFile f = new SchoolFileReader().read(Path.of("fixtures/sample-school.json"));
        SchoolResult r = TestEngine.get().evaluate(f);
        Catalog catalog = TestEngine.get().catalog();
        WeekLoad load = WeekLoad.of(r, f.school(), CallList.of(f, r, catalog), catalog, 60);
        // 2026-11-20 is a Friday; the next school days skip the weekend
        assertEquals(List.of(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24),
                LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 26)), load.days());
        Map<Owner, int[]> expected = new EnumMap<>(Owner.class);
        for (StudentResult s : r.students()) {
            for (Recommendation rec : s.recommendations()) {
                LocalDate day = rec.due().isBefore(load.days().get(0)) ? load.days().get(0) : rec.due();
                int i = load.days().indexOf(day);
                int minutes = catalog.get(rec.intervention()).minutes();
                if (i >= 0 && minutes > 0) {
                    expected.computeIfAbsent(rec.owner(), o -> new int[5])[i] += minutes;
                }
            }
        }
        assertEquals(expected.keySet(), load.minutes().keySet());
        expected.forEach((owner, days) -> assertArrayEquals(days, load.minutes().get(owner), owner.name()));
        assertTrue(load.minutes().get(Owner.TEACHER)[0] > 60, "the teacher's Friday is over one person's hour");
        assertEquals(1, load.people(60));
        assertEquals(2, load.people(61));
        assertEquals(14, load.people(820));
    }

    @Test
    void aStudentWhoCouldNotBeEvaluatedButIsAbsentTodayCountsTodaysCall() throws Exception {
        SchoolFile f = CallListTest.inline("""
                {"asOf": "2026-11-20", "calendar": {"firstDay": "2026-09-08", "lastDay": "2027-06-25"},
                 "students": [{"studentId": "X-1", "contacts": [{"role": "PARENT", "phone": "555-0191", "phoneStatus": "WORKING"}],
                   "absences": [{"date": "2026-11-15", "type": "UNEXCUSED"}, {"date": "2026-11-20", "type": "UNEXCUSED"}]}]}
                """);
        SchoolResult r = TestEngine.get().evaluate(f);
        Catalog catalog = TestEngine.get().catalog();
        List<CallList.Call> calls = CallList.of(f, r, catalog);
        assertTrue(r.students().get(0).isError());
        WeekLoad load = WeekLoad.of(r, f.school(), calls, catalog, 60);
        assertArrayEquals(new int[] {catalog.get("personal-call-home").minutes(), 0, 0, 0, 0}, load.minutes().get(Owner.TEACHER),
                "today's call of the case owner");
    }

    @Test
    void theMinutesOfOnePersonArePolicy() throws PolicyException {
        assertEquals(60, PolicyFile.parse("policy.properties", "").staffMinutesPerDay(), "the default");
        assertEquals(90, PolicyFile.parse("policy.properties", "staff-minutes-per-day = 90\n").staffMinutesPerDay());
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyFile.parse("policy.properties", "staff-minutes-per-day = 0\n"));
        assertTrue(e.getMessage().startsWith("policy.properties:1:"), e.getMessage());
        assertEquals(60, TestEngine.get().policy().staffMinutesPerDay(), "rules/policy.properties");
    }
}
