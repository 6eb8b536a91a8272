package org.attendanceoutreach.cli;

import org.attendanceoutreach.OutreachEngine;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.diff.OutcomeDiff;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.rules.RuleProblem;
import org.attendanceoutreach.rules.RulesException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import static org.attendanceoutreach.internal.PlainText.escape;

/** {@code ./outreach diff --before DIR --after DIR FILE...}: what a rule change does to real students. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Evaluates the same school files under two rule folders and lists every student whose tiers,",
                "recommendations, owners or due dates changed, in plain words, with a count at the end."},
        footerHeading = "%nExamples:%n",
        footer = {"  # copy rules/ to a new folder, change the copy, and give the copy as --after;",
                "  # with the same folder twice, nothing changes",
                "  ./outreach diff --before rules --after rules fixtures/sample-school.json"})
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--before", required = true, paramLabel = "DIR", description = "The rules as they are (e.g. a copy of rules/).")
    Path before;

    @Option(names = "--after", required = true, paramLabel = "DIR", description = "The rules with the change.")
    Path after;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "School files to evaluate under both.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (var option : java.util.Map.of("--before", before, "--after", after).entrySet()) {
            String problem = RulesOption.notARulesFolder(option.getValue());
            if (problem != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), option.getKey() + ": " + problem);
            }
        }
        InputOptions.noFolders(spec, files);
        OutreachEngine was;
        OutreachEngine now;
        try {
            was = OutreachEngine.builder().rulesFolder(before).build();
            now = OutreachEngine.builder().rulesFolder(after).build();
        } catch (RulesException e) {
            e.problems().stream().map(RuleProblem::toString).forEach(err::println);
            err.flush();
            return 2;
        }
        SchoolFileReader reader = new SchoolFileReader();
        int changed = 0;
        int total = 0;
        for (Path path : files) {
            SchoolFile file;
            try {
                file = reader.read(path);
            } catch (SchoolFileException e) {
                err.println("error: " + e.problem());
                continue;
            }
            SchoolResult a = was.evaluate(file);
            SchoolResult b = now.evaluate(file);
            for (int i = 0; i < a.students().size(); i++) {
                StudentResult x = a.students().get(i);
                List<String> changes = OutcomeDiff.compare(x, b.students().get(i));
                total++;
                if (!changes.isEmpty()) {
                    changed++;
                    for (String c : changes) {
                        out.println(escape(x.studentId()) + ": " + escape(c));
                    }
                }
            }
        }
        out.println(changed + " of " + total + " students changed");
        out.flush();
        err.flush();
        return 0;
    }
}
