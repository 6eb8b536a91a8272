package org.attendanceoutreach.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Fixed pools of daemon threads (they never hold up the JVM's exit). Not part of the API. */
public final class DaemonPool {
    private DaemonPool() {
    }

    /** One thread per core, named {@code prefix-1}, {@code prefix-2}, …. */
    public static ExecutorService perCore(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(cores(), r -> {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The result of {@code f}; on interruption or failure, runs {@code cancel} first, then rethrows
     * the task's own exception (or a {@link CancellationException} naming {@code what}).
     */
    public static <T> T await(Future<T> f, Runnable cancel, String what) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel.run();
            throw new CancellationException("interrupted while " + what);
        } catch (ExecutionException e) {
            cancel.run();
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

    /** The number of cores the JVM may use (at least 1). */
    public static int cores() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
