package org.attendanceoutreach.output;

import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.catalog.Owner;
import org.attendanceoutreach.catalog.Practice;
import org.attendanceoutreach.internal.Languages;
import org.attendanceoutreach.internal.PlainText;
import org.attendanceoutreach.internal.Templates;
import org.attendanceoutreach.policy.Policy;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.result.AttendanceTier;
import org.attendanceoutreach.result.DueStatus;
import org.attendanceoutreach.result.NextStep;
import org.attendanceoutreach.result.Recommendation;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.school.School;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * One self-contained HTML page per run, for a school's staff on a phone, a desktop or paper. For each
 * school, in this order:
 * <ol>
 *   <li><b>Today, by staff member</b>: each role's calls (one entry per family, overdue first: whom to ask
 *       for, the number, the language and interpreter, what for, the first line, why) and its other tasks
 *       due or overdue (folded);</li>
 *   <li><b>The week's load</b>: each role's minutes for the next five school days ({@link WeekLoad}), with a
 *       plain note where a day needs more than one person at the policy's minutes;</li>
 *   <li><b>By tier</b>: the attendance-tier chart (inline SVG), support-tier counts, and the students of each
 *       tier;</li>
 *   <li><b>Every student</b>, by id, each folded to one line until opened: the plan step by step, what waits,
 *       the cautions;</li>
 *   <li>students who could not be evaluated, and the practices named in the page with what they are.</li>
 * </ol>
 * Rendered by the logic-less template {@code report.mustache} (shipped in the library jar) from maps, lists
 * and strings only ({@link Templates}). No scripts, no external styles, fonts, images or links (links go to
 * places in the page, or are {@code tel:} numbers): it opens offline. All text is escaped. The page is
 * well-formed XML (XHTML syntax), and the same results give the same bytes.
 */
public final class HtmlReport {
    /** One school: its results, its calls and the week's load; or a file that could not be read. */
    public record Section(SchoolResult result, School school, List<CallList.Call> calls, Charts charts) {
        public Section {
            calls = calls == null ? List.of() : List.copyOf(calls);
            charts = charts == null ? Charts.NONE : charts;
        }

        /** A school without pictures. */
        public Section(SchoolResult result, School school, List<CallList.Call> calls) {
            this(result, school, calls, Charts.NONE);
        }

        /** The same school with these pictures. */
        public Section withCharts(Charts pictures) {
            return new Section(result, school, calls, pictures);
        }

        /** A school file and its results, with the call list of {@link CallList#of(SchoolFile, SchoolResult, Catalog)}. */
        public static Section of(SchoolFile file, SchoolResult result, Catalog catalog) {
            return of(file, result, catalog, null);
        }

        /** The same, each call's first line from the call scripts of {@code letters} (may be null). */
        public static Section of(SchoolFile file, SchoolResult result, Catalog catalog, org.attendanceoutreach.letters.Letters letters) {
            return new Section(result, file.school(), CallList.of(file, result, catalog, letters));
        }

        /** An input that could not be read. */
        public static Section failed(SchoolResult result) {
            return new Section(result, null, List.of());
        }
    }

    /**
     * The pictures of one school (issue 12): how its tiers moved month by month
     * ({@link TierHistoryChart#history}), and, by student id, the year of each student with a support in
     * place ({@link SupportChart#points}). Drawn by {@code tier-history.mustache} beside the tier chart and
     * {@code support-chart.mustache} in the student's plan; what is missing is not drawn.
     */
    public record Charts(List<TierHistoryChart.Month> history, Map<String, List<SupportChart.Point>> years) {
        public static final Charts NONE = new Charts(List.of(), Map.of());

        public Charts {
            history = history == null ? List.of() : List.copyOf(history);
            years = years == null ? Map.of() : Map.copyOf(years);
        }

        /**
         * The pictures of a school file and its results: the tiers month by month, {@code evaluate}
         * running the rules as of each month's last school day, and the year of every student with a
         * support in place (the share missed lately over the policy's {@code recent-school-days}).
         */
        public static Charts of(SchoolFile file, SchoolResult result, java.util.function.Function<SchoolFile, SchoolResult> evaluate,
                                Policy policy) {
            Map<String, StudentResult> results = new HashMap<>();
            result.students().forEach(r -> results.put(r.studentId(), r));
            Map<String, List<SupportChart.Point>> years = new HashMap<>();
            for (org.attendanceoutreach.read.StudentInput in : file.students()) {
                StudentResult r = in.ok() ? results.get(in.student().studentId()) : null;
                if (r != null && !r.isError() && !r.progress().isEmpty()) {
                    years.put(r.studentId(), SupportChart.points(in.student(), file.school().calendar(), file.school().asOf(),
                            policy.recentSchoolDays()));
                }
            }
            return new Charts(TierHistoryChart.history(file, evaluate), years);
        }
    }

    /** A school with this many calls today or fewer shows every role's list open; a bigger one shows them folded. */
    static final int OPEN_UP_TO_CALLS = 40;

    private static final Templates TEMPLATES = Templates.fromClasspath("org/attendanceoutreach/output", Templates.Escaping.HTML);

    /** Bar colours of the chart (graphics, beside their labels: never the only way a tier is told). */
    private static final String[] TIER_COLOURS = {"#6b7280", "#2e7d32", "#a16207", "#c2410c", "#b91c1c"};

    private HtmlReport() {
    }

    /**
     * Writes the page.
     *
     * @param catalog the practices' names, descriptions and minutes
     * @param policy  the tier cut-offs beside the chart and the minutes per staff member; may be null
     */
    public static void write(List<Section> sections, Catalog catalog, Policy policy, Writer w) throws IOException {
        Map<String, Object> page = new LinkedHashMap<>();
        boolean one = sections.size() == 1 && sections.get(0).result().error() == null;
        String title = one
                ? "Attendance outreach: school " + shown(sections.get(0).result().schoolId()) + ", as of " + sections.get(0).result().asOf()
                : "Attendance outreach";
        page.put("title", title);
        List<Object> schools = new ArrayList<>();
        TreeSet<String> used = new TreeSet<>();
        for (int i = 0; i < sections.size(); i++) {
            schools.add(school(sections.get(i), catalog, policy, "s" + (i + 1) + "-", used));
        }
        page.put("schools", schools);
        List<Object> glossary = new ArrayList<>();
        for (String id : used) {
            catalog.find(id).ifPresent(p -> glossary.add(map("name", p.name(), "id", p.id(), "description", p.description(),
                    "minutes", Integer.toString(p.minutes()))));
        }
        page.put("glossary", glossary);
        page.put("glossaryAny", any(glossary));
        TEMPLATES.render("report.mustache", page, w);
        w.flush();
    }

    private static Map<String, Object> school(Section s, Catalog catalog, Policy policy, String prefix, TreeSet<String> used) {
        SchoolResult r = s.result();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("prefix", prefix);
        if (r.error() != null) {
            m.put("heading", shown(r.file()));
            m.put("fileError", shown(r.error().toString()));
            return m;
        }
        List<StudentResult> ok = r.students().stream().filter(x -> !x.isError()).toList();
        List<StudentResult> errors = r.students().stream().filter(StudentResult::isError).toList();
        m.put("heading", "School " + shown(r.schoolId()));
        m.put("meta", "as of " + r.asOf() + " · " + r.students().size() + " students · " + shown(r.file()));
        Map<String, String> anchor = new HashMap<>();
        List<StudentResult> byId = new ArrayList<>(r.students());
        byId.sort(Comparator.comparing(StudentResult::studentId));
        for (int i = 0; i < byId.size(); i++) {
            anchor.putIfAbsent(byId.get(i).studentId(), prefix + "st" + (i + 1));
        }

        List<Object> today = today(s, catalog, anchor, prefix, used);
        m.put("today", today);
        m.put("todayAny", any(today));
        m.put("load", load(s, catalog, policy, r));
        m.put("tiers", tiers(ok, policy, prefix, anchor));
        Map<String, Object> history = TierHistoryChart.model(s.charts().history(), prefix + "history");
        m.put("history", history.isEmpty() ? "" : history);
        List<Object> students = new ArrayList<>();
        for (StudentResult x : byId) {
            if (!x.isError()) {
                students.add(student(x, catalog, anchor, used, s.charts(), policy));
            }
        }
        m.put("students", students);
        m.put("studentCount", Integer.toString(students.size()));
        List<Object> errs = new ArrayList<>();
        for (StudentResult x : errors) {
            errs.add(map("id", shown(x.studentId()), "anchor", anchor.get(x.studentId()), "message", shown(x.error().toString())));
        }
        m.put("errors", errs);
        m.put("errorCount", errors.isEmpty() ? "" : Integer.toString(errors.size()));
        return m;
    }

    // ---- today, by staff member ----

    private static List<Object> today(Section s, Catalog catalog, Map<String, String> anchor, String prefix, TreeSet<String> used) {
        SchoolResult r = s.result();
        Map<Owner, List<CallList.Call>> calls = new EnumMap<>(Owner.class);
        for (CallList.Call c : s.calls()) {
            calls.computeIfAbsent(c.owner(), o -> new ArrayList<>()).add(c);
        }
        Map<Owner, List<Object[]>> tasks = new EnumMap<>(Owner.class);
        for (StudentResult x : r.students()) {
            for (Recommendation rec : x.recommendations()) {
                if (!rec.due().isAfter(x.asOf()) && !onCallList(s.calls(), x.studentId(), rec, catalog)) {
                    tasks.computeIfAbsent(rec.owner(), o -> new ArrayList<>()).add(new Object[] {x, rec});
                }
            }
        }
        List<Object> out = new ArrayList<>();
        for (Owner o : Owner.values()) {
            List<CallList.Call> mine = calls.getOrDefault(o, List.of());
            List<Object[]> other = new ArrayList<>(tasks.getOrDefault(o, List.of()));
            if (mine.isEmpty() && other.isEmpty()) {
                continue;
            }
            Map<String, Object> owner = new LinkedHashMap<>();
            owner.put("anchor", prefix + "today-" + o.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            owner.put("owner", CallList.ownerWords(o));
            owner.put("open", s.calls().size() <= OPEN_UP_TO_CALLS ? "yes" : "");
            long overdue = mine.stream().filter(CallList.Call::overdue).count()
                    + other.stream().filter(t -> ((Recommendation) t[1]).status() == DueStatus.OVERDUE).count();
            owner.put("summary", count(mine.size(), "family", "families") + " to call, " + count(other.size(), "other task", "other tasks")
                    + (overdue == 0 ? "" : "; " + overdue + " overdue"));
            List<Object> callList = new ArrayList<>();
            for (CallList.Call c : mine) {
                c.interventions().forEach(used::add);
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("student", shown(c.studentId()));
                cm.put("name", c.studentName() == null ? "" : shown(c.studentName()));
                cm.put("anchor", anchor.getOrDefault(c.studentId(), ""));
                cm.put("grade", c.grade() == null ? "" : "grade " + shown(c.grade()));
                boolean dated = c.task() != CallList.Task.CHECK_RECORD && c.overdue();
                cm.put("status", dated ? "overdue since" : shown(CallList.statusWords(c)));
                cm.put("date", dated ? c.due().toString() : "");
                cm.put("late", c.overdue() || !c.evaluated() ? "yes" : "");
                cm.put("task", CallList.taskWords(c));
                cm.put("whom", shown(CallList.whom(c)));
                cm.put("phone", c.phone() == null ? "" : shown(c.phone()));
                cm.put("tel", c.phone() == null ? "" : "tel:" + c.phone().replaceAll("[^0-9+]", ""));
                cm.put("noPhone", c.phone() == null && c.task() != CallList.Task.CHECK_RECORD && c.contactRole() != null ? "yes" : "");
                String language = CallList.languageWords(c);
                cm.put("language", shown(Character.toUpperCase(language.charAt(0)) + language.substring(1)));
                cm.put("interpreter", c.interpreterNeeded() ? "yes" : "");
                cm.put("purposes", shown(String.join("; ", c.purposes())));
                cm.put("opening", shown(c.opening()));
                cm.put("reasons", shown(c.reason()));
                callList.add(cm);
            }
            owner.put("calls", callList);
            owner.put("callsAny", any(callList));
            // the other tasks, one line per practice: overdue first, then due today, each with its students
            Map<String, List<String[]>> byPractice = new LinkedHashMap<>();
            other.sort(Comparator.comparing((Object[] t) -> ((Recommendation) t[1]).status())
                    .thenComparing(t -> ((Recommendation) t[1]).intervention())
                    .thenComparing(t -> ((Recommendation) t[1]).due())
                    .thenComparing(t -> ((StudentResult) t[0]).studentId()));
            for (Object[] t : other) {
                StudentResult x = (StudentResult) t[0];
                Recommendation rec = (Recommendation) t[1];
                used.add(rec.intervention());
                byPractice.computeIfAbsent(rec.status() + " " + rec.intervention(), k -> new ArrayList<>())
                        .add(new String[] {shown(x.studentId()), anchor.getOrDefault(x.studentId(), ""), rec.due().toString()});
            }
            List<Object> taskList = new ArrayList<>();
            for (Map.Entry<String, List<String[]>> e : byPractice.entrySet()) {
                boolean late = e.getKey().startsWith(DueStatus.OVERDUE.name());
                String id = e.getKey().substring(e.getKey().indexOf(' ') + 1);
                List<Object> who = new ArrayList<>();
                for (String[] st : e.getValue()) {
                    who.add(map("student", st[0], "anchor", st[1], "since", late ? st[2] : ""));
                }
                taskList.add(map("what", name(catalog, id), "status", late ? "overdue" : "due today", "late", late ? "yes" : "",
                        "count", Integer.toString(e.getValue().size()), "students", who));
            }
            owner.put("tasks", taskList);
            owner.put("taskCount", other.isEmpty() ? "" : count(other.size(), "other task", "other tasks") + " due or overdue");
            out.add(owner);
        }
        return out;
    }

    /** Whether the call list already carries this recommendation (as a call, or as the search for a number). */
    private static boolean onCallList(List<CallList.Call> calls, String studentId, Recommendation rec, Catalog catalog) {
        for (CallList.Call c : calls) {
            if (c.studentId().equals(studentId) && c.interventions().contains(rec.intervention())) {
                return true;
            }
        }
        return false;
    }

    // ---- the week's load ----

    private static Map<String, Object> load(Section s, Catalog catalog, Policy policy, SchoolResult r) {
        int limit = policy == null ? Policy.DEFAULTS.staffMinutesPerDay() : policy.staffMinutesPerDay();
        if (s.school() == null) {
            return Map.of();
        }
        WeekLoad load = WeekLoad.of(r, s.school(), s.calls(), catalog, limit);
        Map<String, Object> m = new LinkedHashMap<>();
        if (load.days().isEmpty() || load.minutes().isEmpty()) {
            m.put("empty", "Nothing is due in the next five school days.");
            return m;
        }
        List<Object> days = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (LocalDate d : load.days()) {
            String label = d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + d.getMonthValue() + "/" + d.getDayOfMonth();
            labels.add(label);
            days.add(map("label", label, "date", d.toString()));
        }
        m.put("days", days);
        List<Object> rows = new ArrayList<>();
        List<Object> notes = new ArrayList<>();
        for (Map.Entry<Owner, int[]> e : load.minutes().entrySet()) {
            List<Object> cells = new ArrayList<>();
            for (int i = 0; i < load.days().size(); i++) {
                int min = e.getValue()[i];
                boolean over = min > limit;
                cells.add(map("minutes", Integer.toString(min), "over", over ? "yes" : ""));
                if (over) {
                    notes.add(CallList.ownerWords(e.getKey()) + ", " + labels.get(i) + ": " + min + " minutes, the time of "
                            + load.people(min) + " people at " + limit + " minutes each: share it out, or move some to a quieter day.");
                }
            }
            rows.add(map("owner", CallList.ownerWords(e.getKey()), "cells", cells));
        }
        m.put("rows", rows);
        m.put("rowsAny", any(rows));
        m.put("notes", notes);
        m.put("notesAny", any(notes));
        m.put("limit", Integer.toString(limit));
        return m;
    }

    // ---- tiers ----

    private static Map<String, Object> tiers(List<StudentResult> ok, Policy policy, String prefix, Map<String, String> anchor) {
        AttendanceTier[] order = {AttendanceTier.SEVERE_CHRONIC, AttendanceTier.MODERATE_CHRONIC, AttendanceTier.AT_RISK,
                AttendanceTier.SATISFACTORY, AttendanceTier.INSUFFICIENT_DATA};
        Map<AttendanceTier, List<StudentResult>> by = new EnumMap<>(AttendanceTier.class);
        int[] support = new int[4];
        for (StudentResult x : ok) {
            by.computeIfAbsent(x.attendanceTier(), t -> new ArrayList<>()).add(x);
            if (x.supportTier() >= 1 && x.supportTier() <= 3) {
                support[x.supportTier()]++;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        int max = 1;
        for (AttendanceTier t : order) {
            max = Math.max(max, by.getOrDefault(t, List.of()).size());
        }
        int labelWidth = 170;
        int barArea = 260;
        int row = 34;
        List<Object> bars = new ArrayList<>();
        StringBuilder desc = new StringBuilder();
        List<Object> groups = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            AttendanceTier t = order[i];
            List<StudentResult> list = by.getOrDefault(t, List.of());
            int count = list.size();
            int y = 5 + i * row;
            int len = count == 0 ? 0 : Math.max(2, (int) Math.round((double) count * barArea / max));
            String share = ok.isEmpty() ? "" : String.format(Locale.ROOT, " (%.0f%%)", count * 100.0 / ok.size());
            bars.add(map("label", tierWords(t), "labelX", Integer.toString(labelWidth - 8), "textY", Integer.toString(y + 19),
                    "x", Integer.toString(labelWidth), "y", Integer.toString(y + 4), "width", Integer.toString(len),
                    "fill", TIER_COLOURS[t.ordinal()], "valueX", Integer.toString(labelWidth + len + 6), "value", count + share));
            desc.append(desc.length() == 0 ? "" : ", ").append(tierWords(t)).append(": ").append(count);
            List<Object> members = new ArrayList<>();
            list.stream().sorted(Comparator.comparing(StudentResult::studentId))
                    .forEach(x -> members.add(map("id", shown(x.studentId()), "anchor", anchor.get(x.studentId()))));
            groups.add(map("tier", tierWords(t), "badge", "t" + t.ordinal(), "count", Integer.toString(count), "students", members,
                    "anchor", prefix + "tier-" + t.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        }
        m.put("chart", map("id", prefix + "chart", "width", Integer.toString(labelWidth + barArea + 90),
                "height", Integer.toString(order.length * row + 10),
                "title", "Students by attendance tier (" + ok.size() + " evaluated): " + desc, "bars", bars));
        String[] meaning = {"", "universal: every family", "early intervention", "intensive"};
        List<Object> supportRows = new ArrayList<>();
        for (int t = 1; t <= 3; t++) {
            supportRows.add(map("tier", Integer.toString(t), "meaning", meaning[t], "count", Integer.toString(support[t])));
        }
        m.put("support", supportRows);
        m.put("groups", groups);
        if (policy != null) {
            m.put("cutoffs", "Share of enrolled days missed: at risk from " + percent(policy.atRiskFrom()) + ", moderately chronic from "
                    + percent(policy.moderateChronicFrom()) + ", severely chronic from " + percent(policy.severeChronicFrom()) + ".");
        }
        return m;
    }

    // ---- one student ----

    private static Map<String, Object> student(StudentResult x, Catalog catalog, Map<String, String> anchor, TreeSet<String> used,
                                               Charts charts, Policy policy) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("anchor", anchor.get(x.studentId()));
        m.put("id", shown(x.studentId()));
        m.put("tier", tierWords(x.attendanceTier()));
        m.put("badge", "t" + x.attendanceTier().ordinal());
        m.put("supportTier", Integer.toString(x.supportTier()));
        m.put("missed", ResultWriter.number(x.daysMissed()) + " of " + x.daysEnrolled() + " days missed"
                + (x.daysEnrolled() > 0 ? String.format(Locale.ROOT, " (%.1f%%)", x.daysMissed() * 100 / x.daysEnrolled()) : ""));
        long now = x.recommendations().stream().filter(rec -> !rec.due().isAfter(x.asOf())).count();
        m.put("now", now == 0 ? (x.recommendations().isEmpty() ? "nothing to do" : "nothing due yet")
                : count((int) now, "thing", "things") + " due");
        m.put("late", x.recommendations().stream().anyMatch(rec -> rec.status() == DueStatus.OVERDUE) ? "yes" : "");
        List<Recommendation> plan = new ArrayList<>(x.recommendations());
        plan.sort(Comparator.comparingInt(Recommendation::step).thenComparing(Recommendation.ORDER));
        // whom the plan reaches, said once for the student; a step that reaches someone else says so
        Map<String, Integer> reach = new LinkedHashMap<>();
        for (Recommendation rec : plan) {
            if (rec.contactRole() != null) {
                reach.merge(whom(rec), 1, Integer::sum);
            }
        }
        String family = reach.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
        m.put("family", family);
        java.util.Set<String> said = new java.util.HashSet<>();
        said.add("support tier " + x.supportTier()); // in the student's line already
        List<Object> steps = new ArrayList<>();
        for (Recommendation rec : plan) {
            used.add(rec.intervention());
            used.addAll(rec.covers());
            String whom = rec.contactRole() == null || whom(rec).equals(family) ? "" : "with the " + whom(rec);
            List<String> reasons = new ArrayList<>();
            for (String reason : rec.because()) {
                if (said.add(reason)) {
                    reasons.add(reason);
                }
            }
            steps.add(map("step", Integer.toString(rec.step()),
                    "status", switch (rec.status()) {
                        case OVERDUE -> "overdue since";
                        case DUE -> "due today";
                        case UPCOMING -> "due";
                    },
                    "date", rec.status() == DueStatus.DUE ? "" : rec.due().toString(),
                    "late", rec.status() == DueStatus.OVERDUE ? "yes" : "",
                    "what", name(catalog, rec.intervention()),
                    "covers", rec.covers().isEmpty() ? "" : "also: " + String.join(", ", CallList.names(catalog, rec.covers())),
                    "owner", CallList.ownerWords(rec.owner()), "whom", shown(whom), "reasons", shown(String.join("; ", reasons))));
        }
        m.put("steps", steps);
        m.put("stepsAny", any(steps));
        List<Object> next = new ArrayList<>();
        for (NextStep n : x.next()) {
            used.add(n.intervention());
            next.add(map("what", name(catalog, n.intervention()), "after", shown(n.after())));
        }
        m.put("next", next);
        m.put("nextAny", any(next));
        m.put("cautions", strings(x.cautions()));
        m.put("cautionsAny", any(x.cautions()));
        // the supports in place and whether they work, in words, and the picture of the year
        List<Object> inPlace = new ArrayList<>();
        for (org.attendanceoutreach.result.Progress p : x.progress()) {
            inPlace.add(map("what", name(catalog, p.intervention()), "trend", p.trend().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    "because", shown(p.because())));
        }
        m.put("inPlace", inPlace);
        m.put("inPlaceAny", any(inPlace));
        List<SupportChart.Point> year = charts.years().get(x.studentId());
        Map<String, Object> chart = year == null || x.progress().isEmpty() || policy == null ? Map.of()
                : SupportChart.model(shown(x.studentId()), year, x.progress(), policy, anchor.get(x.studentId()) + "-year");
        m.put("chart", chart.isEmpty() ? "" : chart);
        return m;
    }

    // ---- words ----

    /** Whom a recommendation reaches, in words: {@code parent, in Spanish, with an adult interpreter}. */
    private static String whom(Recommendation rec) {
        return shown(CallList.roleWords(rec.contactRole()) + (rec.language() == null ? "" : ", in " + Languages.nameOf(rec.language()))
                + (Boolean.TRUE.equals(rec.interpreterNeeded()) ? ", with an adult interpreter" : ""));
    }

    static String tierWords(AttendanceTier t) {
        return t.inWords();
    }

    private static String name(Catalog catalog, String id) {
        return catalog.find(id).map(Practice::name).orElse(shown(id));
    }

    /** A section's condition: a non-empty string when the list has something (templates get strings, not booleans). */
    private static String any(List<?> list) {
        return list.isEmpty() ? "" : "yes";
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String percent(double share) {
        double p = share * 100;
        return (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)) + "%";
    }

    private static List<Object> strings(List<String> values) {
        List<Object> out = new ArrayList<>();
        for (String v : values) {
            out.add(shown(v));
        }
        return out;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1] == null ? "" : kv[i + 1]);
        }
        return m;
    }

    /**
     * Text as the page shows it: control and format characters as {@code \}{@code uXXXX}
     * ({@link PlainText}); the template escapes it for HTML.
     */
    private static String shown(String text) {
        return text == null ? "" : PlainText.escape(text);
    }

    /**
     * Text safe anywhere in a page written by hand (the letters' HTML): in an element or in a quoted
     * attribute, with control and format characters shown as {@code \}{@code uXXXX}. The report itself
     * escapes through its template.
     */
    public static String esc(String text) {
        if (text == null) {
            return "";
        }
        String s = PlainText.escape(text);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
