package org.attendanceoutreach.bench;

import org.attendanceoutreach.EvaluationStats;
import org.attendanceoutreach.OutreachEngine;
import org.attendanceoutreach.output.ResultWriter;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.read.SchoolLines;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The district benchmark behind {@code ./outreach bench}: generates (or reuses) a district as JSON
 * lines, builds the knowledge base cold, streams the district through the engine into a JSON-lines
 * file, then runs the plain-Java {@link ReferenceEvaluator} on the same file in the same process,
 * and reports where the time went. Its last line is
 * {@code students=N seconds=S students_per_s=R ratio_vs_reference=X peak_heap_mb=M build_s=B p99_us=P}.
 */
public final class Bench {
    /** Bumped whenever the generator's output changes, so cached districts are not reused across versions. */
    static final int GENERATOR_VERSION = 2;

    private final int students;
    private final int days;
    private final long seed;
    private final Path dir;
    private final Supplier<OutreachEngine> engineFactory;

    /**
     * @param engineFactory builds the engine (compiling the rules); called once, timed as the cold build.
     *                      Returns null when the rules do not compile (the problems already reported).
     */
    public Bench(int students, int days, long seed, Path dir, Supplier<OutreachEngine> engineFactory) {
        this.students = students;
        this.days = days;
        this.seed = seed;
        this.dir = dir;
        this.engineFactory = engineFactory;
    }

    /** The district file this bench reads (generated on first use). */
    public Path districtFile() {
        return dir.resolve("district-v" + GENERATOR_VERSION + "-s" + seed + "-d" + days + "-n" + students + ".jsonl");
    }

    /** Students of the warm-up: the first ones of the district, read by the engine and then by the reference. */
    static final int WARM_UP = 100_000;
    /** Students evaluated one at a time for the latency figures (p50, p99), after as many untimed. */
    static final int SINGLE = 20_000;

    /** Runs the bench, printing the report to {@code out}; returns the exit status (0 ok, 1 errors in the output, 2 no rules). */
    public int run(PrintWriter out) throws IOException {
        Path input = districtFile();
        if (Files.isRegularFile(input)) {
            out.printf(Locale.ROOT, "district: %s (cached, %.1f MB)%n", input, Files.size(input) / 1e6);
        } else {
            long t = System.nanoTime();
            Path partial = input.resolveSibling(input.getFileName() + ".partial");
            new DistrictGenerator(seed, days).write(students, DistrictGenerator.Format.JSONL, partial);
            Files.move(partial, input, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            out.printf(Locale.ROOT, "district: %s (generated in %.1f s, %.1f MB)%n", input, seconds(System.nanoTime() - t),
                    Files.size(input) / 1e6);
        }
        out.printf(Locale.ROOT, "machine: %d cores, max heap %d MB, %s %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.version"));
        out.flush();

        HeapWatch heap = new HeapWatch();
        long buildStart = System.nanoTime();
        OutreachEngine engine = engineFactory.get();
        long buildNanos = System.nanoTime() - buildStart;
        if (engine == null) {
            return 2;
        }
        out.printf(Locale.ROOT, "knowledge base build (cold): %.2f s%n", seconds(buildNanos));
        out.flush();
        ReferenceEvaluator reference = new ReferenceEvaluator(engine.policy(), engine.catalog());
        // the same warm-up for both: the engine, then the reference, on the district's first students
        Path warmUp = warmUpFile(input, Math.min(WARM_UP, students));
        Run engineCold = engineRun(engine, warmUp, dir.resolve("engine-warm-up.jsonl"));
        if (engineCold == null) {
            out.println("error: the warm-up slice of the district cannot be read");
            return 2;
        }
        long refColdStart = System.nanoTime();
        reference.run(warmUp, dir.resolve("reference-warm-up.jsonl"));
        long refColdNanos = System.nanoTime() - refColdStart;
        out.printf(Locale.ROOT, "warm-up, the same for both (the district's first %,d students, not timed below): engine %.2f s,"
                + " reference %.2f s%n", engineCold.results, seconds(engineCold.nanos), seconds(refColdNanos));
        out.flush();

        // the engine: JSON lines in, JSON lines out
        heap.reset();
        Run run = engineRun(engine, input, dir.resolve("engine-out.jsonl"));
        if (run == null) {
            out.println("error: the district cannot be read");
            return 2;
        }
        long enginePeak = heap.peakUsedMb();
        long engineLive = heap.peakLiveMb();

        // the reference, on the same file, in the same process
        heap.reset();
        Path referenceOut = dir.resolve("reference-out.jsonl");
        long refStart = System.nanoTime();
        long referenceCount = reference.run(input, referenceOut);
        long referenceNanos = System.nanoTime() - refStart;

        // one student at a time, warm, on this thread
        Latency single = single(engine, input);
        heap.close();

        report(out, run, enginePeak, engineLive, referenceCount, referenceNanos, single, buildNanos);
        return run.errors == 0 && referenceCount == run.results ? 0 : 1;
    }

    private void report(PrintWriter out, Run run, long enginePeak, long engineLive, long referenceCount, long referenceNanos,
                        Latency single, long buildNanos) {
        CpuTimes cpu = run.cpu;
        long results = run.results;
        double s = seconds(run.nanos);
        // the workers' CPU time, split between reading, facts, rules and making lines in proportion to their clock time
        long workerNanos = run.stats.readingNanos() + run.stats.factsNanos() + run.stats.rulesNanos() + run.serializeNanos;
        long readCpu = share(cpu.workers, run.stats.readingNanos(), workerNanos);
        long factsCpu = share(cpu.workers, run.stats.factsNanos(), workerNanos);
        long rulesCpu = share(cpu.workers, run.stats.rulesNanos(), workerNanos);
        long linesCpu = share(cpu.workers, run.serializeNanos, workerNanos);
        out.printf(Locale.ROOT, "engine, JSON lines in -> JSON lines out (%d cores; CPU time by thread, so up to %d CPU-s per second of wall time):%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "  read/parse         %7.2f s CPU  %6.1f us/student  (worker threads, each reading the chunk it evaluates;"
                + " lines are split on the main thread)%n", seconds(readCpu), micros(readCpu, results));
        out.printf(Locale.ROOT, "  fact computation   %7.2f s CPU  %6.1f us/student  (worker threads)%n",
                seconds(factsCpu), micros(factsCpu, results));
        out.printf(Locale.ROOT, "  rule evaluation    %7.2f s CPU  %6.1f us/student  (worker threads: Drools, and the plan)%n",
                seconds(rulesCpu), micros(rulesCpu, results));
        out.printf(Locale.ROOT, "  output writing     %7.2f s CPU  %6.1f us/student  (worker threads make the lines) + %.2f s on the main thread writing them%n",
                seconds(linesCpu), micros(linesCpu, results), seconds(run.writeNanos));
        out.printf(Locale.ROOT, "  main thread        %7.2f s CPU  (splitting lines, handing them out, writing)%n", seconds(cpu.main));
        out.printf(Locale.ROOT, "  whole process      %7.2f s CPU  (all threads, GC and JIT included; GC pauses %.2f s)%n",
                seconds(cpu.process), cpu.gcMillis / 1e3);
        out.printf(Locale.ROOT, "  end to end         %7.2f s wall %,d students/s, %d with an error%n", s, Math.round(results / s), run.errors);
        out.printf(Locale.ROOT, "  peak heap          %7d MB used, %d MB live after GC%n", enginePeak, engineLive);
        out.printf(Locale.ROOT, "reference (plain Java, 1 thread, streaming parse, the core policy and the plan's core):%n");
        out.printf(Locale.ROOT, "  end to end         %7.2f s wall %,d students/s  (%.1f us/student)%n", seconds(referenceNanos),
                Math.round(referenceCount / seconds(referenceNanos)), micros(referenceNanos, referenceCount));
        out.printf(Locale.ROOT, "  engine facts+rules CPU / reference's whole run: %.1fx; engine process CPU / reference: %.1fx%n",
                (double) (factsCpu + rulesCpu) / referenceNanos, (double) cpu.process / referenceNanos);
        out.printf(Locale.ROOT, "one student at a time (evaluate, warm, %,d students after as many untimed): p50 %.0f us, p99 %.0f us, max %.0f us%n",
                single.count, single.p50 / 1e3, single.p99 / 1e3, single.max / 1e3);
        out.printf(Locale.ROOT, "output: %s, reference output: %s%n", dir.resolve("engine-out.jsonl"), dir.resolve("reference-out.jsonl"));
        out.printf(Locale.ROOT, "students=%d seconds=%.2f students_per_s=%d ratio_vs_reference=%.2f peak_heap_mb=%d build_s=%.2f p99_us=%.0f%n",
                results, s, Math.round(results / s), (double) run.nanos / referenceNanos, enginePeak, seconds(buildNanos), single.p99 / 1e3);
        out.flush();
    }

    /** One pass of the engine over a JSON-lines file: what it took. */
    private record Run(long results, long errors, long nanos, long writeNanos, long serializeNanos, EvaluationStats stats, CpuTimes cpu) {
    }

    /** Streams {@code input} through the engine into {@code output}, as {@code recommend --format jsonl} does; null when it cannot be read. */
    private static Run engineRun(OutreachEngine engine, Path input, Path output)
            throws IOException {
        EvaluationStats stats = new EvaluationStats();
        long writeNanos = 0;
        long results = 0;
        long errors = 0;
        LongAdder serializeNanos = new LongAdder();
        CpuTimes cpuBefore = CpuTimes.now();
        long start = System.nanoTime();
        try (SchoolLines lines = new SchoolFileReader().openLines(input, w -> { }); // read on the engine's worker threads, as recommend reads
             java.io.OutputStream w = new java.io.BufferedOutputStream(Files.newOutputStream(output), 1 << 20);
             Stream<Line> stream = engine.evaluateAll(lines.school(), lines, stats, r -> {
                 long t = System.nanoTime();
                 byte[] json = ResultWriter.jsonLineBytes(r); // on the worker threads
                 serializeNanos.add(System.nanoTime() - t);
                 return new Line(r.isError(), json);
             })) {
            Iterator<Line> it = stream.iterator();
            while (it.hasNext()) {
                Line line = it.next();
                long t = System.nanoTime();
                w.write(line.json());
                w.write('\n');
                writeNanos += System.nanoTime() - t;
                results++;
                if (line.error()) {
                    errors++;
                }
            }
            long t = System.nanoTime();
            w.flush();
            writeNanos += System.nanoTime() - t;
        } catch (SchoolFileException e) {
            return null;
        }
        long nanos = System.nanoTime() - start;
        return new Run(results, errors, nanos, writeNanos, serializeNanos.sum(), stats, CpuTimes.now().minus(cpuBefore));
    }

    /** The school line and the first {@code n} students of the district (made once, kept beside it). */
    private static Path warmUpFile(Path district, int n) throws IOException {
        Path slice = district.resolveSibling(district.getFileName().toString().replace(".jsonl", "") + "-first" + n + ".jsonl");
        if (Files.isRegularFile(slice)) {
            return slice;
        }
        Path partial = slice.resolveSibling(slice.getFileName() + ".partial");
        try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(district), 1 << 16);
             java.io.OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
            int lines = 0;
            for (int b = in.read(); b >= 0 && lines <= n; b = in.read()) {
                o.write(b);
                if (b == '\n') {
                    lines++;
                }
            }
        }
        Files.move(partial, slice, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return slice;
    }

    /** Latencies of {@code evaluate}, one student at a time on one thread, in nanoseconds. */
    record Latency(int count, double p50, double p99, double max) {
    }

    /**
     * {@link OutreachEngine#evaluate} of the district's first {@value #SINGLE} students one at a time,
     * each timed alone, after the same students once untimed: what an SIS waits for when a clerk
     * marks one child absent. The JMH benchmark {@code EvaluateBenchmark} measures the same call.
     */
    private static Latency single(OutreachEngine engine, Path input) throws IOException {
        java.util.List<org.attendanceoutreach.school.Student> some = new java.util.ArrayList<>(SINGLE);
        org.attendanceoutreach.school.School school;
        try (SchoolLines lines = new SchoolFileReader().openLines(input, w -> { })) {
            school = lines.school();
            while (some.size() < SINGLE && lines.hasNext()) {
                org.attendanceoutreach.read.StudentInput in = lines.next();
                if (in.ok()) {
                    some.add(in.student());
                }
            }
        } catch (SchoolFileException e) {
            return new Latency(0, 0, 0, 0);
        }
        for (org.attendanceoutreach.school.Student s : some) {
            engine.evaluate(school, s);
        }
        long[] nanos = new long[some.size()];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            engine.evaluate(school, some.get(i));
            nanos[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(nanos);
        if (nanos.length == 0) {
            return new Latency(0, 0, 0, 0);
        }
        return new Latency(nanos.length, nanos[nanos.length / 2], nanos[Math.min(nanos.length - 1, (int) Math.ceil(nanos.length * 0.99) - 1)],
                nanos[nanos.length - 1]);
    }

    /** CPU time so far, by thread group (nanoseconds), and GC pause time. */
    private record CpuTimes(long workers, long main, long process, long gcMillis) {
        static CpuTimes now() {
            java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long workers = 0;
            for (long id : mx.getAllThreadIds()) {
                java.lang.management.ThreadInfo info = mx.getThreadInfo(id);
                long t = mx.getThreadCpuTime(id);
                if (info == null || t < 0) {
                    continue;
                }
                if (info.getThreadName().startsWith("outreach-worker")) {
                    workers += t;
                }
            }
            long process = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : 0;
            long gc = 0;
            for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
                gc += Math.max(0, b.getCollectionTime());
            }
            return new CpuTimes(workers, mx.getCurrentThreadCpuTime(), process, gc);
        }

        CpuTimes minus(CpuTimes before) {
            return new CpuTimes(workers - before.workers, main - before.main,
                    process - before.process, gcMillis - before.gcMillis);
        }
    }

    private record Line(boolean error, byte[] json) {
    }

    private static long share(long total, long part, long whole) {
        return whole == 0 ? 0 : (long) ((double) total * part / whole);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double micros(long nanos, long count) {
        return count == 0 ? 0 : nanos / 1e3 / count;
    }

    /**
     * Peak heap: the most used at once (the heap pools' peaks, summed: an upper bound) and the most
     * left after a collection (the live data), from the JVM's own counters.
     */
    static final class HeapWatch implements AutoCloseable {
        private final AtomicLong live = new AtomicLong();
        private final NotificationListener listener = (n, handback) -> {
            if ("com.sun.management.gc.notification".equals(n.getType()) && n.getUserData() instanceof CompositeData cd) {
                CompositeData info = (CompositeData) cd.get("gcInfo");
                long used = 0;
                for (Object v : ((javax.management.openmbean.TabularData) info.get("memoryUsageAfterGc")).values()) {
                    CompositeData row = (CompositeData) v;
                    String pool = (String) row.get("key");
                    if (isHeap(pool)) {
                        used += MemoryUsage.from((CompositeData) row.get("value")).getUsed();
                    }
                }
                live.accumulateAndGet(used, Math::max);
            }
        };

        HeapWatch() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter e) {
                    e.addNotificationListener(listener, null, null);
                }
            }
        }

        private static boolean isHeap(String pool) {
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getName().equals(pool)) {
                    return p.getType() == MemoryType.HEAP;
                }
            }
            return false;
        }

        void reset() {
            System.gc();
            live.set(0);
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    p.resetPeakUsage();
                }
            }
        }

        long peakUsedMb() {
            long sum = 0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    sum += p.getPeakUsage().getUsed();
                }
            }
            return sum >> 20;
        }

        long peakLiveMb() {
            return live.get() >> 20;
        }

        @Override
        public void close() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter e) {
                    try {
                        e.removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException ignored) {
                        // not registered
                    }
                }
            }
        }
    }
}
