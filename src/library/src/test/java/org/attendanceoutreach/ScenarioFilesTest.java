package org.attendanceoutreach;

import org.attendanceoutreach.scenario.ScenarioCheck;
import org.attendanceoutreach.scenario.ScenarioOutcome;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every expectation of every scenario file in {@code fixtures/} is a test. */
class ScenarioFilesTest {

    @TestFactory
    Stream<DynamicTest> everyScenarioExpectationHolds() {
        ScenarioCheck check = new ScenarioCheck(TestEngine.get());
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : ScenarioCheck.scenarioFiles(List.of(Path.of("fixtures")))) {
            if (file.startsWith(Path.of("fixtures", "bad"))) {
                continue;
            }
            for (ScenarioOutcome o : check.check(file)) {
                tests.add(DynamicTest.dynamicTest(o.file() + " " + o.studentId(),
                        () -> assertTrue(o.passed(), String.join("\n", o.failures()))));
            }
        }
        assertFalse(tests.isEmpty(), "no scenario expectations found under fixtures/");
        return tests.stream();
    }
}
