package org.attendanceoutreach.cli;

import org.attendanceoutreach.OutreachEngine;
import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.catalog.Practice;
import org.attendanceoutreach.catalog.Stage;
import org.attendanceoutreach.result.DueStatus;
import org.attendanceoutreach.result.NextStep;
import org.attendanceoutreach.result.Recommendation;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.school.School;
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
import java.util.ArrayList;
import java.util.Comparator;
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
            e = new Explainer(engine.rules(), RulesOption.compiledRulesCache()).explain(school.school(), new SchoolDays(school.school().calendar()), input.get().student());
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
            for (NextStep waiting : e.result().next()) {
                if (java.util.Arrays.asList(waiting.rule().split("; ")).contains(rule)) {
                    out.println("       -> " + waiting.intervention() + " waits in next, after " + waiting.after());
                }
            }
            for (org.attendanceoutreach.result.LeftOut left : e.result().leftOut()) {
                if (java.util.Arrays.asList(left.rule().split("; ")).contains(rule)) {
                    out.println("       -> " + left.intervention() + " left out: " + escape(left.reason()));
                }
            }
        }
        out.println();
        plan(out, engine, school.school(), e.result());
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

    /** The plan, step by step, with why each recommendation has its step, due date and status. */
    private static void plan(PrintWriter out, OutreachEngine engine, School school, StudentResult r) {
        Catalog catalog = engine.catalog();
        SchoolDays days = new SchoolDays(school.calendar());
        out.println("the plan (step 1: what is due today or overdue; then one step per stage of catalog.json, in its order: "
                + String.join(", ", catalog.stages().stream().map(Stage::name).toList()) + "):");
        if (r.recommendations().isEmpty()) {
            out.println("  nothing to do");
        }
        List<Recommendation> plan = new ArrayList<>(r.recommendations());
        plan.sort(Comparator.comparingInt(Recommendation::step).thenComparing(Recommendation.ORDER));
        for (Recommendation rec : plan) {
            Practice p = catalog.get(rec.intervention());
            String step = rec.status() == DueStatus.UPCOMING
                    ? "step " + rec.step() + " because it belongs to the stage " + p.stage()
                    : "step 1 because it is " + (rec.status() == DueStatus.DUE ? "due today" : "overdue");
            out.println("  " + rec.intervention() + ": " + step);
            String window = p.dueWithinSchoolDays() + " school day" + (p.dueWithinSchoolDays() == 1 ? "" : "s");
            String due = !p.inYear() ? "due " + rec.due() + ", a fixed date (before or at the end of the year)"
                    : rec.due().equals(days.deadline(rec.since(), p.dueWithinSchoolDays()))
                    ? (days.fitsInYear(rec.since(), p.dueWithinSchoolDays())
                        ? "due " + rec.due() + ": " + window + " (catalog) after " + rec.since() + ", the school day the need arose"
                        : "due " + rec.due() + ", the last school day: " + window + " after " + rec.since() + " would be after it")
                    : "due " + rec.due() + ", a date the rule fixed (needed since " + rec.since() + ")";
            out.println("       " + due);
            out.println("       " + rec.status() + switch (rec.status()) {
                case OVERDUE -> ": due before today and nothing on record shows it was done";
                case DUE -> ": due today";
                case UPCOMING -> ": due after today";
            } + "; " + rec.owner() + (rec.contactRole() == null ? "" : " reaches the " + rec.contactRole()));
            if (!rec.covers().isEmpty()) {
                out.println("       one action that also covers " + String.join(", ", rec.covers()));
            }
        }
        for (NextStep n : r.next()) {
            out.println("  next: " + n.intervention() + " waits for " + n.after() + ", because " + String.join("; ", n.because()));
        }
        for (org.attendanceoutreach.result.LeftOut left : r.leftOut()) {
            out.println("  left out: " + left.intervention() + ", proposed by \"" + escape(left.rule()) + "\": " + escape(left.reason()));
        }
        out.println();
        out.println("supports in place (progress: the share of enrolled school days missed before each started, and since):");
        if (r.progress().isEmpty()) {
            out.println("  none");
        }
        for (org.attendanceoutreach.result.Progress p : r.progress()) {
            out.println("  " + p.intervention() + " since " + p.startedOn() + ": " + p.trend() + " (" + escape(p.because()) + ")");
        }
    }
}
