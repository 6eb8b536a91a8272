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
import org.attendanceoutreach.read.StudentInput;
import org.attendanceoutreach.rules.RulesException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.attendanceoutreach.internal.PlainText.escape;

/** {@code ./outreach explain --student ID FILE}: why a student got what they got. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Shows one student's facts (rates in percent), every rule that fired for them in order, with what it recommended",
                "and why, the plan step by step, the supports in place, and the rules that came close: every condition held but one.",
                "Exit status: 0 explained, 1 no such student or the student's data cannot be used, 2 the rules do not compile or the command line is wrong."},
        footerHeading = "%nExamples:%n",
        footer = {"  # a student out today, five days in a row",
                "  ./outreach explain --student S-1023 fixtures/sample-school.json",
                "  # the same student earlier in the year",
                "  ./outreach explain --student S-1023 --as-of 2026-10-01 \\",
                "      fixtures/sample-school.json"})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Option(names = "--student", required = true, paramLabel = "ID", description = "The student's id.")
    String studentId;

    @Mixin
    AsOfOption asOf;

    @Mixin
    InputOptions inputs;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (inputs.nothingGiven(spec)) {
            return 2;
        }
        OutreachEngine engine = rules.engine(err);
        if (engine == null) {
            return 2;
        }
        SchoolFile school = null;
        StudentInput input = null;
        for (InputOptions.Loaded l : inputs.practices(engine.catalog()).loadAll(asOf.day, Progress.forTerminal(err))) {
            if (l.file() == null) {
                err.println("error: " + l.failure().error());
                continue;
            }
            Optional<StudentInput> found = l.file().students().stream().filter(s -> s.key().equals(studentId)).findFirst();
            if (found.isPresent() && input == null) {
                school = l.file();
                input = found.get();
            }
        }
        if (input == null) {
            err.println("outreach explain: no student " + escape(studentId) + " in "
                    + escape(inputs.files == null ? "the input" : String.join(", ", inputs.files.stream().map(Path::toString).toList())));
            return 1;
        }
        if (!input.ok()) {
            out.println(escape(studentId) + " cannot be evaluated: " + input.error());
            return 1;
        }
        Explanation e;
        try {
            e = new Explainer(engine.rules(), RulesOption.compiledRulesCache()).explain(school.school(), new SchoolDays(school.school().calendar()), input.student());
        } catch (RulesException ex) {
            err.println(ex.getMessage());
            return 2;
        }
        if (e.result().isError()) {
            out.println(escape(studentId) + " cannot be evaluated: " + e.result().error());
            return 1;
        }
        StudentResult result = e.result();
        LocalDate day = school.school().asOf();
        out.println("student " + escape(studentId) + " as of " + day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                + " " + day + ":");
        out.println("  attendance tier: " + result.attendanceTier().inWords() + ": "
                + missed(result.daysMissed(), result.daysEnrolled()));
        out.println("  support tier " + result.supportTier() + ": " + SUPPORT_TIERS[Math.max(0, Math.min(3, result.supportTier()))]);
        out.println();
        out.println("facts the rules read (computed before any rule fires; rates in percent of enrolled school days):");
        e.facts().forEach((k, v) -> {
            if (!SET_BY_RULES.contains(k)) {
                out.println("  " + k + " = " + escape(inWords(k, v)));
            }
        });
        out.println("  set by the rules: attendanceTier = " + result.attendanceTier() + ", supportTier = " + result.supportTier());
        out.println();
        out.println("rules fired, in order:");
        int n = 1;
        for (String rule : e.rulesFired()) {
            out.println("  " + n++ + ". \"" + escape(rule) + "\" (" + escape(engine.rules().fileOf(rule)) + ")");
            List<String> conditions = e.matched().getOrDefault(rule, List.of());
            if (!conditions.isEmpty()) {
                out.println("       matched: " + escape(String.join(", ", conditions)));
            }
            for (Recommendation r : result.recommendations()) {
                if (java.util.Arrays.asList(r.rule().split("; ")).contains(rule)) {
                    out.println("       -> " + escape(r.intervention()) + ", because " + escape(String.join("; ", r.because())));
                }
            }
            for (NextStep waiting : result.next()) {
                if (java.util.Arrays.asList(waiting.rule().split("; ")).contains(rule)) {
                    out.println("       -> " + waiting.intervention() + " waits in next, after " + waiting.after());
                }
            }
            for (org.attendanceoutreach.result.LeftOut left : result.leftOut()) {
                if (java.util.Arrays.asList(left.rule().split("; ")).contains(rule)) {
                    out.println("       -> " + left.intervention() + " left out: " + escape(left.reason()));
                }
            }
        }
        out.println();
        plan(out, engine, school.school(), result);
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

    private static final String[] SUPPORT_TIERS = {"none", "universal: what every family gets", "early intervention",
            "intensive support"};

    /** The facts the rules set, not read: shown from the result, after the rules. */
    private static final java.util.Set<String> SET_BY_RULES = java.util.Set.of("attendanceTier", "supportTier");

    /** "5 of 52 enrolled school days missed (9.6%)". */
    static String missed(double days, int enrolled) {
        return number(days) + " of " + enrolled + " enrolled school day" + (enrolled == 1 ? "" : "s") + " missed"
                + (enrolled > 0 ? " (" + percent(days / enrolled) + ")" : "");
    }

    /**
     * A fact's value as a person reads it: a share as a percentage ({@code 0.0962} is 9.6%), days
     * without a needless ".0", yes or no, "none" for a day that has not come.
     */
    static String inWords(String fact, Object value) {
        if (value == null) {
            return "none";
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (value instanceof Double d) {
            return isShare(fact) ? percent(d) : number(d);
        }
        if (value instanceof Float f) {
            return isShare(fact) ? percent(f) : number(f);
        }
        return String.valueOf(value);
    }

    /** A fact that is a share of days (its name says Rate, Share or Percent). */
    private static boolean isShare(String fact) {
        String f = fact.toLowerCase(Locale.ROOT);
        return f.endsWith("rate") || f.endsWith("share") || f.contains("ratesince") || f.endsWith("percent");
    }

    /** 0.0962 is "9.6%"; 0.057692307692307696 is "5.8%". */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** 5.0 is "5", 2.5 is "2.5". */
    static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d).replaceAll("0+$", "");
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
            } + "; the " + org.attendanceoutreach.output.CallList.ownerWords(rec.owner()).toLowerCase(Locale.ROOT)
                    + (rec.contactRole() == null ? "" : " reaches the " + org.attendanceoutreach.output.CallList.roleWords(rec.contactRole())));
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
