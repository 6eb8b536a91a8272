package org.attendanceoutreach.output;

import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.result.AttendanceTier;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.StudentResult;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * How a school's attendance tiers moved month by month (issue 12), for the HTML report: one stacked
 * bar per month, the students of each tier on the last school day of the month (the as-of day for the
 * month in progress). The tiers come from the rules themselves, run as of each of those days, so the
 * picture is what the report would have said then. An inline SVG with a title and a description
 * listing every count for screen readers, drawn by the template {@code tier-history.mustache} from
 * maps, lists and strings ({@link #model}). Stateless.
 */
public final class TierHistoryChart {
    private static final AttendanceTier[] ORDER = {AttendanceTier.SEVERE_CHRONIC, AttendanceTier.MODERATE_CHRONIC,
            AttendanceTier.AT_RISK, AttendanceTier.SATISFACTORY, AttendanceTier.INSUFFICIENT_DATA};
    /** The report's tier colours (graphics beside their labels in the legend: never the only way a tier is told). */
    private static final String[] COLOURS = {"#6b7280", "#2e7d32", "#a16207", "#c2410c", "#b91c1c"};

    /** The students of each tier on one day. */
    public record Month(LocalDate day, Map<AttendanceTier, Integer> counts) {
        public Month {
            counts = Map.copyOf(counts);
        }

        int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private static final org.attendanceoutreach.internal.Templates TEMPLATES = org.attendanceoutreach.internal.Templates.fromClasspath(
            "org/attendanceoutreach/output", org.attendanceoutreach.internal.Templates.Escaping.HTML);

    private TierHistoryChart() {
    }

    /**
     * The tiers on the last school day of every month from the first day of school to the file's
     * as-of day (that day itself for its month), each found by {@code evaluate} on the school as of
     * that day. Students the rules could not evaluate are left out.
     */
    public static List<Month> history(SchoolFile file, Function<SchoolFile, SchoolResult> evaluate) {
        LocalDate asOf = file.school().asOf();
        List<LocalDate> ends = new ArrayList<>();
        LocalDate previous = null;
        for (LocalDate d : file.school().calendar().instructionalDays()) {
            if (d.isAfter(asOf)) {
                break;
            }
            if (previous != null && previous.getMonth() != d.getMonth()) {
                ends.add(previous);
            }
            previous = d;
        }
        if (previous != null) {
            ends.add(previous.equals(asOf) || previous.getMonth() != asOf.getMonth() ? previous : asOf);
        }
        List<Month> out = new ArrayList<>(ends.size());
        for (LocalDate day : ends) {
            SchoolResult r = day.equals(asOf) ? evaluate.apply(file)
                    : evaluate.apply(new SchoolFile(file.file(), file.school().withAsOf(day), file.students(), List.of()));
            Map<AttendanceTier, Integer> counts = new EnumMap<>(AttendanceTier.class);
            for (AttendanceTier t : AttendanceTier.values()) {
                counts.put(t, 0);
            }
            for (StudentResult s : r.students()) {
                if (!s.isError() && s.attendanceTier() != null) {
                    counts.merge(s.attendanceTier(), 1, Integer::sum);
                }
            }
            out.add(new Month(day, counts));
        }
        return out;
    }

    /**
     * What the picture is made of, for a template ({@code tier-history.mustache}): maps, lists and
     * strings only; empty without months. {@code id} must be unique in the page.
     */
    public static Map<String, Object> model(List<Month> months, String id) {
        if (months.isEmpty()) {
            return Map.of();
        }
        int left = 40;
        int top = 16;
        int barArea = 180;
        int slot = 64;
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id);
        m.put("width", Integer.toString(left + months.size() * slot + 190));
        m.put("height", Integer.toString(top + barArea + 40));
        m.put("title", "Students by attendance tier, month by month");
        m.put("desc", description(months));
        List<Object> columns = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            Month month = months.get(i);
            int total = Math.max(1, month.total());
            double y = top + barArea;
            int x = left + i * slot + 8;
            List<Object> bars = new ArrayList<>();
            for (AttendanceTier t : ORDER) {
                int count = month.counts().getOrDefault(t, 0);
                if (count == 0) {
                    continue;
                }
                double h = (double) count * barArea / total;
                y -= h;
                bars.add(Map.of("x", Integer.toString(x), "y", f(y), "width", Integer.toString(slot - 16), "height", f(h),
                        "fill", COLOURS[t.ordinal()]));
            }
            columns.add(Map.of("bars", bars, "labelX", Integer.toString(x + (slot - 16) / 2),
                    "monthY", Integer.toString(top + barArea + 16), "dayY", Integer.toString(top + barArea + 30),
                    "month", month.day().getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH),
                    "day", Integer.toString(month.day().getDayOfMonth())));
        }
        m.put("months", columns);
        int lx = left + months.size() * slot + 16;
        List<Object> legend = new ArrayList<>();
        for (int i = 0; i < ORDER.length; i++) {
            legend.add(Map.of("x", Integer.toString(lx), "y", Integer.toString(top + i * 22), "fill", COLOURS[ORDER[i].ordinal()],
                    "textX", Integer.toString(lx + 20), "textY", Integer.toString(top + i * 22 + 12), "label", HtmlReport.tierWords(ORDER[i])));
        }
        m.put("legend", legend);
        return m;
    }

    /** The chart as an inline {@code <svg>} element, from {@link #model} (empty without months). */
    public static String svg(List<Month> months, String id) {
        Map<String, Object> m = model(months, id);
        return m.isEmpty() ? "" : TEMPLATES.render("tier-history.mustache", m);
    }

    /** Every month's counts in words. */
    static String description(List<Month> months) {
        StringBuilder d = new StringBuilder("Students in each attendance tier on the last school day of each month. ");
        for (Month m : months) {
            d.append(m.day()).append(": ");
            List<String> parts = new ArrayList<>();
            for (AttendanceTier t : ORDER) {
                parts.add(HtmlReport.tierWords(t) + " " + m.counts().getOrDefault(t, 0));
            }
            d.append(String.join(", ", parts)).append(". ");
        }
        return d.toString().strip();
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
