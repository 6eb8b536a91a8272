package org.attendanceoutreach;

import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.internal.DaemonPool;
import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.facts.SchoolDays;
import org.attendanceoutreach.policy.Policy;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.StudentInput;
import org.attendanceoutreach.rules.RuleCompiler;
import org.attendanceoutreach.rules.RuleSet;
import org.attendanceoutreach.rules.RuleSource;
import org.attendanceoutreach.rules.RulesException;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.SchoolCalendar;
import org.attendanceoutreach.school.Student;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
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
 * Building compiles the rules once (a few seconds); evaluations are cheap and independent.
 * {@link #reload()} recompiles the rules on the side and swaps them in only when they compile;
 * evaluations already running finish with the rules they started with.
 */
public final class OutreachEngine implements AutoCloseable {
    private final RuleSource source;
    private final Policy policyOverride;
    private final AtomicReference<RuleSet> rules;
    private final Map<SchoolCalendar, SchoolDays> calendars = new ConcurrentHashMap<>();
    private volatile RulesWatcher watcher;

    private OutreachEngine(RuleSource source, Policy policyOverride, RuleSet rules) {
        this.source = source;
        this.policyOverride = policyOverride;
        this.rules = new AtomicReference<>(rules);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Evaluates one student of a school. Never throws for bad input: the result carries the error. */
    public StudentResult evaluate(School school, Student student) {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(student, "student");
        return rules.get().evaluate(school, schoolDays(school.calendar()), student);
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
     * goes). Close the stream if you stop consuming it early. The rules serving when this is
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
        Batch<T> batch = new Batch<>(rules.get(), school, schoolDays(school.calendar()), students, stats, then);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(batch, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(batch::cancel);
    }

    /** Students per chunk handed to a worker: one rule session serves a chunk. */
    private static final int CHUNK = 256;

    /** The worker threads: one per core, shared by every engine, daemon so they never hold up exit. */
    private static final class Workers {
        static final int THREADS = DaemonPool.cores();
        static final ExecutorService POOL = DaemonPool.perCore("outreach-worker");
    }

    /** Ordered results of chunks evaluated on the workers, a bounded number of chunks ahead. */
    private static final class Batch<T> implements Iterator<T> {
        private final RuleSet rules;
        private final School school;
        private final SchoolDays days;
        private final Iterator<StudentInput> source;
        private final EvaluationStats stats;
        private final Function<? super StudentResult, ? extends T> then;
        private final int inFlight = Workers.THREADS * 4;
        private final ArrayDeque<Future<List<T>>> pending = new ArrayDeque<>();
        private List<T> current = List.of();
        private int index;

        Batch(RuleSet rules, School school, SchoolDays days, Iterator<StudentInput> source, EvaluationStats stats,
              Function<? super StudentResult, ? extends T> then) {
            this.rules = rules;
            this.school = school;
            this.days = days;
            this.source = source;
            this.stats = stats;
            this.then = then;
        }

        private List<T> evaluate(List<StudentInput> chunk) {
            List<StudentResult> results = rules.evaluateAll(school, days, chunk, stats);
            List<T> out = new ArrayList<>(results.size());
            for (StudentResult r : results) {
                out.add(Objects.requireNonNull(then.apply(r), "then returned null"));
            }
            return out;
        }

        private void fill() {
            while (pending.size() < inFlight && source.hasNext()) {
                List<StudentInput> chunk = new ArrayList<>(CHUNK);
                while (chunk.size() < CHUNK && source.hasNext()) {
                    chunk.add(source.next());
                }
                pending.add(Workers.POOL.submit(() -> evaluate(chunk)));
            }
        }

        @Override
        public boolean hasNext() {
            while (index >= current.size()) {
                fill();
                Future<List<T>> head = pending.poll();
                if (head == null) {
                    return false;
                }
                current = DaemonPool.await(head, this::cancel, "evaluating students");
                index = 0;
                fill();
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.get(index++);
        }

        void cancel() {
            for (Future<?> f : pending) {
                f.cancel(false);
            }
            pending.clear();
        }
    }

    /**
     * Recompiles the rules from the same place. On success the new rules serve every evaluation
     * that starts afterwards; on failure the current rules keep serving and the problems are thrown.
     */
    public synchronized void reload() throws RulesException {
        rules.set(RuleCompiler.compile(source, policyOverride));
    }

    /** Stops watching the rules folder, if the engine was built to. Evaluations keep working. */
    @Override
    public void close() throws IOException {
        RulesWatcher w = watcher;
        if (w != null) {
            w.close();
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
         * Compiles the rules.
         *
         * @throws RulesException listing every problem in the rule folder as {@code FILE:LINE: message}
         * @throws IllegalStateException when asked to watch rules that are not in a folder
         */
        public OutreachEngine build() throws RulesException {
            if (reloadListener != null && source.folderPath() == null) {
                throw new IllegalStateException("reloadOnChange needs rulesFolder(...): the bundled rules cannot change");
            }
            OutreachEngine engine = new OutreachEngine(source, policy, RuleCompiler.compile(source, policy));
            if (reloadListener != null) {
                try {
                    engine.watcher = new RulesWatcher(source.folderPath(), engine, reloadListener);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot watch " + source.folderPath(), e);
                }
            }
            return engine;
        }
    }
}
