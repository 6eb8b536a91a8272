package org.attendanceoutreach.internal.engine;

import org.attendanceoutreach.EngineBrokenException;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The one ordered read-ahead of the library: a bounded number of tasks handed to the caller's
 * {@link Executor}, their results taken in the order the tasks were made. It never waits for a task
 * nobody has started: the consuming thread runs such a task itself. So it cannot deadlock, whatever
 * the executor (one thread, a saturated pool, the caller's own thread) and however deeply it is
 * used from inside another read-ahead's task.
 *
 * @param <T> what each task gives
 */
public final class ReadAhead<T> implements Iterator<T> {
    private final Executor executor;
    private final Iterator<? extends java.util.concurrent.Callable<T>> tasks;
    private final int ahead;
    private final Supplier<String> broken;
    private final ArrayDeque<FutureTask<T>> pending = new ArrayDeque<>();
    /** A failure making the next task: thrown once every task made before it has been handed out. */
    private RuntimeException deferred;

    /**
     * @param executor runs the tasks (may run them on the calling thread)
     * @param tasks    made one after another on the consuming thread, as room frees up
     * @param ahead    how many tasks may be made and not yet consumed
     * @param broken   why waiting is pointless (checked while waiting; null: wait on)
     */
    public ReadAhead(Executor executor, Iterator<? extends java.util.concurrent.Callable<T>> tasks, int ahead, Supplier<String> broken) {
        this.executor = executor;
        this.tasks = tasks;
        this.ahead = Math.max(1, ahead);
        this.broken = broken;
    }

    private void fill() {
        while (deferred == null && pending.size() < ahead) {
            java.util.concurrent.Callable<T> next;
            try {
                if (!tasks.hasNext()) {
                    return;
                }
                next = tasks.next();
            } catch (RuntimeException e) {
                deferred = e;
                return;
            }
            FutureTask<T> task = new FutureTask<>(next);
            pending.add(task);
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                // the consumer runs it when it gets there
            }
        }
    }

    @Override
    public boolean hasNext() {
        fill();
        if (pending.isEmpty() && deferred != null) {
            RuntimeException e = deferred;
            deferred = null;
            throw e;
        }
        return !pending.isEmpty();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        FutureTask<T> head = pending.poll();
        head.run(); // runs it here unless a worker has started it (then returns at once)
        try {
            while (true) {
                try {
                    T result = head.get(100, TimeUnit.MILLISECONDS);
                    fill();
                    return result;
                } catch (TimeoutException e) {
                    String why = broken == null ? null : broken.get();
                    if (why != null) {
                        cancel();
                        throw new EngineBrokenException(why);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new CancellationException("interrupted while waiting for a result");
        } catch (ExecutionException e) {
            cancel();
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Drops every task not yet started. */
    public void cancel() {
        for (FutureTask<T> f : pending) {
            f.cancel(false);
        }
        pending.clear();
    }
}
