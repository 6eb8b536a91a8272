package org.attendanceoutreach.diff;

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

    /** Every difference in plain words: tiers, errors, recommendations added or removed, owners and due dates. */
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
                out.add("- " + id + " (rule \"" + rec.rule() + "\")");
            }
        });
        now.forEach((id, rec) -> {
            Recommendation old = was.get(id);
            if (old == null) {
                out.add("+ " + id + " (rule \"" + rec.rule() + "\")");
                return;
            }
            if (old.owner() != rec.owner()) {
                out.add(id + ": owner " + old.owner() + " -> " + rec.owner());
            }
            if (!old.due().equals(rec.due())) {
                out.add(id + ": due " + old.due() + " -> " + rec.due());
            }
            if (old.contactRole() != rec.contactRole()) {
                out.add(id + ": contact " + old.contactRole() + " -> " + rec.contactRole());
            }
        });
        return out;
    }

    private static Map<String, Recommendation> byId(StudentResult r) {
        Map<String, Recommendation> m = new TreeMap<>();
        r.recommendations().forEach(rec -> m.put(rec.intervention(), rec));
        return m;
    }
}
