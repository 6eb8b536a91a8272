package org.attendanceoutreach.scenario;

import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.read.SchoolFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scenario expectations are read by the scenario package; the school file reader only knows the key. */
class ScenarioFileTest {
    private static final String SCHOOL = "{\"asOf\": \"2026-11-20\", \"calendar\": {\"firstDay\": \"2026-09-08\", \"lastDay\": \"2027-06-25\"},"
            + " \"students\": [{\"studentId\": \"S-1\"}], \"expect\": [%s]}";

    @Test
    void expectationsAreReadWithTheSchoolAndUnknownKeysAreProblemsOfTheirExpectation(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), String.format(SCHOOL,
                "{\"studentId\": \"S-1\", \"attendanceTier\": \"SATISFACTORY\", \"supportTier\": 1, \"includes\": [\"a\"],"
                        + " \"due\": {\"personal-call-home\": \"2026-11-20\"}, \"interpreterNeeded\": {\"x\": true}, \"error\": false, \"colour\": 1}"));
        ScenarioFile s = ScenarioFile.read(file);
        assertEquals(1, s.expectations().size());
        Expectation e = s.expectations().get(0);
        assertEquals("S-1", e.studentId());
        assertEquals(1, e.supportTier());
        assertEquals(LocalDate.of(2026, 11, 20), e.due().get("personal-call-home"));
        assertEquals(Boolean.FALSE, e.error());
        assertEquals(List.of("colour"), e.unknownKeys());
        assertEquals(file + ": student S-1: expect[0].colour: unknown expectation key \"colour\": nothing was checked for it;"
                + " the keys are studentId, attendanceTier, supportTier, includes, excludes, contactRole, interpreterNeeded,"
                + " due, owner, error, first, step, status, since, next, progress (contract section 4)", s.problems().get(0).toString());
        assertEquals(1, s.school().students().size());
        assertTrue(new SchoolFileReader().read(file).warnings().isEmpty(), "the school file reader knows the key and leaves it");
    }

    @Test
    void aMisspeltKeyIsNamedWithTheKeyItWasMeantToBe(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), String.format(SCHOOL,
                "{\"studentId\": \"S-1\", \"excldes\": [\"personal-call-home\"]},"
                        + " {\"studentId\": \"S-1\", \"interpretrNeeded\": {\"personal-call-home\": true}, \"frist\": [\"x\"]}"));
        ScenarioFile s = ScenarioFile.read(file);
        assertEquals(List.of(List.of("excldes"), List.of("interpretrNeeded", "frist")),
                s.expectations().stream().map(Expectation::unknownKeys).toList());
        assertEquals(List.of(
                file + ": student S-1: expect[0].excldes: unknown expectation key \"excldes\": nothing was checked for it; did you mean 'excludes'?",
                file + ": student S-1: expect[1].interpretrNeeded: unknown expectation key \"interpretrNeeded\": nothing was checked for it;"
                        + " did you mean 'interpreterNeeded'?",
                file + ": student S-1: expect[1].frist: unknown expectation key \"frist\": nothing was checked for it; did you mean 'first'?"),
                s.problems().stream().map(Object::toString).toList());
    }

    @Test
    void everyKeyOfTheContractIsKnown(@TempDir Path dir) throws Exception {
        // contract section 4, the keys of plans and follow-up (section 8), and "owner" (a per-intervention key of section 4)
        Path file = Files.writeString(dir.resolve("s.json"), String.format(SCHOOL, "{\"studentId\": \"S-1\","
                + " \"attendanceTier\": \"SATISFACTORY\", \"supportTier\": 1, \"includes\": [], \"excludes\": [],"
                + " \"contactRole\": {}, \"interpreterNeeded\": {}, \"due\": {}, \"owner\": {}, \"error\": false,"
                + " \"first\": [], \"step\": {}, \"status\": {}, \"since\": {}, \"next\": [], \"progress\": {}}"));
        ScenarioFile s = ScenarioFile.read(file);
        assertEquals(List.of(), s.problems());
        assertEquals(List.of(), s.expectations().get(0).unknownKeys());
        assertEquals(16, Expectation.KEYS.size());
    }

    @Test
    void aMalformedExpectationRejectsTheScenarioFileNamingTheKey(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), String.format(SCHOOL, "{\"studentId\": \"S-1\", \"due\": {\"x\": \"20 Nov\"}}"));
        SchoolFileException e = assertThrows(SchoolFileException.class, () -> ScenarioFile.read(file));
        assertEquals(file + ": expect[0].due.x: the value given (6 characters, not shown) is not a date (YYYY-MM-DD)", e.getMessage());
        Path noId = Files.writeString(dir.resolve("t.json"), String.format(SCHOOL, "{\"includes\": [\"a\"]}"));
        assertTrue(assertThrows(SchoolFileException.class, () -> ScenarioFile.read(noId)).getMessage()
                .endsWith("expect[0].studentId: is required and must be a non-empty string"));
    }
}
