package org.attendanceoutreach.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code policy.properties}: one {@code name = value} a line, {@code #} starts a comment.
 * Rates may be written {@code 10%} or {@code 0.10}. Every mistake is reported as {@code FILE:LINE:}.
 */
public final class PolicyFile {
    private enum Kind { RATE, DAYS, COUNT, YES_NO }

    private record Setting(String name, Kind kind, double defaultValue, double max) { }

    private static final List<Setting> SETTINGS = List.of(
            new Setting("at-risk-from", Kind.RATE, 0.05, 1),
            new Setting("moderate-chronic-from", Kind.RATE, 0.10, 1),
            new Setting("severe-chronic-from", Kind.RATE, 0.20, 1),
            new Setting("minimum-enrolled-days", Kind.DAYS, 10, 200),
            new Setting("support-tier-2-prior-year-from", Kind.RATE, 0.10, 1),
            new Setting("support-tier-3-prior-year-from", Kind.RATE, 0.20, 1),
            new Setting("recent-school-days", Kind.DAYS, 20, 200),
            new Setting("still-missing-days", Kind.DAYS, 2, 200),
            new Setting("long-absence-run", Kind.DAYS, 5, 200),
            new Setting("meeting-within-calendar-days", Kind.DAYS, 21, 365),
            new Setting("second-contact-after-calendar-days", Kind.DAYS, 7, 365),
            new Setting("second-contact-within-calendar-days", Kind.DAYS, 14, 365),
            new Setting("mostly-illness-share", Kind.RATE, 0.50, 1),
            new Setting("health-plan-minimum-days-missed", Kind.DAYS, 3, 200),
            new Setting("family-barrier-days", Kind.DAYS, 2, 200),
            new Setting("community-barrier-days", Kind.DAYS, 3, 200),
            new Setting("unanswered-attempts-before-asking-staff", Kind.COUNT, 3, 50),
            new Setting("last-weeks-school-days", Kind.DAYS, 20, 200),
            new Setting("letters-compare-with-classmates", Kind.YES_NO, 0, 1),
            new Setting("letters-classmates-minimum", Kind.COUNT, 10, 1000),
            new Setting("letters-reading-grade", Kind.COUNT, 6, 12),
            new Setting("texts-every-school-days", Kind.DAYS, 5, 200),
            new Setting("staff-minutes-per-day", Kind.COUNT, 60, 600),

            new Setting("follow-up-minimum-school-days", Kind.DAYS, 20, 200),
            new Setting("follow-up-improvement-margin", Kind.RATE, 0.02, 1),
            new Setting("early-warning-school-days", Kind.DAYS, 20, 200),
            new Setting("early-warning-days-missed", Kind.DAYS, 2, 200));

    /** Settings that moved out of this file, and where to. */
    private static final Map<String, String> MOVED = Map.of(
            "escalate-within-school-days", "each practice's \"dueWithinSchoolDays\" in catalog.json",
            "assign-mentor-within-school-days", "\"dueWithinSchoolDays\" of success-mentor in catalog.json",
            "introduce-mentor-within-school-days", "\"dueWithinSchoolDays\" of introduce-mentor-to-family in catalog.json");

    private PolicyFile() {
    }

    static Policy defaults() {
        Map<String, Double> v = new LinkedHashMap<>();
        SETTINGS.forEach(s -> v.put(s.name(), s.defaultValue()));
        return build(v);
    }

    /** The names policy staff may set, in file order. */
    public static List<String> settingNames() {
        return SETTINGS.stream().map(Setting::name).toList();
    }

    /**
     * Parses the text of a policy file; settings it leaves out keep their defaults.
     *
     * @throws PolicyException listing every problem, each as {@code FILE:LINE: message}
     */
    public static Policy parse(String fileName, String text) throws PolicyException {
        Map<String, Double> values = new LinkedHashMap<>();
        SETTINGS.forEach(s -> values.put(s.name(), s.defaultValue()));
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                problems.add(fileName + ":" + lineNo + ": expected 'name = value', like 'severe-chronic-from = 20%'");
                continue;
            }
            String name = line.substring(0, eq).strip();
            String raw = line.substring(eq + 1).strip();
            int hash = raw.indexOf('#');
            if (hash >= 0) {
                raw = raw.substring(0, hash).strip();
            }
            Setting setting = SETTINGS.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
            if (setting == null && MOVED.containsKey(name)) {
                problems.add(fileName + ":" + lineNo + ": '" + name + "' has moved to " + MOVED.get(name)
                        + "; delete this line and set the number there");
                continue;
            }
            if (setting == null) {
                String near = org.attendanceoutreach.internal.DidYouMean.of(name, settingNames());
                problems.add(fileName + ":" + lineNo + ": '" + name + "' is not a policy setting" + (near.isEmpty()
                        ? "; the settings are " + String.join(", ", settingNames()) : near));
                continue;
            }
            Integer before = lineOf.putIfAbsent(name, lineNo);
            if (before != null) {
                problems.add(fileName + ":" + lineNo + ": '" + name + "' is already set on line " + before + "; keep one");
                continue;
            }
            try {
                values.put(name, value(setting, raw));
            } catch (IllegalArgumentException e) {
                problems.add(fileName + ":" + lineNo + ": " + name + ": " + e.getMessage());
            }
        }
        order(values, lineOf, fileName, problems, "at-risk-from", "moderate-chronic-from", "severe-chronic-from");
        order(values, lineOf, fileName, problems, "support-tier-2-prior-year-from", "support-tier-3-prior-year-from");
        order(values, lineOf, fileName, problems, "second-contact-after-calendar-days", "second-contact-within-calendar-days");
        if (!problems.isEmpty()) {
            throw new PolicyException(problems);
        }
        return build(values);
    }

    private static double value(Setting s, String raw) {
        if (s.kind() == Kind.YES_NO) {
            return switch (raw.toLowerCase(java.util.Locale.ROOT)) {
                case "yes", "true", "on" -> 1.0;
                case "no", "false", "off" -> 0.0;
                default -> throw new IllegalArgumentException("'" + raw + "' is not yes or no");
            };
        }
        double v;
        try {
            if (s.kind() == Kind.RATE) {
                v = raw.endsWith("%") ? Double.parseDouble(raw.substring(0, raw.length() - 1).strip()) / 100.0
                        : Double.parseDouble(raw);
            } else {
                v = Integer.parseInt(raw);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + raw + "' is not "
                    + (s.kind() == Kind.RATE ? "a percentage like 10% (or a share like 0.10)"
                    : s.kind() == Kind.COUNT ? "a whole number" : "a whole number of days"));
        }
        if (s.kind() == Kind.RATE && v > 1 && v <= 100 && !raw.endsWith("%")) {
            throw new IllegalArgumentException(raw + " is out of range: a rate is a percentage (" + raw + "%) or a share"
                    + " from 0 to 1 (" + (v / 100) + "); did you mean " + raw + "%?");
        }
        if (s.kind() == Kind.RATE && (v <= 0 || v > 1)) {
            throw new IllegalArgumentException(raw + " is out of range: a rate must be more than 0% and at most 100%");
        }
        if (s.kind() != Kind.RATE && (v < 1 || v > s.max())) {
            throw new IllegalArgumentException(raw + " is out of range: between 1 and " + (int) s.max()
                    + (s.kind() == Kind.DAYS ? " days" : ""));
        }
        return v;
    }

    private static void order(Map<String, Double> v, Map<String, Integer> lineOf, String file, List<String> problems,
                              String... names) {
        for (int i = 1; i < names.length; i++) {
            if (v.get(names[i - 1]) >= v.get(names[i])) {
                int line = lineOf.getOrDefault(names[i], lineOf.getOrDefault(names[i - 1], 1));
                problems.add(file + ":" + line + ": " + names[i - 1] + " must be less than " + names[i]
                        + "; the tiers are out of order");
            }
        }
    }

    private static Policy build(Map<String, Double> v) {
        return new Policy(v.get("at-risk-from"), v.get("moderate-chronic-from"), v.get("severe-chronic-from"),
                days(v, "minimum-enrolled-days"), v.get("support-tier-2-prior-year-from"),
                v.get("support-tier-3-prior-year-from"), days(v, "recent-school-days"), days(v, "still-missing-days"),
                days(v, "long-absence-run"),
                days(v, "meeting-within-calendar-days"), days(v, "second-contact-after-calendar-days"),
                days(v, "second-contact-within-calendar-days"), v.get("mostly-illness-share"),
                days(v, "health-plan-minimum-days-missed"), days(v, "family-barrier-days"),
                days(v, "community-barrier-days"), days(v, "unanswered-attempts-before-asking-staff"),
                days(v, "last-weeks-school-days"), v.get("letters-compare-with-classmates") > 0,
                days(v, "letters-classmates-minimum"), days(v, "letters-reading-grade"), days(v, "texts-every-school-days"),
                days(v, "staff-minutes-per-day"), days(v, "follow-up-minimum-school-days"), v.get("follow-up-improvement-margin"),
                days(v, "early-warning-school-days"), days(v, "early-warning-days-missed"));
    }

    private static int days(Map<String, Double> v, String name) {
        return v.get(name).intValue();
    }
}
