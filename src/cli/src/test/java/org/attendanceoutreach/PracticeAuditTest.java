package org.attendanceoutreach;

import org.attendanceoutreach.audit.PracticeAudit;
import org.attendanceoutreach.audit.StrategyStanding;
import org.attendanceoutreach.catalog.Impact;
import org.attendanceoutreach.catalog.Strategy;
import org.attendanceoutreach.read.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.attendanceoutreach.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The school practice audit (contract section 7). */
class PracticeAuditTest {
    private final PracticeAudit audit = new PracticeAudit(TestEngine.get().catalog());

    private static StrategyStanding of(List<StrategyStanding> all, Strategy s) {
        return all.stream().filter(x -> x.strategy() == s).findFirst().orElseThrow();
    }

    @Test
    void eachStrategyStandsWhereItsBestPracticeIsAndPointsToTheHigherImpactOne() {
        List<StrategyStanding> all = audit.audit(List.of("automated-absence-call", "call-after-three-consecutive-absences",
                "success-mentor", "flagged-absence-email"));
        assertEquals(Strategy.values().length, all.size());
        StrategyStanding outreach = of(all, Strategy.ONGOING_OUTREACH);
        assertEquals(Impact.MODERATE, outreach.impact());
        assertEquals("personal-call-home", outreach.moveTo().id());
        assertTrue(outreach.advice().contains("Move to personal-call-home"), outreach.advice());
        StrategyStanding mentors = of(all, Strategy.MENTORS);
        assertEquals(Impact.HIGH, mentors.impact());
        assertNull(mentors.moveTo());
        assertTrue(mentors.advice().contains("flagged-absence-email"), "lower-impact habits to drop are named");
        StrategyStanding gap = of(all, Strategy.HEALTH);
        assertTrue(gap.isGap());
        assertEquals("nurse-health-attendance-plan", gap.moveTo().id());
    }

    @Test
    void anUnknownPracticeIsAnErrorNamingIt() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> audit.audit(List.of("success-mentor", "robocall")));
        assertEquals("practices[1]", e.field());
        assertTrue(e.getMessage().contains("'robocall' is not a practice in the catalog"), e.getMessage());
    }

    @Test
    void theAuditCommandPrintsATableOrJson() {
        CommandLineTest.Run table = run("audit", "--rules", "rules", "fixtures/audit/school-practices.json");
        assertEquals(0, table.status(), table.err());
        assertTrue(table.out().contains("ongoing outreach"), table.out());
        assertTrue(table.out().contains("(nothing: a gap)"), table.out());
        CommandLineTest.Run json = run("audit", "--rules", "rules", "--format", "json", "fixtures/audit/school-practices.json");
        assertEquals(0, json.status(), json.err());
        assertTrue(json.out().contains("\"moveTo\" : \"personal-call-home\"") || json.out().contains("\"moveTo\": \"personal-call-home\""), json.out());
        assertTrue(json.out().contains("\"gap\" : true") || json.out().contains("\"gap\": true"), json.out());
    }
}
