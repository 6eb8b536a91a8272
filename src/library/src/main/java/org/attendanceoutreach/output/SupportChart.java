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
 * Drawn by the template {@code support-chart.mustache} from maps, lists and strings ({@link #model}),
 * which the report includes; no scripts, styles or fonts from outside; every text escaped. Stateless.
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

    private static final org.attendanceoutreach.internal.Templates TEMPLATES = org.attendanceoutreach.internal.Templates.fromClasspath(
            "org/attendanceoutreach/output", org.attendanceoutreach.internal.Templates.Escaping.HTML);

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
     * What the picture is made of, for a template ({@code support-chart.mustache}): maps, lists and
     * strings only (coordinates, labels, the title and the description); empty when the student has
     * no enrolled school day yet. {@code id} must be unique in the page (it names the title and
     * description).
     */
    public static Map<String, Object> model(String studentId, List<Point> points, List<Progress> progress, Policy policy, String id) {
        if (points.isEmpty()) {
            return Map.of();
        }
        double top = 0.4;
        for (Point p : points) {
            top = Math.max(top, Math.max(p.rateSoFar(), p.rateLately()));
        }
        top = Math.ceil(top * 10) / 10;
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        int n = points.size();
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id);
        m.put("width", Integer.toString(WIDTH));
        m.put("height", Integer.toString(HEIGHT));
        m.put("title", studentId + ": share of school days missed, " + points.get(0).day() + " to " + points.get(n - 1).day());
        m.put("desc", description(studentId, points, progress, policy));
        List<Object> cuts = new ArrayList<>();
        double[] lines = {policy.atRiskFrom(), policy.moderateChronicFrom(), policy.severeChronicFrom()};
        String[] names = {"at risk", "chronic", "severe"};
        for (int i = 0; i < lines.length; i++) {
            if (lines[i] <= top) {
                double y = y(lines[i], top, plotH);
                cuts.add(Map.of("x1", Integer.toString(LEFT), "x2", Integer.toString(LEFT + plotW), "y", f(y),
                        "labelY", f(y - 3), "label", names[i] + " " + percent(lines[i])));
            }
        }
        m.put("cuts", cuts);
        m.put("left", Integer.toString(LEFT));
        m.put("right", Integer.toString(LEFT + plotW));
        m.put("top", Integer.toString(TOP));
        m.put("bottom", Integer.toString(TOP + plotH));
        m.put("axisX", Integer.toString(LEFT - 6));
        m.put("zeroY", Integer.toString(TOP + plotH + 4));
        m.put("topY", Integer.toString(TOP + 4));
        m.put("topLabel", percent(top));
        m.put("datesY", Integer.toString(HEIGHT - 12));
        m.put("firstDay", points.get(0).day().toString());
        m.put("lastDay", points.get(n - 1).day().toString());
        m.put("soFar", line(points, true, top, plotW, plotH));
        m.put("lately", line(points, false, top, plotW, plotH));
        List<Object> starts = new ArrayList<>();
        for (Progress p : progress) {
            double x = x(indexOnOrAfter(points, p.startedOn()), n, plotW);
            starts.add(Map.of("x", f(x), "y1", Integer.toString(TOP - 4), "y2", Integer.toString(TOP + plotH),
                    "labelX", f(x + 3), "labelY", Integer.toString(TOP - 8), "label", p.intervention() + " " + p.startedOn()));
        }
        m.put("starts", starts);
        m.put("legendX", Integer.toString(LEFT + 150));
        m.put("legend", "— so far this year   - - last " + policy.recentSchoolDays() + " school days   | a support started");
        return m;
    }

    /** The chart as an inline {@code <svg>} element, from {@link #model} (empty without enrolled days). */
    public static String svg(String studentId, List<Point> points, List<Progress> progress, Policy policy, String id) {
        Map<String, Object> m = model(studentId, points, progress, policy, id);
        return m.isEmpty() ? "" : TEMPLATES.render("support-chart.mustache", m);
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

    /** The polyline's points: "x,y x,y …". */
    private static String line(List<Point> points, boolean soFar, double top, int plotW, int plotH) {
        StringBuilder b = new StringBuilder(points.size() * 12);
        for (int i = 0; i < points.size(); i++) {
            double r = soFar ? points.get(i).rateSoFar() : points.get(i).rateLately();
            b.append(i == 0 ? "" : " ").append(f(x(i, points.size(), plotW))).append(',').append(f(y(r, top, plotH)));
        }
        return b.toString();
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
