package org.attendanceoutreach.cli;

import org.attendanceoutreach.OutreachEngine;
import org.attendanceoutreach.result.Recommendation;
import org.attendanceoutreach.explain.Explainer;
import org.attendanceoutreach.explain.Explanation;
import org.attendanceoutreach.explain.NearMiss;
import org.attendanceoutreach.facts.SchoolDays;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.read.StudentInput;
import org.attendanceoutreach.rules.RulesException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.attendanceoutreach.internal.PlainText.escape;

/** {@code ./outreach explain --student ID FILE}: why a student got what they got. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Shows one student's facts, every rule that fired for them in order (with what it recommended and why),",
                "and the rules that came close: every condition held but one."})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Option(names = "--student", required = true, paramLabel = "ID", description = "The student's id.")
    String studentId;

    @Parameters(paramLabel = "FILE", arity = "1", description = "The school file.")
    Path file;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OutreachEngine engine = rules.engine(err);
        if (engine == null) {
            return 2;
        }
        SchoolFile school;
        try {
            school = new SchoolFileReader().read(file);
        } catch (SchoolFileException e) {
            err.println("error: " + e.problem());
            return 1;
        }
        Optional<StudentInput> input = school.students().stream().filter(s -> s.key().equals(studentId)).findFirst();
        if (input.isEmpty()) {
            err.println("outreach explain: no student " + escape(studentId) + " in " + escape(file.toString()));
            return 1;
        }
        if (!input.get().ok()) {
            out.println(escape(studentId) + " cannot be evaluated: " + input.get().error());
            return 1;
        }
        Explanation e;
        try {
            e = new Explainer(engine.rules()).explain(school.school(), new SchoolDays(school.school().calendar()), input.get().student());
        } catch (RulesException ex) {
            err.println(ex.getMessage());
            return 2;
        }
        if (e.result().isError()) {
            out.println(escape(studentId) + " cannot be evaluated: " + e.result().error());
            return 1;
        }
        out.println("student " + escape(studentId) + " as of " + school.school().asOf() + ": " + e.result().attendanceTier()
                + ", support tier " + e.result().supportTier());
        out.println();
        out.println("facts:");
        e.facts().forEach((k, v) -> out.println("  " + k + " = " + escape(String.valueOf(v))));
        out.println();
        out.println("rules fired, in order:");
        int n = 1;
        for (String rule : e.rulesFired()) {
            out.println("  " + n++ + ". \"" + escape(rule) + "\" (" + escape(engine.rules().fileOf(rule)) + ")");
            List<String> conditions = e.matched().getOrDefault(rule, List.of());
            if (!conditions.isEmpty()) {
                out.println("       matched: " + escape(String.join(", ", conditions)));
            }
            for (Recommendation r : e.result().recommendations()) {
                if (java.util.Arrays.asList(r.rule().split("; ")).contains(rule)) {
                    out.println("       -> " + escape(r.intervention()) + ", because " + escape(String.join("; ", r.because())));
                }
            }
        }
        out.println();
        out.println("rules that came close (every condition held but one):");
        if (e.nearMisses().isEmpty()) {
            out.println("  none");
        }
        for (NearMiss m : e.nearMisses()) {
            out.println("  \"" + escape(m.rule()) + "\" (" + escape(m.file()) + "): did not hold: " + escape(m.missingCondition()));
        }
        out.flush();
        return 0;
    }
}
