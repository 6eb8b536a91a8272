package org.attendanceoutreach.bench.jmh;

import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.school.Student;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One student at a time, warm: what an SIS waits for when a clerk marks a child absent and asks for
 * the plan ({@code OutreachEngine.evaluate}: the facts, a rule session of its own, the plan). Each
 * call takes the next of the district's first 20,000 students, so the mix of students is the
 * bench's. Sample mode, so JMH reports the percentiles (p0.99 is issue 17's target: 250 us).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class EvaluateBenchmark {
    private District district;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        district = new District(20_000);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        district.close();
    }

    @Benchmark
    public StudentResult evaluate() {
        Student s = district.students.get(next);
        next = next + 1 == district.students.size() ? 0 : next + 1;
        return district.engine.evaluate(district.school, s);
    }
}
