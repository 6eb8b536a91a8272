package org.attendanceoutreach.cli;

import org.attendanceoutreach.OutreachEngine;
import org.attendanceoutreach.scenario.ScenarioCheck;
import org.attendanceoutreach.scenario.ScenarioOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import static org.attendanceoutreach.internal.PlainText.escape;

/** {@code ./outreach check PATH...}: runs the scenario files' expectations. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Runs the expectations of every scenario file under the paths (contract section 4).",
                "Prints one line per expectation that does not hold, then 'N passed, M failed'. Exit status 0 only when none failed."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Scenario files or folders of them.")
    List<Path> paths;

    @Option(names = "--coverage", description = "After the scenarios, list the rules that no scenario fired, and fail when there is any.")
    boolean coverage;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                err.println("outreach check: " + escape(p.toString()) + " does not exist");
                return 2;
            }
        }
        OutreachEngine engine = rules.engine(err);
        if (engine == null) {
            return 2;
        }
        ScenarioCheck check = new ScenarioCheck(engine);
        int passed = 0;
        int failed = 0;
        for (Path file : ScenarioCheck.scenarioFiles(paths)) {
            for (ScenarioOutcome o : check.check(file)) {
                if (o.passed()) {
                    passed++;
                } else {
                    failed++;
                    for (String f : o.failures()) {
                        out.println("FAIL " + escape(o.file()) + ": " + escape(o.studentId()) + ": " + escape(f));
                    }
                }
            }
        }
        boolean uncovered = false;
        if (coverage) {
            List<String> never = engine.rules().ruleNames().stream().filter(r -> !check.rulesFired().contains(r)).toList();
            for (String rule : never) {
                out.println("NOT COVERED \"" + rule + "\" (" + engine.rules().fileOf(rule) + "): no scenario fires it; add a student for whom it should");
            }
            out.println("coverage: " + (engine.rules().ruleNames().size() - never.size()) + " of "
                    + engine.rules().ruleNames().size() + " rules fired by some scenario");
            uncovered = !never.isEmpty();
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 && !uncovered ? 0 : 1;
    }
}
