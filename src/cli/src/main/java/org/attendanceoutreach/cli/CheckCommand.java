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
        description = {"Runs the expectations of every scenario file under the paths (contract section 4): each file named, and every",
                ".json file in the folders named that is a school file with an \"expect\" list. Other JSON files (school files without",
                "expectations, Ed-Fi resources, inputs meant to be bad) are skipped, and said to be, with the reason.",
                "Prints one line per expectation that does not hold, then 'N passed, M failed'.",
                "Exit status 0 only when none failed; 1 when some failed or no scenario file was found; 2 a path does not exist or the rules do not compile."},
        footerHeading = "%nExamples:%n",
        footer = {"  # every scenario file under fixtures/, and what was skipped",
                "  ./outreach check fixtures",
                "  # and which rules no scenario fires",
                "  ./outreach check --coverage fixtures"})
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
        ScenarioCheck.Found found = ScenarioCheck.find(paths);
        int passed = 0;
        int failed = 0;
        for (Path file : found.scenarios()) {
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
        skipped(out, found.skipped());
        out.println(found.scenarios().size() + " scenario file" + (found.scenarios().size() == 1 ? "" : "s") + " checked"
                + (found.skipped().isEmpty() ? "" : ", " + found.skipped().size() + " other JSON file"
                + (found.skipped().size() == 1 ? "" : "s") + " skipped (above)"));
        if (found.scenarios().isEmpty()) {
            out.println("nothing to check: no scenario file (a school file with an \"expect\" list) in " + escape(paths.toString()));
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 && !uncovered && !found.scenarios().isEmpty() ? 0 : 1;
    }

    /**
     * One line per folder and reason ("skipped 35 files in fixtures/bad/ (comments.json, …): not valid
     * JSON …"), or the file itself when it is the only one.
     */
    private static void skipped(PrintWriter out, List<ScenarioCheck.Skipped> skipped) {
        java.util.Map<String, List<Path>> groups = new java.util.LinkedHashMap<>();
        for (ScenarioCheck.Skipped s : skipped) {
            Path folder = s.file().getParent();
            groups.computeIfAbsent((folder == null ? "." : folder.toString()) + "\u0000" + s.reason(), k -> new java.util.ArrayList<>())
                    .add(s.file());
        }
        groups.forEach((key, files) -> {
            String folder = key.substring(0, key.indexOf('\u0000'));
            String reason = key.substring(key.indexOf('\u0000') + 1);
            if (files.size() == 1) {
                out.println("skipped " + escape(files.get(0).toString()) + ": " + reason);
            } else {
                out.println("skipped " + files.size() + " files in " + escape(folder) + "/ (" + escape(files.get(0).getFileName().toString())
                        + ", " + escape(files.get(1).getFileName().toString()) + (files.size() > 2 ? ", …" : "") + "): " + reason);
            }
        });
    }
}
