package org.attendanceoutreach.read;

import org.attendanceoutreach.result.InputProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Warnings of one kind (the same message about the same file) are shown at most
 * {@value #SHOWN_PER_KIND} times; the rest are counted, and one closing warning says how many more
 * there were ({@code … and 299,990 more warnings like "unknown field, ignored" in this file, not shown}).
 * A file with 300,000 unknown keys gives eleven lines, not 300,000. Used by every reader, through
 * {@link SchoolFile} (whose warnings are always bounded) and {@link SchoolLines} (bounded as they stream).
 * Not thread-safe.
 */
public final class Warnings implements Consumer<InputProblem> {
    /** How many warnings of one kind are shown before the rest are only counted. */
    public static final int SHOWN_PER_KIND = 10;
    private static final String MORE = " more warnings like \"";

    private final Consumer<InputProblem> sink;
    private final Map<Kind, long[]> seen = new LinkedHashMap<>();

    private record Kind(String file, String message) {
    }

    /** Passes the first {@value #SHOWN_PER_KIND} warnings of each kind to {@code sink}, and counts the rest. */
    public Warnings(Consumer<InputProblem> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void accept(InputProblem warning) {
        if (isSummary(warning)) {
            sink.accept(warning);
            return;
        }
        long[] count = seen.computeIfAbsent(new Kind(warning.file(), warning.message()), k -> new long[1]);
        if (++count[0] <= SHOWN_PER_KIND) {
            sink.accept(warning);
        }
    }

    /** Tells the sink, once per kind, how many warnings were counted and not shown; then starts counting afresh. */
    public void finish() {
        for (Map.Entry<Kind, long[]> e : seen.entrySet()) {
            long more = e.getValue()[0] - SHOWN_PER_KIND;
            if (more > 0) {
                sink.accept(new InputProblem(e.getKey().file(), null, null, "… and " + String.format(Locale.ROOT, "%,d", more)
                        + MORE + e.getKey().message() + "\" in this file, not shown"));
            }
        }
        seen.clear();
    }

    /** {@code warnings} with each kind bounded as above, the counts at the end. The same list when nothing is left out. */
    public static List<InputProblem> bounded(List<InputProblem> warnings) {
        if (warnings.size() <= SHOWN_PER_KIND) {
            return warnings;
        }
        List<InputProblem> out = new ArrayList<>();
        Warnings w = new Warnings(out::add);
        warnings.forEach(w);
        w.finish();
        return out.size() == warnings.size() ? warnings : out;
    }

    private static boolean isSummary(InputProblem w) {
        return w.studentId() == null && w.field() == null && w.message() != null && w.message().startsWith("… and ")
                && w.message().contains(MORE);
    }
}
