package org.attendanceoutreach.output;

import org.attendanceoutreach.result.AttendanceTier;
import org.attendanceoutreach.result.Recommendation;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.policy.Policy;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page per run: for each school, the attendance-tier distribution as an
 * inline SVG chart, the support-tier counts, today's call list, and each student's recommendations
 * with their reasons. No scripts, no external styles, fonts, images or links: it opens offline and
 * prints. All text is escaped. The page is well-formed XML (XHTML syntax), and the same results give
 * the same bytes.
 */
public final class HtmlReport {
    /** One school: its results and its calls. */
    public record Section(SchoolResult result, List<CallList.Call> calls) {
    }

    private static final String[] TIER_COLOURS = {"#8a8f98", "#2e7d32", "#c98a00", "#e65100", "#b71c1c"};

    private HtmlReport() {
    }

    /** Writes the page. {@code policy} (may be null) puts the tier cut-offs beside the chart. */
    public static void write(List<Section> sections, Policy policy, Writer w) throws IOException {
        StringBuilder b = new StringBuilder(64 * 1024);
        String title = sections.size() == 1 && sections.get(0).result().error() == null
                ? "Attendance outreach: school " + sections.get(0).result().schoolId() + ", as of " + sections.get(0).result().asOf()
                : "Attendance outreach";
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        b.append("<header><h1>").append(esc(title)).append("</h1>\n<p class=\"note\">Who to call today, and what to do for each student, ")
                .append("from the attendance rules. Contains phone numbers: keep it where student records are kept.</p></header>\n");
        int n = 0;
        for (Section s : sections) {
            school(b, s, policy, n++);
        }
        b.append("</body>\n</html>\n");
        w.write(b.toString());
        w.flush();
    }

    private static void school(StringBuilder b, Section s, Policy policy, int index) {
        SchoolResult r = s.result();
        b.append("<main class=\"school\">\n");
        if (r.error() != null) {
            b.append("<h2>").append(esc(r.file())).append("</h2>\n<p class=\"error\">This input could not be read: ")
                    .append(esc(r.error().toString())).append("</p>\n</main>\n");
            return;
        }
        List<StudentResult> ok = r.students().stream().filter(x -> !x.isError()).toList();
        List<StudentResult> errors = r.students().stream().filter(StudentResult::isError).toList();
        b.append("<h2>School ").append(esc(r.schoolId())).append(" <span class=\"muted\">as of ").append(esc(String.valueOf(r.asOf())))
                .append(" · ").append(r.students().size()).append(" students · ").append(esc(r.file())).append("</span></h2>\n");

        // attendance tiers: chart and counts
        Map<AttendanceTier, Integer> tiers = new EnumMap<>(AttendanceTier.class);
        for (AttendanceTier t : AttendanceTier.values()) {
            tiers.put(t, 0);
        }
        int[] support = new int[4];
        for (StudentResult x : ok) {
            tiers.merge(x.attendanceTier(), 1, Integer::sum);
            if (x.supportTier() >= 1 && x.supportTier() <= 3) {
                support[x.supportTier()]++;
            }
        }
        b.append("<section class=\"summary\">\n<div class=\"chart\">\n<h3>Attendance tiers</h3>\n");
        chart(b, tiers, ok.size(), "tiers-" + index);
        b.append("</div>\n<div class=\"counts\">\n<h3>Support tiers</h3>\n<table class=\"small\">\n<thead><tr><th>tier</th><th>what it means</th>")
                .append("<th class=\"num\">students</th></tr></thead>\n<tbody>\n");
        String[] meaning = {"", "universal: every family", "early intervention", "intensive"};
        for (int t = 1; t <= 3; t++) {
            b.append("<tr><td>").append(t).append("</td><td>").append(meaning[t]).append("</td><td class=\"num\">")
                    .append(support[t]).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
        if (policy != null) {
            b.append("<p class=\"note\">Share of enrolled days missed: at risk from ").append(percent(policy.atRiskFrom()))
                    .append(", moderately chronic from ").append(percent(policy.moderateChronicFrom()))
                    .append(", severely chronic from ").append(percent(policy.severeChronicFrom())).append(".</p>\n");
        }
        if (!errors.isEmpty()) {
            b.append("<p class=\"error\">").append(errors.size()).append(errors.size() == 1 ? " student" : " students")
                    .append(" could not be evaluated; see the end of this page.</p>\n");
        }
        b.append("</div>\n</section>\n");

        // today's calls
        b.append("<section>\n<h3>Today's calls <span class=\"muted\">(").append(s.calls().size()).append(")</span></h3>\n");
        if (s.calls().isEmpty()) {
            b.append("<p>No calls due today.</p>\n");
        } else {
            b.append("<table class=\"calls\">\n<thead><tr><th>who calls</th><th>student</th><th>whom</th><th>number</th>")
                    .append("<th>language</th><th>interpreter</th><th>what and why</th></tr></thead>\n<tbody>\n");
            for (CallList.Call c : s.calls()) {
                b.append("<tr><td>").append(esc(words(c.owner().name()))).append("</td><td>").append(esc(c.studentId()))
                        .append("</td><td>").append(esc(CallList.whom(c))).append("</td><td class=\"phone\">")
                        .append(c.phone() == null ? "<em>no working number</em>" : esc(c.phone())).append("</td><td>")
                        .append(esc(c.language() == null ? "" : c.language())).append("</td><td>")
                        .append(c.interpreterNeeded() ? "<strong>yes, an adult</strong>" : "no").append("</td><td>")
                        .append(esc(String.join(" + ", c.interventions()))).append("<br/><span class=\"why\">")
                        .append(esc(c.reason())).append("</span></td></tr>\n");
            }
            b.append("</tbody>\n</table>\n");
        }
        b.append("</section>\n");

        // every student with something to do, most concerning first, then the rest in one table
        List<StudentResult> todo = new ArrayList<>();
        List<StudentResult> nothing = new ArrayList<>();
        for (StudentResult x : ok) {
            (x.recommendations().isEmpty() ? nothing : todo).add(x);
        }
        todo.sort(java.util.Comparator.comparing((StudentResult x) -> -x.attendanceTier().severity())
                .thenComparing(x -> -x.supportTier()).thenComparing(StudentResult::studentId));
        b.append("<section>\n<h3>Students with recommendations <span class=\"muted\">(").append(todo.size())
                .append(")</span></h3>\n");
        for (StudentResult x : todo) {
            student(b, x);
        }
        if (!nothing.isEmpty()) {
            b.append("<h3>No recommendations <span class=\"muted\">(").append(nothing.size()).append(")</span></h3>\n")
                    .append("<table class=\"small\">\n<thead><tr><th>student</th><th>attendance tier</th><th class=\"num\">days missed</th>")
                    .append("<th class=\"num\">enrolled days</th></tr></thead>\n<tbody>\n");
            for (StudentResult x : nothing) {
                b.append("<tr><td>").append(esc(x.studentId())).append("</td><td>").append(badge(x.attendanceTier()))
                        .append("</td><td class=\"num\">").append(esc(ResultWriter.number(x.daysMissed()))).append("</td><td class=\"num\">")
                        .append(x.daysEnrolled()).append("</td></tr>\n");
            }
            b.append("</tbody>\n</table>\n");
        }
        if (!errors.isEmpty()) {
            b.append("<h3>Could not be evaluated <span class=\"muted\">(").append(errors.size()).append(")</span></h3>\n<ul class=\"errors\">\n");
            for (StudentResult x : errors) {
                b.append("<li><strong>").append(esc(x.studentId())).append("</strong>: ").append(esc(x.error().toString())).append("</li>\n");
            }
            b.append("</ul>\n");
        }
        b.append("</section>\n</main>\n");
    }

    private static void student(StringBuilder b, StudentResult x) {
        b.append("<article class=\"student\">\n<h4>").append(esc(x.studentId())).append(" ").append(badge(x.attendanceTier()))
                .append(" <span class=\"muted\">support tier ").append(x.supportTier()).append(" · ")
                .append(esc(ResultWriter.number(x.daysMissed()))).append(" of ").append(x.daysEnrolled()).append(" enrolled days missed");
        if (x.daysEnrolled() > 0) {
            b.append(" (").append(String.format(Locale.ROOT, "%.1f%%", x.daysMissed() * 100 / x.daysEnrolled())).append(")");
        }
        b.append("</span></h4>\n<table>\n<thead><tr><th>step</th><th>due</th><th>what</th><th>who</th><th>whom</th><th>why</th></tr></thead>\n<tbody>\n");
        List<Recommendation> plan = new ArrayList<>(x.recommendations());
        plan.sort(java.util.Comparator.comparingInt(Recommendation::step).thenComparing(Recommendation.ORDER));
        for (Recommendation rec : plan) {
            String whom = rec.contactRole() == null ? "" : rec.contactRole() + (rec.language() == null ? "" : ", " + rec.language())
                    + (Boolean.TRUE.equals(rec.interpreterNeeded()) ? ", interpreter" : "");
            b.append("<tr><td class=\"num\">").append(rec.step()).append("</td><td class=\"date\">").append(esc(rec.due().toString()))
                    .append(rec.status() == org.attendanceoutreach.result.DueStatus.UPCOMING ? ""
                            : "<br/><strong>" + esc(rec.status().name().toLowerCase(Locale.ROOT)) + "</strong>")
                    .append("</td><td>").append(esc(rec.intervention()))
                    .append(" <span class=\"impact\">").append(esc(rec.impact().name().toLowerCase(Locale.ROOT))).append("</span>")
                    .append(rec.covers().isEmpty() ? "" : "<br/><span class=\"why\">also: " + esc(String.join(", ", rec.covers())) + "</span>")
                    .append("</td><td>")
                    .append(esc(words(rec.owner().name()))).append("</td><td>").append(esc(whom)).append("</td><td>");
            for (int i = 0; i < rec.because().size(); i++) {
                b.append(i == 0 ? "" : "<br/>").append(esc(rec.because().get(i)));
            }
            b.append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
        if (!x.next().isEmpty()) {
            b.append("<p class=\"note\">Next: ");
            for (int i = 0; i < x.next().size(); i++) {
                b.append(i == 0 ? "" : "; ").append(esc(x.next().get(i).intervention())).append(", after ")
                        .append(esc(x.next().get(i).after()));
            }
            b.append("</p>\n");
        }
        if (!x.cautions().isEmpty()) {
            b.append("<ul class=\"cautions\">\n");
            for (String c : x.cautions()) {
                b.append("<li>").append(esc(c)).append("</li>\n");
            }
            b.append("</ul>\n");
        }
        b.append("</article>\n");
    }

    /** A horizontal bar chart of the tiers, drawn in SVG inside the page. */
    private static void chart(StringBuilder b, Map<AttendanceTier, Integer> tiers, int total, String id) {
        AttendanceTier[] order = {AttendanceTier.SATISFACTORY, AttendanceTier.AT_RISK, AttendanceTier.MODERATE_CHRONIC,
                AttendanceTier.SEVERE_CHRONIC, AttendanceTier.INSUFFICIENT_DATA};
        int max = 1;
        for (AttendanceTier t : order) {
            max = Math.max(max, tiers.get(t));
        }
        int labelWidth = 170;
        int barArea = 300;
        int row = 34;
        int width = labelWidth + barArea + 110;
        int height = order.length * row + 10;
        StringBuilder desc = new StringBuilder();
        for (AttendanceTier t : order) {
            desc.append(desc.length() == 0 ? "" : ", ").append(tierWords(t)).append(": ").append(tiers.get(t));
        }
        b.append("<svg class=\"bars\" role=\"img\" aria-labelledby=\"").append(id).append("-title\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"").append(height).append("\">\n")
                .append("<title id=\"").append(id).append("-title\">Students by attendance tier (").append(total).append(" evaluated): ")
                .append(esc(desc.toString())).append("</title>\n");
        for (int i = 0; i < order.length; i++) {
            AttendanceTier t = order[i];
            int count = tiers.get(t);
            int y = 5 + i * row;
            int len = count == 0 ? 0 : Math.max(2, (int) Math.round((double) count * barArea / max));
            String share = total == 0 ? "" : String.format(Locale.ROOT, " (%.0f%%)", count * 100.0 / total);
            b.append("<text x=\"").append(labelWidth - 8).append("\" y=\"").append(y + 19).append("\" text-anchor=\"end\">")
                    .append(esc(tierWords(t))).append("</text>\n")
                    .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 4).append("\" width=\"").append(len)
                    .append("\" height=\"22\" rx=\"3\" fill=\"").append(TIER_COLOURS[t.ordinal()]).append("\"/>\n")
                    .append("<text x=\"").append(labelWidth + len + 6).append("\" y=\"").append(y + 19).append("\" class=\"value\">")
                    .append(count).append(esc(share)).append("</text>\n");
        }
        b.append("</svg>\n");
    }

    private static String badge(AttendanceTier t) {
        return "<span class=\"badge t" + t.ordinal() + "\">" + esc(tierWords(t)) + "</span>";
    }

    static String tierWords(AttendanceTier t) {
        return switch (t) {
            case SATISFACTORY -> "satisfactory";
            case AT_RISK -> "at risk";
            case MODERATE_CHRONIC -> "moderately chronic";
            case SEVERE_CHRONIC -> "severely chronic";
            case INSUFFICIENT_DATA -> "too early to say";
        };
    }

    private static String words(String enumName) {
        String w = enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static String percent(double share) {
        double p = share * 100;
        return (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)) + "%";
    }

    /**
     * Text safe anywhere in the page: in an element or in a quoted attribute. Control and format
     * characters are shown as {@code \}{@code uXXXX} ({@link org.attendanceoutreach.internal.PlainText}).
     */
    public static String esc(String text) {
        if (text == null) {
            return "";
        }
        String s = org.attendanceoutreach.internal.PlainText.escape(text);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // control characters are not allowed in XML text; keep tabs and line breaks
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static final String CSS = """
            :root { color-scheme: light; }
            body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1d2330;
                   margin: 0 auto; max-width: 1100px; padding: 24px; background: #fff; }
            h1 { font-size: 24px; margin: 0 0 4px; }
            h2 { font-size: 20px; border-bottom: 2px solid #1d2330; padding-bottom: 4px; margin-top: 28px; }
            h3 { font-size: 17px; margin: 22px 0 8px; }
            h4 { font-size: 15px; margin: 0 0 6px; }
            .muted { color: #5b6270; font-weight: normal; font-size: 0.9em; }
            .note { color: #5b6270; font-size: 13px; }
            .summary { display: flex; flex-wrap: wrap; gap: 8px 40px; align-items: flex-start; }
            .summary .chart { flex: 0 0 auto; }
            .summary .counts { flex: 1 1 300px; min-width: 300px; }
            svg.bars { max-width: 100%; height: auto; }
            .bars text { font-size: 13px; fill: #1d2330; }
            .bars text.value { fill: #3a4150; }
            table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
            table.small { width: auto; min-width: 320px; }
            th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid #dde1e7; }
            th { font-size: 12px; text-transform: uppercase; letter-spacing: 0.03em; color: #5b6270; border-bottom: 2px solid #c5cad3; }
            td.num, th.num { text-align: right; }
            td.phone, td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
            .why { color: #3a4150; font-size: 13px; }
            .impact { color: #5b6270; font-size: 12px; }
            .student { border: 1px solid #dde1e7; border-radius: 6px; padding: 10px 12px; margin: 10px 0; break-inside: avoid; }
            .cautions { margin: 4px 0 0; padding-left: 20px; color: #7a4b00; font-size: 13px; }
            .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; }
            .badge.t0 { background: #8a8f98; } .badge.t1 { background: #2e7d32; } .badge.t2 { background: #c98a00; }
            .badge.t3 { background: #e65100; } .badge.t4 { background: #b71c1c; }
            .error { color: #b71c1c; }
            @media print { body { padding: 0; } .student { page-break-inside: avoid; } }
            """;
}
