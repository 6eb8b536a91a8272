package org.attendanceoutreach.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress report on standard error, only when the command runs in a terminal
 * ({@code System.console() != null}); otherwise (a pipe, a file, CI, a test) it prints nothing.
 * Updates at most five times a second and erases itself when done. Not thread-safe.
 */
final class Progress {
    private static final long EVERY_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final boolean on;
    private long last;
    private int width;

    Progress(PrintWriter err, boolean on) {
        this.err = err;
        this.on = on;
    }

    /** On when standard input and output are a terminal, as {@link System#console()} tells. */
    static Progress forTerminal(PrintWriter err) {
        return new Progress(err, System.console() != null);
    }

    /** Never prints. */
    static Progress off() {
        return new Progress(null, false);
    }

    boolean on() {
        return on;
    }

    /** What is happening now, e.g. "reading studentSchoolAttendanceEvents.json". */
    void stage(String what) {
        if (on) {
            show(what);
            last = System.nanoTime();
        }
    }

    /** How far a count has got ({@code total} < 0 when unknown); shown at most five times a second. */
    void count(String what, long done, long total) {
        if (!on) {
            return;
        }
        long now = System.nanoTime();
        if (now - last < EVERY_NANOS && done != total) {
            return;
        }
        last = now;
        show(total < 0 ? String.format(Locale.ROOT, "%s: %,d", what, done)
                : String.format(Locale.ROOT, "%s: %,d of %,d (%d%%)", what, done, total, total == 0 ? 100 : done * 100 / total));
    }

    /** Erases the line. */
    void done() {
        if (on && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }

    private void show(String text) {
        String t = text.length() > 100 ? text.substring(0, 99) + "…" : text;
        err.print("\r" + t + " ".repeat(Math.max(0, width - t.length())));
        err.flush();
        width = t.length();
    }
}
