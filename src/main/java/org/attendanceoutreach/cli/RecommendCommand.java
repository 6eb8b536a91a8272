package org.attendanceoutreach.cli;

import org.attendanceoutreach.OutreachEngine;
import org.attendanceoutreach.SchoolResult;
import org.attendanceoutreach.StudentResult;
import org.attendanceoutreach.output.ResultWriter;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.read.SchoolFileReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ./outreach recommend FILE...}: recommendations for every student of the school files. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = {"Evaluates every student of the school files and prints the recommendations.",
                "Exit status: 0 all evaluated, 1 some students or files had errors (all others are still in the output), 2 the rules do not compile."})
final class RecommendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Evaluate as of this day instead of the file's asOf (YYYY-MM-DD).")
    LocalDate asOf;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json (default), table or csv.", converter = FormatConverter.class)
    ResultWriter.Format format;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "School files (contract section 1).")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        OutreachEngine engine = rules.engine(err);
        if (engine == null) {
            return 2;
        }
        SchoolFileReader reader = new SchoolFileReader();
        List<SchoolResult> results = new ArrayList<>();
        boolean problems = false;
        for (Path path : files) {
            try {
                SchoolFile file = reader.read(path);
                file.warnings().forEach(w -> err.println("warning: " + w));
                if (asOf != null) {
                    file = new SchoolFile(file.file(), file.school().withAsOf(asOf), file.students(), file.expectations(), file.warnings());
                }
                SchoolResult r = engine.evaluate(file);
                for (StudentResult s : r.students()) {
                    if (s.isError()) {
                        problems = true;
                        err.println("error: " + s.error());
                    }
                }
                results.add(r);
            } catch (SchoolFileException e) {
                problems = true;
                err.println("error: " + e.problem());
                results.add(SchoolResult.failed(path.toString(), e.problem()));
            }
        }
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        ResultWriter.write(format, results, out);
        out.flush();
        return problems ? 1 : 0;
    }

}
