package org.attendanceoutreach;

import java.util.concurrent.atomic.LongAdder;

/**
 * Where a batch evaluation's time goes, added up over every thread: computing the attendance facts,
 * running the rules (with turning their proposals into recommendations), and reading the students
 * where they are evaluated (a JSON-lines file). Pass one to
 * {@link OutreachEngine#evaluateAll(org.attendanceoutreach.school.School, java.util.Iterator, EvaluationStats)};
 * read it afterwards. Thread-safe. The times are thread time summed over the worker threads, so on
 * two busy cores they add up to about twice the wall-clock time they cover.
 */
public final class EvaluationStats {
    private final LongAdder factsNanos = new LongAdder();
    private final LongAdder rulesNanos = new LongAdder();
    private final LongAdder readingNanos = new LongAdder();
    private final LongAdder students = new LongAdder();
    private final LongAdder errors = new LongAdder();

    /** Adds one student: nanoseconds spent on its facts and on its rules, and whether it ended in an error. */
    public void add(long factsNanos, long rulesNanos, boolean error) {
        this.factsNanos.add(factsNanos);
        this.rulesNanos.add(rulesNanos);
        students.increment();
        if (error) {
            errors.increment();
        }
    }

    /** A student already added turned out to be an error after all (a repeated id, found in order after it was evaluated). */
    void becameError() {
        errors.increment();
    }

    /** Adds nanoseconds spent reading (parsing) students on the threads that evaluate them. */
    void addReading(long nanos) {
        readingNanos.add(nanos);
    }

    /**
     * Nanoseconds reading students on the threads that evaluated them, summed over threads: a
     * JSON-lines file ({@code SchoolLines}) handed to {@code OutreachEngine.evaluateAll} fresh is
     * parsed there, a chunk at a time. Zero when the students came already read.
     */
    public long readingNanos() {
        return readingNanos.sum();
    }

    /** Nanoseconds computing facts, summed over threads. */
    public long factsNanos() {
        return factsNanos.sum();
    }

    /** Nanoseconds running rules and assembling recommendations, summed over threads. */
    public long rulesNanos() {
        return rulesNanos.sum();
    }

    /** Students evaluated (with a result or an error). */
    public long students() {
        return students.sum();
    }

    /** Students that came out with an error. */
    public long errors() {
        return errors.sum();
    }

    @Override
    public String toString() {
        return "EvaluationStats[students=" + students() + ", errors=" + errors() + ", factsMs=" + factsNanos() / 1_000_000
                + ", rulesMs=" + rulesNanos() / 1_000_000 + ", readingMs=" + readingNanos() / 1_000_000 + "]";
    }
}
