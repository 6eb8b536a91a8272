package org.attendanceoutreach.cli;

import org.attendanceoutreach.bench.DistrictGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ./outreach generate --students N [--seed S] [--days D] [--format json|jsonl] --out FILE}: a synthetic district. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a synthetic district: N students over one school year, the same for the same seed.",
                "About a quarter chronically absent; runs of absences, illness clusters, foster care with Education Decision Makers,",
                "IEPs, ten home languages, missing and disconnected phone numbers. Names and numbers are made up."},
        footerHeading = "%nExamples:%n",
        footer = {"  # a district; then: ./outreach recommend --format jsonl district.jsonl",
                "  ./outreach generate --students 1000 --out district.jsonl",
                "  # another one, as one school file",
                "  ./outreach generate --students 200 --seed 7 --format json --out school.json"})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--students", paramLabel = "N", required = true, description = "How many students.")
    int students;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed (default 42).")
    long seed;

    @Option(names = "--days", paramLabel = "D", defaultValue = "180",
            description = "Instructional days in the year, evaluated on the last one (default 180).")
    int days;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "jsonl (default: line 1 the school, then one student per line) or json (a school file).")
    String format;

    @Mixin
    OutputFile output;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        DistrictGenerator.Format f = DistrictGenerator.Format.valueOf(Values.format(spec, format, "jsonl", "json").toUpperCase(Locale.ROOT));
        if (students < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--students must be 0 or more");
        }
        if (days < 1 || days > 250) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--days must be 1 … 250");
        }
        if (!output.given()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out FILE is required: where to write the district");
        }
        if (!output.ready(spec)) {
            return 2;
        }
        long start = System.nanoTime();
        DistrictGenerator generator = new DistrictGenerator(seed, days);
        if (!output.writeBytes(spec, os -> generator.write(students, f, os))) {
            return 2;
        }
        err.printf(Locale.ROOT, "generated %d students (%d days, seed %d) into %s in %.1f s%n", students, days, seed,
                org.attendanceoutreach.internal.PlainText.escape(output.path.toString()), (System.nanoTime() - start) / 1e9);
        err.flush();
        return 0;
    }
}
