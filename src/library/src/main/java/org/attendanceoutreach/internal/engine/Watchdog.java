package org.attendanceoutreach.internal.engine;

import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches rule sessions that are firing: one past its deadline is halted; one that does not come
 * back within a grace period after that marks the engine broken (its thread is stuck in a rule,
 * which the sandbox should make impossible), so that callers stop waiting and say so. One daemon
 * thread per engine, started on first use, stopped by {@link #close()}.
 */
public final class Watchdog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);
    private static final long TICK_MILLIS = 25;

    private record Watched(KieSession session, Thread thread, long deadline, long giveUp) {
    }

    private final Map<Long, Watched> running = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final long graceNanos;
    private volatile String broken;
    private Thread thread;
    private volatile boolean closed;

    public Watchdog(long graceMillis) {
        this.graceNanos = graceMillis * 1_000_000L;
    }

    /** Why the engine cannot go on, or null while it can. */
    public String broken() {
        return broken;
    }

    long watch(KieSession session, long deadlineNanos) {
        start();
        long id = ids.incrementAndGet();
        running.put(id, new Watched(session, Thread.currentThread(), deadlineNanos, deadlineNanos + graceNanos));
        return id;
    }

    void done(long id) {
        running.remove(id);
    }

    private synchronized void start() {
        if (thread != null || closed) {
            return;
        }
        thread = new Thread(this::loop, "outreach-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (!closed) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Map.Entry<Long, Watched> e : running.entrySet()) {
                Watched w = e.getValue();
                if (now - w.giveUp() > 0) {
                    broken = "a rule did not stop when asked to (thread " + w.thread().getName()
                            + "); the engine cannot go on: fix the rules and start again";
                    LOG.error("rule evaluation stuck past its time budget; the engine is marked broken");
                    w.thread().interrupt();
                    running.remove(e.getKey());
                } else if (now - w.deadline() > 0) {
                    w.session().halt();
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
