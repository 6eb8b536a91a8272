package org.attendanceoutreach.diff;

import org.attendanceoutreach.result.NextStep;
import org.attendanceoutreach.result.Progress;
import org.attendanceoutreach.result.Recommendation;
import org.attendanceoutreach.result.StudentResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Compares two evaluations of the same student. */
public final class OutcomeDiff {
    private OutcomeDiff() {
    }

    /**
     * Every difference in plain words: tiers, errors, recommendations added or removed, what each
     * covers, owners, due dates, the day the need arose, steps, status, what waits in {@code next},
     * and whether each support in place is working ({@code progress}: its trend, the days it is judged on).
     */
    public static List<String> compare(StudentResult before, StudentResult after) {
        List<String> out = new ArrayList<>();
        if (before.isError() || after.isError()) {
            if (!Objects.equals(before.error(), after.error())) {
                out.add("error: " + (before.isError() ? before.error().message() : "none") + " -> "
                        + (after.isError() ? after.error().message() : "none"));
            }
            return out;
        }
        if (before.attendanceTier() != after.attendanceTier()) {
            out.add("attendance tier " + before.attendanceTier() + " -> " + after.attendanceTier());
        }
        if (before.supportTier() != after.supportTier()) {
            out.add("support tier " + before.supportTier() + " -> " + after.supportTier());
        }
        Map<String, Recommendation> was = byId(before);
        Map<String, Recommendation> now = byId(after);
        was.forEach((id, rec) -> {
            if (!now.containsKey(id)) {
                out.add("- " + id + " (rule \"" + rec.rule() + "\")" + after.carrying(id).map(x -> ", now part of " + x.intervention()).orElse(""));
            }
        });
        now.forEach((id, rec) -> {
            Recommendation old = was.get(id);
            if (old == null) {
                out.add("+ " + id + " (rule \"" + rec.rule() + "\")" + before.carrying(id).map(x -> ", was part of " + x.intervention()).orElse(""));
                return;
            }
            for (String c : old.covers()) {
                if (!rec.covers().contains(c)) {
                    out.add(id + ": no longer covers " + c);
                }
            }
            for (String c : rec.covers()) {
                if (!old.covers().contains(c)) {
                    out.add(id + ": now covers " + c);
                }
            }
            if (old.owner() != rec.owner()) {
                out.add(id + ": owner " + old.owner() + " -> " + rec.owner());
            }
            if (!old.since().equals(rec.since())) {
                out.add(id + ": needed since " + old.since() + " -> " + rec.since());
            }
            if (!old.due().equals(rec.due())) {
                out.add(id + ": due " + old.due() + " -> " + rec.due());
            }
            if (old.status() != rec.status()) {
                out.add(id + ": status " + old.status() + " -> " + rec.status());
            }
            if (old.step() != rec.step()) {
                out.add(id + ": step " + old.step() + " -> " + rec.step());
            }
            if (old.contactRole() != rec.contactRole()) {
                out.add(id + ": contact " + old.contactRole() + " -> " + rec.contactRole());
            }
        });
        Map<String, NextStep> waited = new TreeMap<>();
        before.next().forEach(n -> waited.put(n.intervention(), n));
        Map<String, NextStep> waits = new TreeMap<>();
        after.next().forEach(n -> waits.put(n.intervention(), n));
        waited.forEach((id, n) -> {
            if (!waits.containsKey(id)) {
                out.add("- next: " + id + " (after " + n.after() + ")");
            }
        });
        waits.forEach((id, n) -> {
            NextStep old = waited.get(id);
            if (old == null) {
                out.add("+ next: " + id + " (after " + n.after() + ")");
            } else if (!old.after().equals(n.after())) {
                out.add("next: " + id + ": after " + old.after() + " -> " + n.after());
            }
        });
        progress(before, after, out);
        return out;
    }

    /** The follow-up of each support in place: a change of policy numbers moves its trend. */
    private static void progress(StudentResult before, StudentResult after, List<String> out) {
        Map<String, Progress> was = new TreeMap<>();
        before.progress().forEach(p -> was.put(p.intervention(), p));
        Map<String, Progress> now = new TreeMap<>();
        after.progress().forEach(p -> now.put(p.intervention(), p));
        was.forEach((id, p) -> {
            if (!now.containsKey(id)) {
                out.add("- progress: " + id + " (" + p.trend() + ")");
            }
        });
        now.forEach((id, p) -> {
            Progress old = was.get(id);
            if (old == null) {
                out.add("+ progress: " + id + " (" + p.trend() + ")");
            } else if (old.trend() != p.trend()) {
                String why = p.because() != null && p.because().startsWith(id + ": ") ? p.because().substring(id.length() + 2) : p.because();
                out.add("progress: " + id + ": " + old.trend() + " -> " + p.trend() + (why == null ? "" : " (" + why + ")"));
            }
        });
    }

    private static Map<String, Recommendation> byId(StudentResult r) {
        Map<String, Recommendation> m = new TreeMap<>();
        r.recommendations().forEach(rec -> m.put(rec.intervention(), rec));
        return m;
    }
}
