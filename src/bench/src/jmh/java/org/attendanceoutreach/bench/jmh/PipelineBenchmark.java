package org.attendanceoutreach.bench.jmh;

import org.attendanceoutreach.facts.SchoolDays;
import org.attendanceoutreach.facts.StudentFacts;
import org.attendanceoutreach.output.ResultWriter;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.read.SchoolLines;
import org.attendanceoutreach.read.StudentInput;
import org.attendanceoutreach.result.StudentResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The district pipeline's stages, one thread, per student (each invocation does the district's
 * first 2,000 students): reading JSON lines into records (on this thread), the facts alone, the facts
 * with the rules and the plan (in chunks of 256 in one session, as a worker thread does them), and
 * writing a result as its JSON line. For finding
 * where the time goes; {@code ./outreach bench} measures the whole on every core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class PipelineBenchmark {
    private static final int N = 2_000;

    private District district;
    private SchoolDays days;
    private List<StudentResult> results;
    private List<StudentInput> inputs;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        district = new District(N);
        days = new SchoolDays(district.school.calendar());
        results = new ArrayList<>();
        inputs = new ArrayList<>();
        for (var s : district.students) {
            inputs.add(StudentInput.of(s));
            results.add(district.engine.evaluate(district.school, s));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        district.close();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void read(Blackhole bh) throws Exception {
        try (SchoolLines lines = new SchoolFileReader().openLines("district.jsonl", new ByteArrayInputStream(district.jsonLines), w -> { })) {
            while (lines.hasNext()) {
                StudentInput in = lines.next();
                bh.consume(in);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void facts(Blackhole bh) {
        for (var s : district.students) {
            StudentFacts f = district.engine.rules().facts(district.school, days, s);
            bh.consume(f);
        }
    }

    /** Facts, rules and plan, in chunks of 256 students, each chunk in one rule session, as a worker thread does them. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void evaluateInChunks(Blackhole bh) {
        for (int from = 0; from < inputs.size(); from += 256) {
            List<StudentInput> chunk = inputs.subList(from, Math.min(inputs.size(), from + 256));
            bh.consume(district.engine.rules().evaluateAll(district.school, days, chunk, null));
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void jsonLine(Blackhole bh) {
        for (StudentResult r : results) {
            bh.consume(ResultWriter.jsonLineBytes(r));
        }
    }
}
