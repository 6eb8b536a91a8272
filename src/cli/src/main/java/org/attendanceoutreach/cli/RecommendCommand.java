package org.attendanceoutreach.cli;

import org.attendanceoutreach.OutreachEngine;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.output.ResultWriter;
import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.read.SchoolLines;
import org.attendanceoutreach.school.School;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code ./outreach recommend FILE...}: recommendations for every student of the school files. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = {"Evaluates every student of the school files and prints the recommendations.",
                "Exit status: 0 all evaluated, 1 some students or files had errors (all others are still in the output), 2 the rules do not compile."},
        footerHeading = "%nExamples:%n",
        footer = {"  # the sample school's plans, step by step, for people",
                "  ./outreach recommend --format table fixtures/sample-school.json",
                "  # as of another day, in JSON, into a file",
                "  ./outreach recommend --as-of 2026-10-01 --out plans.json \\",
                "      fixtures/sample-school.json",
                "  # a school exported from an Ed-Fi ODS/API (48 students of Ed-Fi's Grand Bend)",
                "  ./outreach recommend --edfi fixtures/edfi/grand-bend-subset --as-of 2022-05-27",
                "  # a school from CSV exports",
                "  ./outreach recommend --school fixtures/csv/school.json \\",
                "      --csv fixtures/csv/roster.csv fixtures/csv/attendance.csv \\",
                "      --codes fixtures/csv/codes.csv"})
final class RecommendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Mixin
    InputOptions inputs;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json (default), table, csv, or jsonl: one compact line per student, streamed in input order.")
    String formatName;

    private ResultWriter.Format format;

    @Mixin
    OutputFile output;

    @Option(names = "--write-back-edfi", paramLabel = "DIR",
            description = "With --edfi: also write the newly recommended supports (catalog supportTier 2 or 3) as Ed-Fi resources to post "
                    + "to the ODS/API, DIR/interventions.json then DIR/studentInterventionAssociations.json; read back, they are in place.")
    Path writeBack;

    /** The results of the schools read with --edfi, for the write-back. */
    private final List<SchoolResult> edfiResults = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        format = ResultWriter.Format.valueOf(Values.format(spec, formatName, "json", "table", "csv", "jsonl").toUpperCase(Locale.ROOT));
        if (inputs.nothingGiven(spec) || !output.ready(spec)) {
            return 2;
        }
        if (writeBack != null && inputs.edfi == null) {
            err.println("outreach recommend: --write-back-edfi goes with --edfi DIR (the supports are written for the schools read from it)");
            return 2;
        }
        OutreachEngine engine = rules.engine(err);
        if (engine == null) {
            return 2;
        }
        if (output.given()) {
            int[] status = {0};
            boolean written = output.write(spec, w -> {
                PrintWriter out = new PrintWriter(w);
                status[0] = recommend(engine, out, err);
                if (out.checkError()) {
                    throw new IOException("writing failed");
                }
            });
            return written ? status[0] : 2;
        }
        return recommend(engine, spec.commandLine().getOut(), err);
    }

    private int recommend(OutreachEngine engine, PrintWriter out, PrintWriter err) throws IOException {
        SchoolFileReader reader = new SchoolFileReader(); // a JSON-lines file is read on the engine's worker threads
        List<SchoolResult> results = new ArrayList<>();
        ResultWriter.Lines lines = format == ResultWriter.Format.JSONL ? ResultWriter.lines(out) : null;
        boolean problems = false;
        Progress progress = Progress.forTerminal(err);
        for (Path path : inputs.files == null ? List.<Path>of() : inputs.files) {
            try {
                if (isJsonLines(path)) {
                    problems |= jsonLines(engine, reader, path, lines, results, err, progress);
                    continue;
                }
                problems |= school(engine, reader.read(path), lines, results, err, progress);
            } catch (SchoolFileException e) {
                problems = true;
                err.println("error: " + e.problem());
                results.add(SchoolResult.failed(path.toString(), e.problem()));
            } catch (UncheckedIOException e) {
                problems = true;
                err.println("error: " + e.getMessage() + " (" + e.getCause().getClass().getSimpleName() + ")");
                results.add(SchoolResult.failed(path.toString(), new InputProblem(path.toString(), null, null,
                        "cannot be read: " + e.getCause().getClass().getSimpleName())));
            }
        }
        for (InputOptions.Loaded l : inputs.practices(engine.catalog()).load(asOf.day, progress)) {
            if (l.file() == null) {
                problems = true;
                err.println("error: " + l.failure().error());
                results.add(l.failure());
            } else {
                problems |= school(engine, l.file(), lines, results, err, progress);
            }
        }
        if (writeBack != null) {
            List<org.attendanceoutreach.output.EdFiWriteBack.Support> supports =
                    org.attendanceoutreach.output.EdFiWriteBack.supports(edfiResults, engine.catalog());
            try {
                org.attendanceoutreach.output.EdFiWriteBack.Written w = org.attendanceoutreach.output.EdFiWriteBack.write(supports,
                        inputs.edfiRead, writeBack);
                err.println("write-back: " + w.supports() + " recommended supports as " + w.dataStandard() + " resources: post "
                        + w.interventions() + ", then " + w.associations());
            } catch (IllegalArgumentException | IOException e) {
                err.println("outreach recommend: --write-back-edfi: " + e.getMessage());
                problems = true;
            }
        }
        err.flush();
        if (lines != null) {
            lines.close();
        } else {
            ResultWriter.write(format, results, out);
        }
        out.flush();
        return problems ? 1 : 0;
    }

    /** Evaluates a whole school file (warnings and errors on {@code err}); true when some student had an error. */
    private boolean school(OutreachEngine engine, SchoolFile file, ResultWriter.Lines lines, List<SchoolResult> results,
                           PrintWriter err, Progress progress) throws IOException {
        file.warnings().forEach(w -> err.println("warning: " + w));
        if (asOf.day != null) {
            file = InputOptions.withAsOf(file, asOf.day);
        }
        SchoolResult r = SchoolRun.evaluate(engine, file, progress);
        if (writeBack != null && inputs.edfi != null && file.file().equals(inputs.edfi.toString())) {
            edfiResults.add(r);
        }
        boolean problems = false;
        for (StudentResult s : r.students()) {
            if (s.isError()) {
                problems = true;
                err.println("error: " + s.error());
            }
        }
        if (lines != null) {
            for (StudentResult s : r.students()) {
                lines.write(s);
            }
        } else {
            results.add(r);
        }
        return problems;
    }

    /** A result and, for {@code --format jsonl}, its line. */
    private record Line(StudentResult result, String json) {
    }

    /** A JSON-lines school file: line 1 the school, then one student per line. */
    static boolean isJsonLines(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson");
    }

    /**
     * Streams a JSON-lines school file: with {@code --format jsonl} each result is written as soon as
     * it is ready (input order; only a few thousand students in memory); the other formats sort the
     * students by id, so they keep the results (not the input) until the end. True when some
     * student had an error.
     */
    private boolean jsonLines(OutreachEngine engine, SchoolFileReader reader, Path path, ResultWriter.Lines lines,
                              List<SchoolResult> results, PrintWriter err, Progress progress) throws SchoolFileException, IOException {
        boolean problems = false;
        try (SchoolLines in = reader.openLines(path, w -> err.println("warning: " + w))) {
            School school = asOf.day == null ? in.school() : in.school().withAsOf(asOf.day);
            List<StudentResult> kept = lines == null ? new ArrayList<>() : null;
            // each result is located in the file, and made into its line, on the worker threads
            try (Stream<Line> stream = engine.evaluateAll(school, in, null, r -> {
                StudentResult located = r.inFile(in.file());
                return new Line(located, lines == null ? null : ResultWriter.jsonLine(located));
            })) {
                Iterator<Line> it = stream.iterator();
                long done = 0;
                while (it.hasNext()) {
                    Line line = it.next();
                    StudentResult r = line.result();
                    progress.count("evaluating " + in.file(), ++done, -1);
                    if (r.isError()) {
                        problems = true;
                        err.println("error: " + r.error());
                    }
                    if (lines != null) {
                        lines.writeLine(line.json());
                    } else {
                        kept.add(r);
                    }
                }
            }
            progress.done();
            if (kept != null) {
                kept.sort(Comparator.comparing(StudentResult::studentId));
                results.add(new SchoolResult(in.file(), school.schoolId(), school.asOf(), kept, null));
            }
        }
        return problems;
    }
}
