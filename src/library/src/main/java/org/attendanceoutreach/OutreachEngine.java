package org.attendanceoutreach;

import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.internal.engine.ReadAhead;
import org.attendanceoutreach.internal.engine.Watchdog;
import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.facts.SchoolDays;
import org.attendanceoutreach.policy.Policy;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.StudentInput;
import org.attendanceoutreach.internal.engine.ChunkedSource;
import org.attendanceoutreach.rules.RuleCompiler;
import org.attendanceoutreach.rules.RuleLimits;
import org.attendanceoutreach.rules.RuleSet;
import org.attendanceoutreach.rules.RuleSource;
import org.attendanceoutreach.rules.RulesException;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.SchoolCalendar;
import org.attendanceoutreach.school.Student;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The entry point: compiled rules, ready to evaluate students from any number of threads.
 *
 * <pre>
 * OutreachEngine engine = OutreachEngine.builder().rulesFolder(Path.of("rules")).build();
 * StudentResult result = engine.evaluate(school, student);
 * </pre>
 *
 * Building checks and loads the rules once (the rules bundled in the jar come precompiled; a
 * folder is compiled, a few seconds, unless a compiled-rules cache already holds it); evaluations
 * are cheap and independent. {@link #reload()} recompiles the rules on the side and swaps them in
 * only when they pass every check; evaluations already running finish with the rules they started
 * with. Every student's rules run under budgets ({@link Builder#ruleLimits}); a student over budget
 * comes out as a {@link org.attendanceoutreach.result.RuleFailure}, never as a hang. Threads belong
 * to the caller ({@link Builder#executor}); {@link #close()} stops what the engine started.
 */
public final class OutreachEngine implements AutoCloseable {
    private final RuleSource source;
    private final Policy policyOverride;
    private final java.nio.file.Path cache;
    private final RuleLimits limits;
    private final AtomicReference<RuleSet> rules;
    private final Map<SchoolCalendar, SchoolDays> calendars = new ConcurrentHashMap<>();
    private final Watchdog watchdog = new Watchdog(5_000);
    private final Executor executor;
    private final ExecutorService ownExecutor;
    private volatile RulesWatcher watcher;

    private OutreachEngine(Builder b, RuleSet rules) {
        this.source = b.source;
        this.policyOverride = b.policy;
        this.cache = b.cache;
        this.limits = b.limits;
        this.rules = new AtomicReference<>(rules);
        if (b.executor != null) {
            this.executor = b.executor;
            this.ownExecutor = null;
        } else {
            AtomicInteger count = new AtomicInteger();
            this.ownExecutor = Executors.newFixedThreadPool(cores(), r -> {
                Thread t = new Thread(r, "outreach-worker-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            this.executor = ownExecutor;
        }
    }

    private static int cores() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Throws when the engine cannot go on (see {@link EngineBrokenException}). */
    private void checkWorking() {
        String why = watchdog.broken();
        if (why != null) {
            throw new EngineBrokenException(why);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Evaluates one student of a school, on the calling thread. Never throws for bad input or
     * failing rules: the result carries the error.
     *
     * @throws EngineBrokenException when the engine cannot go on
     */
    public StudentResult evaluate(School school, Student student) {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(student, "student");
        checkWorking();
        return rules.get().evaluateAll(school, schoolDays(school.calendar()), List.of(StudentInput.of(student)), null, watchdog).get(0);
    }

    /**
     * Evaluates every student of a school file: students that could not be read come out with their
     * error, and every result is sorted by student id (then by position, for a repeated id).
     */
    public SchoolResult evaluate(SchoolFile file) {
        School school = file.school();
        List<StudentResult> out = new ArrayList<>(file.students().size());
        try (Stream<StudentResult> results = evaluateAll(school, file.students().iterator())) {
            results.forEachOrdered(r -> out.add(r.inFile(file.file())));
        }
        out.sort(Comparator.comparing(StudentResult::studentId));
        return new SchoolResult(file.file(), school.schoolId(), school.asOf(), out, null);
    }

    /**
     * Evaluates a stream of students of one school, in parallel on every core, with bounded memory:
     * students are taken from {@code students} in chunks as the returned stream is consumed, at
     * most a few thousand are in flight at a time, and the results come out <em>in input order</em>
     * (not sorted). Every entry gives exactly one result: the student's, or its error (an entry
     * that could not be read comes out with its error). Each result is exactly what
     * {@link #evaluate(School, Student)} gives for that student.
     *
     * <p>The iterator is only ever called from the thread that consumes the stream, so it need
     * not be thread-safe (a {@link org.attendanceoutreach.read.SchoolLines} reads the file as it
     * goes; one nobody has taken a student from yet is parsed on the worker threads, each chunk of
     * lines where it is evaluated). Close the stream if you stop consuming it early. The rules serving when this is
     * called serve the whole stream, whatever {@link #reload()} does meanwhile.
     */
    public Stream<StudentResult> evaluateAll(School school, Iterator<StudentInput> students) {
        return evaluateAll(school, students, null);
    }

    /** As {@link #evaluateAll(School, Iterator)}, adding where the time goes to {@code stats} (may be null). */
    public Stream<StudentResult> evaluateAll(School school, Iterator<StudentInput> students, EvaluationStats stats) {
        return evaluateAll(school, students, stats, Function.identity());
    }

    /**
     * As {@link #evaluateAll(School, Iterator)}, with {@code then} applied to each result on the
     * worker threads, in parallel, before it comes out (still in input order): for work per
     * student that should not wait for the consuming thread, such as turning each result into a
     * line of output. {@code then} must be thread-safe and must not return null.
     */
    public <T> Stream<T> evaluateAll(School school, Iterator<StudentInput> students, EvaluationStats stats,
                                     Function<? super StudentResult, ? extends T> then) {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(students, "students");
        Objects.requireNonNull(then, "then");
        checkWorking();
        RuleSet serving = rules.get();
        SchoolDays days = schoolDays(school.calendar());
        if (students instanceof ChunkedSource<StudentInput> source) {
            Iterator<ChunkedSource.Chunk<StudentInput>> unread = source.chunks();
            if (unread != null) {
                return evaluateChunks(school, days, serving, source, unread, stats, then);
            }
        }
        Iterator<Callable<List<T>>> chunks = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return students.hasNext();
            }

            @Override
            public Callable<List<T>> next() {
                List<StudentInput> chunk = new ArrayList<>(CHUNK);
                while (chunk.size() < CHUNK && students.hasNext()) {
                    chunk.add(students.next());
                }
                return () -> applied(serving.evaluateAll(school, days, chunk, stats, watchdog), then);
            }
        };
        ReadAhead<List<T>> ahead = new ReadAhead<>(executor, chunks, 2 * cores(), watchdog::broken);
        Iterator<T> flat = new Iterator<>() {
            private Iterator<T> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!ahead.hasNext()) {
                        return false;
                    }
                    current = ahead.next().iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(flat, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(ahead::cancel);
    }

    /**
     * {@link #evaluateAll(School, Iterator, EvaluationStats, Function)} of a source that can be read a
     * chunk at a time where it is evaluated (a JSON-lines file): each worker reads its chunk's lines,
     * evaluates them and applies {@code then}, so a student is made, evaluated and written by one
     * thread (about 5% less CPU than reading on a thread of its own). The source decides in order,
     * on this thread, what must be decided in order: an entry it hands out in place of the one read
     * (a repeated id) is evaluated here, as its error; its evaluation on the worker is dropped.
     */
    private <T> Stream<T> evaluateChunks(School school, SchoolDays days, RuleSet serving, ChunkedSource<StudentInput> source,
                                         Iterator<ChunkedSource.Chunk<StudentInput>> unread, EvaluationStats stats,
                                         Function<? super StudentResult, ? extends T> then) {
        record Done<T>(ChunkedSource.Chunk<StudentInput> chunk, List<StudentInput> read, List<StudentResult> results, List<T> out) {
        }
        Iterator<Callable<Done<T>>> tasks = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return unread.hasNext();
            }

            @Override
            public Callable<Done<T>> next() {
                ChunkedSource.Chunk<StudentInput> chunk = unread.next();
                return () -> {
                    long start = stats == null ? 0 : System.nanoTime();
                    List<StudentInput> read = chunk.read();
                    if (stats != null) {
                        stats.addReading(System.nanoTime() - start);
                    }
                    List<StudentResult> results = serving.evaluateAll(school, days, read, stats, watchdog);
                    return new Done<>(chunk, read, results, applied(results, then));
                };
            }
        };
        ReadAhead<Done<T>> ahead = new ReadAhead<>(executor, tasks, 2 * cores(), watchdog::broken);
        Iterator<T> flat = new Iterator<>() {
            private Done<T> current;
            private int index;
            private boolean finished;

            @Override
            public boolean hasNext() {
                while (current == null || index >= current.out().size()) {
                    if (finished) {
                        return false;
                    }
                    if (!ahead.hasNext()) {
                        finished = true;
                        source.finish();
                        return false;
                    }
                    current = ahead.next();
                    index = 0;
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                int i = index++;
                StudentInput handed = current.chunk().handOut(i);
                if (handed == current.read().get(i)) {
                    return current.out().get(i);
                }
                // in place of the one read (a repeated id): its error, as RuleSet.evaluateAll gives an entry that failed
                if (stats != null && !current.results().get(i).isError()) {
                    stats.becameError();
                }
                StudentResult r = StudentResult.failed(handed.key(), school.asOf(), handed.error());
                return Objects.requireNonNull(then.apply(r), "then returned null");
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(flat, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(ahead::cancel);
    }

    /** {@code then} of each result, on the worker thread. */
    private static <T> List<T> applied(List<StudentResult> results, Function<? super StudentResult, ? extends T> then) {
        List<T> out = new ArrayList<>(results.size());
        for (StudentResult r : results) {
            out.add(Objects.requireNonNull(then.apply(r), "then returned null"));
        }
        return out;
    }

    /** Students per chunk handed to a worker: one rule session serves a chunk. */
    private static final int CHUNK = 256;

    /**
     * Recompiles the rules from the same place. On success the new rules serve every evaluation
     * that starts afterwards; on failure the current rules keep serving and the problems are thrown.
     */
    public synchronized void reload() throws RulesException {
        rules.set(RuleCompiler.compile(source, policyOverride, cache, limits));
    }

    /** Reloads from a snapshot of the folder's files taken by the watcher (a half-written file never goes live). */
    synchronized void reload(RuleSource snapshot) throws RulesException {
        RuleSet fresh = RuleCompiler.compile(snapshot, policyOverride, cache, limits);
        rules.set(fresh);
    }

    /**
     * Stops watching the rules folder, the watchdog, and the worker threads the engine made (not
     * an executor the caller gave). Streams still being consumed finish on the consuming thread.
     */
    @Override
    public void close() throws IOException {
        RulesWatcher w = watcher;
        if (w != null) {
            w.close();
        }
        watchdog.close();
        if (ownExecutor != null) {
            ownExecutor.shutdown();
        }
    }

    /** The compiled rules currently serving. */
    public RuleSet rules() {
        return rules.get();
    }

    public Catalog catalog() {
        return rules.get().catalog();
    }

    public Policy policy() {
        return rules.get().policy();
    }

    private SchoolDays schoolDays(SchoolCalendar calendar) {
        if (calendars.size() > 1_000) {
            calendars.clear();
        }
        return calendars.computeIfAbsent(calendar, SchoolDays::new);
    }

    /** Configures an engine; {@link #build()} compiles the rules. */
    public static final class Builder {
        private RuleSource source = RuleSource.bundled();
        private Policy policy;
        private ReloadListener reloadListener;
        private Executor executor;
        private java.nio.file.Path cache;
        private RuleLimits limits = RuleLimits.DEFAULTS;

        private Builder() {
        }

        /** Rules from a folder of {@code .drl} files with {@code catalog.json} and {@code policy.properties}. */
        public Builder rulesFolder(Path folder) {
            this.source = RuleSource.folder(Objects.requireNonNull(folder, "folder"));
            return this;
        }

        /** The rules bundled in the jar (the default). */
        public Builder bundledRules() {
            this.source = RuleSource.bundled();
            return this;
        }

        /** Policy numbers to use instead of the folder's {@code policy.properties}. */
        public Builder policy(Policy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Reloads the rules whenever a file of the rules folder changes, and tells {@code listener}
         * how it went (a failed reload keeps the old rules serving). Needs {@link #rulesFolder(Path)};
         * {@link OutreachEngine#close()} stops the watching.
         */
        public Builder reloadOnChange(ReloadListener listener) {
            this.reloadListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The threads that evaluate batches ({@link #evaluateAll}): the caller's. Default: one
         * daemon thread per core, owned by the engine and stopped by {@link #close()}. Any executor
         * works, including one that runs tasks on the calling thread or is busy: the consuming
         * thread runs what no thread has started, so the engine never deadlocks (not even when
         * called again from inside an {@code evaluateAll} callback).
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * A folder where compiled rules are kept, keyed by the hash of the rule files and the
         * library: a rules folder compiled once loads in a fraction of a second afterwards. What
         * is found there goes through the same bytecode check as a fresh compile (an entry that
         * fails it is compiled again). Default: none.
         */
        public Builder compiledRulesCache(java.nio.file.Path folder) {
            this.cache = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /**
         * What one student's rules may cost: firings, time and allocated memory (default
         * {@link RuleLimits#DEFAULTS}: 10,000 firings, 2 s, 256 MB). A student over budget comes out
         * as an error naming the rule; every other student is still evaluated.
         */
        public Builder ruleLimits(RuleLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Compiles the rules.
         *
         * @throws RulesException listing every problem in the rule folder as {@code FILE:LINE: message}
         * @throws IllegalStateException when asked to watch rules that are not in a folder
         */
        public OutreachEngine build() throws RulesException {
            if (reloadListener != null && source.folderPath() == null) {
                throw new IllegalStateException("reloadOnChange needs rulesFolder(...): the bundled rules cannot change");
            }
            OutreachEngine engine = new OutreachEngine(this, RuleCompiler.compile(source, policy, cache, limits));
            if (reloadListener != null) {
                try {
                    engine.watcher = new RulesWatcher(source.folderPath(), engine, reloadListener);
                } catch (IOException e) {
                    engine.watchdog.close();
                    if (engine.ownExecutor != null) {
                        engine.ownExecutor.shutdown();
                    }
                    throw new UncheckedIOException("cannot watch " + source.folderPath(), e);
                }
            }
            return engine;
        }
    }
}
