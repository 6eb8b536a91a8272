package org.attendanceoutreach.cli;

import org.attendanceoutreach.bench.Bench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ./outreach bench --students N [--days D] [--seed S]}: the district benchmark. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Generates a district (or reuses the one cached under target/bench/), streams it through the engine",
                "(JSON lines in, JSON lines out) and through a plain-Java reference of the core policy, and reports the",
                "cold knowledge-base build, read/parse, facts, rules and writing times, students per second and peak heap.",
                "Both get the same warm-up first (the district's first 100,000 students), then the district is timed; then",
                "one student at a time (evaluate, warm) for the latency.",
                "Last line: students=N seconds=S students_per_s=R ratio_vs_reference=X peak_heap_mb=M build_s=B p99_us=P"},
        footerHeading = "%nExamples:%n",
        footer = {"  # a small district, in a few seconds",
                "  ./outreach bench --students 2000",
                "  # another district (docs/performance.md has a million students)",
                "  ./outreach bench --students 500 --days 60 --seed 7"})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Option(names = "--students", paramLabel = "N", required = true, description = "How many students.")
    int students;

    @Option(names = "--days", paramLabel = "D", defaultValue = "180", description = "Instructional days in the year (default 180).")
    int days;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed (default 42).")
    long seed;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "target/bench",
            description = "Where the district and the outputs go (default target/bench).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (students < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--students must be 1 or more");
        }
        if (days < 1 || days > 250) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--days must be 1 … 250");
        }
        rules.source(); // a --rules that is not a folder is a usage error before the district is generated
        Bench bench = new Bench(students, days, seed, dir, () -> rules.engine(spec.commandLine().getErr()));
        return bench.run(spec.commandLine().getOut());
    }
}
