package org.attendanceoutreach.cli;

import org.attendanceoutreach.OutreachEngine;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.school.School;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** Evaluates a school file exactly as {@link OutreachEngine#evaluate(SchoolFile)} does, counting students on a {@link Progress}. */
final class SchoolRun {

    /**
     * What every command over school files checks first: inputs given, {@code --out} writable, rules
     * that compile. The engine, or null when one of them failed (it has said why on standard error;
     * the command's exit status is then 2).
     */
    static OutreachEngine start(picocli.CommandLine.Model.CommandSpec spec, InputOptions inputs, OutputFile output, RulesOption rules) {
        if (inputs.nothingGiven(spec) || !output.ready(spec)) {
            return null;
        }
        return rules.engine(spec.commandLine().getErr());
    }
    private SchoolRun() {
    }

    /** A school file and its results. */
    record Evaluated(SchoolFile file, SchoolResult result) {
    }

    /** Evaluated inputs, and whether some input or student had an error (each printed on {@code err}). */
    record Batch(List<Evaluated> schools, List<SchoolResult> failed, boolean problems) {
    }

    /**
     * The letters of the engine's rules, for the call scripts' first lines on the call list and in the
     * report; null (the first lines are then written from the plan) when the letter templates do not
     * pass their checks, which is said on {@code err}: the calls still go out.
     */
    static org.attendanceoutreach.letters.Letters lettersOrNone(OutreachEngine engine, PrintWriter err) {
        try {
            return org.attendanceoutreach.letters.Letters.of(engine);
        } catch (org.attendanceoutreach.rules.RulesException e) {
            err.println("warning: the letter templates do not pass their checks (run ./outreach validate): "
                    + "the calls' first lines are written from the plan instead");
            return null;
        }
    }

    /** Evaluates every loaded input, printing warnings and errors on {@code err} as recommend does. */
    static Batch evaluateAll(OutreachEngine engine, List<InputOptions.Loaded> loaded, PrintWriter err, Progress progress) {
        List<Evaluated> out = new ArrayList<>();
        List<SchoolResult> failed = new ArrayList<>();
        boolean problems = false;
        for (InputOptions.Loaded l : loaded) {
            if (l.file() == null) {
                problems = true;
                err.println("error: " + l.failure().error());
                failed.add(l.failure());
                continue;
            }
            l.file().warnings().forEach(w -> err.println("warning: " + w));
            SchoolResult r = evaluate(engine, l.file(), progress);
            for (StudentResult s : r.students()) {
                if (s.isError()) {
                    problems = true;
                    err.println("error: " + s.error());
                }
            }
            out.add(new Evaluated(l.file(), r));
        }
        err.flush();
        return new Batch(out, failed, problems);
    }

    static SchoolResult evaluate(OutreachEngine engine, SchoolFile file, Progress progress) {
        if (!progress.on()) {
            return engine.evaluate(file);
        }
        School school = file.school();
        int total = file.students().size();
        String what = "evaluating school " + (school.schoolId().isEmpty() ? file.file() : school.schoolId());
        List<StudentResult> out = new ArrayList<>(total);
        try (Stream<StudentResult> results = engine.evaluateAll(school, file.students().iterator())) {
            Iterator<StudentResult> it = results.iterator();
            while (it.hasNext()) {
                out.add(it.next().inFile(file.file()));
                progress.count(what, out.size(), total);
            }
        }
        progress.done();
        out.sort(Comparator.comparing(StudentResult::studentId));
        return new SchoolResult(file.file(), school.schoolId(), school.asOf(), out, null);
    }
}
