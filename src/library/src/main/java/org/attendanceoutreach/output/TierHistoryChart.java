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
 * listing every count for screen readers. Stateless.
 */
public final class TierHistoryChart {
    private static final AttendanceTier[] ORDER = {AttendanceTier.SEVERE_CHRONIC, AttendanceTier.MODERATE_CHRONIC,
            AttendanceTier.AT_RISK, AttendanceTier.SATISFACTORY, AttendanceTier.INSUFFICIENT_DATA};
    private static final String[] COLOURS = {"#8a8f98", "#2e7d32", "#c98a00", "#e65100", "#b71c1c"};

    /** The students of each tier on one day. */
    public record Month(LocalDate day, Map<AttendanceTier, Integer> counts) {
        public Month {
            counts = Map.copyOf(counts);
        }

        int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

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

    /** The chart as an inline {@code <svg>} element (empty without months). {@code id} must be unique in the page. */
    public static String svg(List<Month> months, String id) {
        if (months.isEmpty()) {
            return "";
        }
        int left = 40;
        int top = 16;
        int barArea = 180;
        int slot = 64;
        int width = left + months.size() * slot + 190;
        int height = top + barArea + 40;
        StringBuilder b = new StringBuilder(4096);
        b.append("<svg class=\"tier-history\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id)
                .append("-desc\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\">\n<title id=\"").append(id)
                .append("-title\">Students by attendance tier, month by month</title>\n<desc id=\"").append(id).append("-desc\">")
                .append(HtmlReport.esc(description(months))).append("</desc>\n");
        for (int m = 0; m < months.size(); m++) {
            Month month = months.get(m);
            int total = Math.max(1, month.total());
            double y = top + barArea;
            int x = left + m * slot + 8;
            for (AttendanceTier t : ORDER) {
                int count = month.counts().getOrDefault(t, 0);
                if (count == 0) {
                    continue;
                }
                double h = (double) count * barArea / total;
                y -= h;
                b.append("<rect x=\"").append(x).append("\" y=\"").append(f(y)).append("\" width=\"").append(slot - 16).append("\" height=\"")
                        .append(f(h)).append("\" fill=\"").append(COLOURS[t.ordinal()]).append("\"><title>")
                        .append(HtmlReport.esc(HtmlReport.tierWords(t))).append(": ").append(count).append("</title></rect>\n");
            }
            b.append("<text x=\"").append(x + (slot - 16) / 2).append("\" y=\"").append(top + barArea + 16).append("\" text-anchor=\"middle\">")
                    .append(month.day().getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)).append("</text>\n")
                    .append("<text x=\"").append(x + (slot - 16) / 2).append("\" y=\"").append(top + barArea + 30)
                    .append("\" text-anchor=\"middle\" class=\"muted\">").append(month.day().getDayOfMonth()).append("</text>\n");
        }
        int lx = left + months.size() * slot + 16;
        for (int i = 0; i < ORDER.length; i++) {
            AttendanceTier t = ORDER[i];
            b.append("<rect x=\"").append(lx).append("\" y=\"").append(top + i * 22).append("\" width=\"14\" height=\"14\" fill=\"")
                    .append(COLOURS[t.ordinal()]).append("\"/>\n<text x=\"").append(lx + 20).append("\" y=\"").append(top + i * 22 + 12)
                    .append("\">").append(HtmlReport.esc(HtmlReport.tierWords(t))).append("</text>\n");
        }
        b.append("</svg>\n");
        return b.toString();
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
