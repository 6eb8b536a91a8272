package org.attendanceoutreach.output;

import org.attendanceoutreach.policy.Policy;
import org.attendanceoutreach.result.Progress;
import org.attendanceoutreach.school.Absence;
import org.attendanceoutreach.school.SchoolCalendar;
import org.attendanceoutreach.school.Student;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A picture of one student's year for the HTML report (issue 12): the share of enrolled school days
 * missed so far (the line the attendance tier reads), the share missed in the last
 * {@code recent-school-days} (which shows a change sooner), the policy's at-risk and chronic lines,
 * and a mark on the day each support in place started. An inline SVG with a title and a description
 * for screen readers that say in words what the picture shows (the same numbers as {@code progress}).
 * Self-contained: no scripts, styles or fonts from outside; every text escaped. Stateless.
 */
public final class SupportChart {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 230;
    private static final int LEFT = 46;
    private static final int RIGHT = 16;
    private static final int TOP = 30;
    private static final int BOTTOM = 34;

    /** One point of the year: the school day, the share missed so far, the share missed lately. */
    public record Point(LocalDate day, double rateSoFar, double rateLately) {
    }

    private SupportChart() {
    }

    /**
     * The student's enrolled school days up to {@code asOf}, each with the share of enrolled days
     * missed so far and over the last {@code recentDays} enrolled days (half days count half; tardies
     * and early departures not at all), as the facts count them.
     */
    public static List<Point> points(Student student, SchoolCalendar calendar, LocalDate asOf, int recentDays) {
        Map<LocalDate, Double> missed = new HashMap<>();
        for (Absence a : student.absences()) {
            if (a.isDayMissed()) {
                missed.put(a.date(), a.portion());
            }
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d : calendar.instructionalDays()) {
            boolean enrolled = (student.enrolledOn() == null || !d.isBefore(student.enrolledOn()))
                    && (student.withdrawnOn() == null || d.isBefore(student.withdrawnOn()));
            if (enrolled && !d.isAfter(asOf)) {
                days.add(d);
            }
        }
        List<Point> out = new ArrayList<>(days.size());
        double total = 0;
        double[] each = new double[days.size()];
        double window = 0;
        for (int i = 0; i < days.size(); i++) {
            each[i] = missed.getOrDefault(days.get(i), 0.0);
            total += each[i];
            window += each[i];
            if (i >= recentDays) {
                window -= each[i - recentDays];
            }
            out.add(new Point(days.get(i), total / (i + 1), window / Math.min(i + 1, recentDays)));
        }
        return out;
    }

    /**
     * The chart as an inline {@code <svg>} element (empty when the student has no enrolled school day
     * yet). {@code id} must be unique in the page (it names the title and description).
     */
    public static String svg(String studentId, List<Point> points, List<Progress> progress, Policy policy, String id) {
        if (points.isEmpty()) {
            return "";
        }
        double top = 0.4;
        for (Point p : points) {
            top = Math.max(top, Math.max(p.rateSoFar(), p.rateLately()));
        }
        top = Math.ceil(top * 10) / 10;
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        int n = points.size();
        StringBuilder b = new StringBuilder(4096);
        String desc = description(studentId, points, progress, policy);
        b.append("<svg class=\"support-chart\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id)
                .append("-desc\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\">\n")
                .append("<title id=\"").append(id).append("-title\">").append(HtmlReport.esc(studentId))
                .append(": share of school days missed, ").append(points.get(0).day()).append(" to ").append(points.get(n - 1).day())
                .append("</title>\n<desc id=\"").append(id).append("-desc\">").append(HtmlReport.esc(desc)).append("</desc>\n");
        // the policy's lines
        double[][] lines = {{policy.atRiskFrom(), 0}, {policy.moderateChronicFrom(), 1}, {policy.severeChronicFrom(), 2}};
        String[] names = {"at risk", "chronic", "severe"};
        for (double[] line : lines) {
            if (line[0] > top) {
                continue;
            }
            double y = y(line[0], top, plotH);
            b.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotW).append("\" y1=\"").append(f(y)).append("\" y2=\"")
                    .append(f(y)).append("\" class=\"cut\" stroke=\"#b0b6c0\" stroke-dasharray=\"4 3\"/>\n")
                    .append("<text x=\"").append(LEFT + plotW - 2).append("\" y=\"").append(f(y - 3)).append("\" text-anchor=\"end\" class=\"cut\">")
                    .append(names[(int) line[1]]).append(' ').append(percent(line[0])).append("</text>\n");
        }
        // axes: 0% and the top, the first and last day
        b.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" y2=\"").append(TOP + plotH)
                .append("\" stroke=\"#5b6270\"/>\n<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotW).append("\" y1=\"")
                .append(TOP + plotH).append("\" y2=\"").append(TOP + plotH).append("\" stroke=\"#5b6270\"/>\n");
        b.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(TOP + plotH + 4).append("\" text-anchor=\"end\">0%</text>\n")
                .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(TOP + 4).append("\" text-anchor=\"end\">").append(percent(top))
                .append("</text>\n<text x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 12).append("\">").append(points.get(0).day())
                .append("</text>\n<text x=\"").append(LEFT + plotW).append("\" y=\"").append(HEIGHT - 12).append("\" text-anchor=\"end\">")
                .append(points.get(n - 1).day()).append("</text>\n");
        // the two lines
        b.append(path(points, true, top, plotW, plotH, "#1d2330", "2.2", null, "so far"));
        b.append(path(points, false, top, plotW, plotH, "#c98a00", "1.4", "5 3", "lately"));
        // each support's start
        for (Progress p : progress) {
            int i = indexOnOrAfter(points, p.startedOn());
            double x = x(i, n, plotW);
            b.append("<line x1=\"").append(f(x)).append("\" x2=\"").append(f(x)).append("\" y1=\"").append(TOP - 4).append("\" y2=\"")
                    .append(TOP + plotH).append("\" stroke=\"#2e7d32\" stroke-width=\"1.6\"/>\n")
                    .append("<text x=\"").append(f(x + 3)).append("\" y=\"").append(TOP - 8).append("\" class=\"support\">")
                    .append(HtmlReport.esc(p.intervention())).append(' ').append(p.startedOn()).append("</text>\n");
        }
        // the legend
        b.append("<text x=\"").append(LEFT + 150).append("\" y=\"").append(HEIGHT - 12).append("\" class=\"legend\">")
                .append("— so far this year   - - last ").append(policy.recentSchoolDays()).append(" school days   | a support started</text>\n");
        b.append("</svg>\n");
        return b.toString();
    }

    /** What the picture shows, in words, for screen readers. */
    static String description(String studentId, List<Point> points, List<Progress> progress, Policy policy) {
        Point last = points.get(points.size() - 1);
        StringBuilder d = new StringBuilder();
        d.append(studentId).append(" has missed ").append(percent(last.rateSoFar())).append(" of enrolled school days this year, ")
                .append(percent(last.rateLately())).append(" of the last ").append(Math.min(points.size(), policy.recentSchoolDays()))
                .append(" school days, as of ").append(last.day()).append(".");
        for (Progress p : progress) {
            d.append(' ').append(p.intervention()).append(" started ").append(p.startedOn()).append(": ")
                    .append(p.rateBefore() == null ? "no school days before" : percent(p.rateBefore()) + " missed before")
                    .append(", ").append(p.rateSince() == null ? "none since" : percent(p.rateSince()) + " since")
                    .append(", ").append(p.trend().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append('.');
        }
        return d.toString();
    }

    private static String path(List<Point> points, boolean soFar, double top, int plotW, int plotH, String colour, String width,
                               String dash, String label) {
        StringBuilder b = new StringBuilder("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"").append(width)
                .append('"');
        if (dash != null) {
            b.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        b.append(" class=\"").append(soFar ? "so-far" : "lately").append("\" points=\"");
        for (int i = 0; i < points.size(); i++) {
            double r = soFar ? points.get(i).rateSoFar() : points.get(i).rateLately();
            b.append(i == 0 ? "" : " ").append(f(x(i, points.size(), plotW))).append(',').append(f(y(r, top, plotH)));
        }
        return b.append("\"><title>").append(label).append("</title></polyline>\n").toString();
    }

    private static int indexOnOrAfter(List<Point> points, LocalDate day) {
        for (int i = 0; i < points.size(); i++) {
            if (!points.get(i).day().isBefore(day)) {
                return i;
            }
        }
        return points.size() - 1;
    }

    private static double x(int i, int n, int plotW) {
        return LEFT + (n == 1 ? plotW / 2.0 : (double) i * plotW / (n - 1));
    }

    private static double y(double rate, double top, int plotH) {
        return TOP + plotH - rate / top * plotH;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
