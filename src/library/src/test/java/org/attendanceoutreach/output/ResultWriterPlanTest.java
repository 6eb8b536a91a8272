package org.attendanceoutreach.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.attendanceoutreach.TestEngine;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.result.SchoolResult;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every output format carries the plan: step, status, since, covers and next (contract section 8). */
class ResultWriterPlanTest {
    private static List<SchoolResult> sample() throws Exception {
        SchoolFile f = new SchoolFileReader().read(Path.of("fixtures/sample-school.json"));
        return List.of(TestEngine.get().evaluate(f));
    }

    private static String write(ResultWriter.Format format) throws Exception {
        StringWriter w = new StringWriter();
        ResultWriter.write(format, sample(), w);
        return w.toString();
    }

    @Test
    void jsonAndJsonLinesCarryThePlan() throws Exception {
        JsonNode students = new ObjectMapper().readTree(write(ResultWriter.Format.JSON)).get("schools").get(0).get("students");
        JsonNode s1004 = null;
        for (JsonNode s : students) {
            if (s.get("studentId").asText().equals("S-1004")) {
                s1004 = s;
            }
        }
        JsonNode call = null;
        for (JsonNode r : s1004.get("recommendations")) {
            if (r.get("intervention").asText().equals("personal-call-home")) {
                call = r;
            }
        }
        assertEquals(1, call.get("step").asInt());
        assertEquals("DUE", call.get("status").asText());
        assertEquals("2026-11-20", call.get("since").asText());
        assertEquals("[\"arrange-adult-interpreter\",\"same-day-return-problem-solving\"]", call.get("covers").toString());
        assertEquals("escalate-to-attendance-team", s1004.get("next").get(0).get("intervention").asText());
        assertEquals("a positive contact with the family", s1004.get("next").get(0).get("after").asText());
        String lines = write(ResultWriter.Format.JSONL);
        assertTrue(lines.contains("\"step\":1,\"status\":\"DUE\"") && lines.contains("\"next\":[{\"intervention\":\"escalate-to-attendance-team\""), lines);
    }

    @Test
    void csvAppendsThePlanColumnsAndKeepsTheOthers() throws Exception {
        List<String> lines = write(ResultWriter.Format.CSV).lines().toList();
        assertEquals("file,schoolId,studentId,asOf,attendanceTier,supportTier,daysEnrolled,daysMissed,absenceRate,intervention,strategy,"
                + "impact,owner,contactRole,language,interpreterNeeded,due,because,rule,error,step,status,since,covers,next,progress", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains(",PS-017,S-1004,2026-11-20,MODERATE_CHRONIC,2,52,7,0.1346,"
                + "personal-call-home,ONGOING_OUTREACH,HIGH,TEACHER,PARENT,es,true,2026-11-20,")
                && l.endsWith(",1,DUE,2026-11-20,\"arrange-adult-interpreter same-day-return-problem-solving\","
                + "\"escalate-to-attendance-team after a positive contact with the family\",")), String.join("\n", lines));
        // the supports in place, on every row of the student (S-1005: a mentor since 2026-10-01)
        assertTrue(lines.stream().filter(l -> l.contains(",S-1005,")).allMatch(l -> l.endsWith(
                ",\"success-mentor NOT_IMPROVING since 2026-10-01 (before 0.0588 over 17 days, since 0.1857 over 35)\"")), String.join("\n", lines));
    }

    @Test
    void theTableShowsStepsAndStatus() throws Exception {
        String table = write(ResultWriter.Format.TABLE);
        int at = table.indexOf("S-1004 ");
        String block = table.substring(at, table.indexOf("\nS-1005", at));
        assertTrue(block.contains("  step 1: today (due today or overdue)\n"), block);
        assertTrue(block.contains("    OVERDUE  2026-10-05  success-mentor"), block);
        assertTrue(block.contains("    DUE      2026-11-20  personal-call-home"), block);
        assertTrue(block.contains("also covers arrange-adult-interpreter, same-day-return-problem-solving"), block);
        assertTrue(block.contains("  next: escalate-to-attendance-team, after a positive contact with the family"), block);
        String s1003 = table.substring(table.indexOf("S-1003 "), table.indexOf("\nS-1004"));
        assertTrue(s1003.contains("  step 2\n    UPCOMING 2026-12-02  leverage-scheduled-meeting"), s1003);
    }
}
