package org.attendanceoutreach.rules;

import org.attendanceoutreach.catalog.Practice;
import org.attendanceoutreach.facts.SchoolDays;
import org.attendanceoutreach.facts.StudentFacts;
import org.attendanceoutreach.policy.PolicyFile;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.read.StudentInput;
import org.attendanceoutreach.result.AttendanceTier;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.Student;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./outreach validate} runs: "ok" means the rules are sound, not only that they
 * compile. After every check of a load ({@link RuleCompiler}), {@link #standard()} also runs:
 * <ul>
 *   <li>the rules over 40 made-up probe students (every tier, every context flag, the summer
 *   before the year): every student must get an attendance tier, and no rule may fail or go over
 *   budget (a {@code recommend} without a reason fails here too);</li>
 *   <li>the promises of the contract that rule files carry, over probe students made for them
 *   ({@link #contractPromises}): a student absent today gets a personal call home in step 1 (section 3);
 *   intensive practices wait for a positive contact with the family (section 8);</li>
 *   <li>every policy number is written in {@code policy.properties} (none silently defaulted).</li>
 * </ul>
 * More checks (the letter templates, say) are added with {@link #with(Check)}.
 */
public final class RuleValidator {
    /** One more thing {@code validate} checks once the rules have loaded. */
    @FunctionalInterface
    public interface Check {
        /**
         * @param rules the loaded rules
         * @param files every file of the rules folder, name to text
         * @return the problems found (empty: none)
         */
        List<RuleProblem> check(RuleSet rules, Map<String, String> files);
    }

    /** What validation found: the rules (null when they did not load) and every problem. */
    public record Result(RuleSet rules, List<RuleProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final List<Check> checks;
    private final java.nio.file.Path cache;

    private RuleValidator(List<Check> checks, java.nio.file.Path cache) {
        this.checks = List.copyOf(checks);
        this.cache = cache;
    }

    /** These checks, keeping compiled rules in {@code folder} (see {@code OutreachEngine.Builder.compiledRulesCache}). */
    public RuleValidator compiledRulesCache(java.nio.file.Path folder) {
        return new RuleValidator(checks, folder);
    }

    /** The checks {@code validate} runs. */
    public static RuleValidator standard() {
        return new RuleValidator(List.of(RuleValidator::probeStudents, RuleValidator::contractPromises,
                RuleValidator::everyPolicyNumberWritten), null);
    }

    /** These checks and one more. */
    public RuleValidator with(Check check) {
        List<Check> more = new ArrayList<>(checks);
        more.add(check);
        return new RuleValidator(more, cache);
    }

    public Result validate(RuleSource source) {
        RuleSet rules;
        Map<String, String> files;
        try {
            rules = RuleCompiler.compile(source, null, cache, RuleLimits.DEFAULTS);
            files = source.read();
        } catch (RulesException e) {
            return new Result(null, e.problems());
        } catch (IOException e) {
            return new Result(null, List.of(new RuleProblem(source.description(), 0, e.getMessage())));
        }
        List<RuleProblem> problems = new ArrayList<>();
        for (Check c : checks) {
            problems.addAll(c.check(rules, files));
        }
        Collections.sort(problems);
        return new Result(rules, problems);
    }

    /** The probe students, on the day of the probe school and on a summer day before the year. */
    static List<RuleProblem> probeStudents(RuleSet rules, Map<String, String> files) {
        SchoolFile probe;
        try (InputStream in = RuleValidator.class.getResourceAsStream("/org/attendanceoutreach/internal/compile/probe-school.json")) {
            probe = new SchoolFileReader().read("probe-school.json", in);
        } catch (IOException | SchoolFileException e) {
            throw new IllegalStateException("the probe students of validate are missing from the library", e);
        }
        RuleIndex index = RuleIndex.of(files);
        Map<String, RuleProblem> found = new LinkedHashMap<>();
        School school = probe.school();
        for (School day : List.of(school, school.withAsOf(school.calendar().firstDay().minusDays(19)))) {
            SchoolDays days = new SchoolDays(day.calendar());
            List<StudentResult> results = rules.evaluateAll(day, days, probe.students(), null);
            for (int i = 0; i < results.size(); i++) {
                StudentResult r = results.get(i);
                StudentInput in = probe.students().get(i);
                if (!r.isRuleFailure()) {
                    continue;
                }
                String rule = r.ruleFailure().rule();
                RuleIndex.Entry entry = rule == null ? null
                        : index.entries().stream().filter(e -> e.rule().equals(rule)).findFirst().orElse(null);
                String file = entry != null ? rules.source().displayName(entry.file())
                        : r.ruleFailure().message().contains("attendance tier") ? rules.source().displayName("attendance-tier.drl")
                        : rules.source().description();
                int line = entry != null ? entry.line() : 0;
                String message = r.ruleFailure() + " (for a made-up student " + in.key() + " on " + day.asOf()
                        + "; validate runs the rules over 40 such students)";
                found.putIfAbsent(file + ":" + line + ":" + r.ruleFailure(), new RuleProblem(file, line, message));
            }
        }
        return new ArrayList<>(found.values());
    }

    /** The practice of the same-day call (contract section 3). */
    static final String PERSONAL_CALL = "personal-call-home";
    static final String ABSENT_TODAY = "C-ABSENT-TODAY";
    static final String NO_POSITIVE_CONTACT = "C-NO-POSITIVE-CONTACT";

    /**
     * Promises of the contract that live in rule files, so that deleting or changing the file breaks
     * them without any compile error; checked over probe students made for them
     * ({@code contract-probe-school.json}, Friday 2026-11-20):
     * <ul>
     *   <li>{@value #ABSENT_TODAY}, absent today without a valid reason, a parent with a working phone:
     *   some recommendation of step 1 carries out {@code personal-call-home} (section 3: a personal
     *   call home the same day; {@code same-day-outreach.drl});</li>
     *   <li>{@value #NO_POSITIVE_CONTACT}, moderately chronic and still missing school, no positive
     *   contact on record, no long run: no recommendation carries out an intensive practice (catalog
     *   {@code "intensive": true}); they wait in {@code next} (section 8; {@code relationship-first.drl}).
     *   Not asked when the school's own policy numbers make the probe severely chronic or its one-day
     *   run a long run (then the contract lets them start).</li>
     * </ul>
     */
    static List<RuleProblem> contractPromises(RuleSet rules, Map<String, String> files) {
        SchoolFile probe;
        try (InputStream in = RuleValidator.class.getResourceAsStream("/org/attendanceoutreach/internal/compile/contract-probe-school.json")) {
            probe = new SchoolFileReader().read("contract-probe-school.json", in);
        } catch (IOException | SchoolFileException e) {
            throw new IllegalStateException("the contract probe students of validate are missing from the library", e);
        }
        School school = probe.school();
        SchoolDays days = new SchoolDays(school.calendar());
        List<StudentResult> results = rules.evaluateAll(school, days, probe.students(), null);
        List<RuleProblem> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            StudentResult r = results.get(i);
            Student student = probe.students().get(i).student();
            if (r.isError()) {
                continue; // the rule that failed is reported by probeStudents, with its file and line
            }
            if (r.studentId().equals(ABSENT_TODAY)
                    && r.firstStep().stream().noneMatch(rec -> rec.carriesOut(PERSONAL_CALL))) {
                out.add(new RuleProblem(rules.source().displayName("same-day-outreach.drl"), 0, "no rule recommends "
                        + PERSONAL_CALL + " in step 1 for a student absent today (contract section 3: a personal call home"
                        + " the same day a student is absent); was same-day-outreach.drl deleted or its rule changed?"
                        + " Restore it from the bundled rules (a made-up student " + r.studentId() + " absent on "
                        + school.asOf() + " without a valid reason, a parent with a working phone)"));
            }
            if (r.studentId().equals(NO_POSITIVE_CONTACT)) {
                StudentFacts facts = rules.facts(school, days, student);
                boolean mayStart = facts.isHadPositiveContact() || r.attendanceTier() == AttendanceTier.SEVERE_CHRONIC
                        || facts.getAbsenceRun() >= rules.policy().longAbsenceRun();
                List<String> early = new ArrayList<>();
                for (Practice p : rules.catalog().practices()) {
                    if (p.intensive() && !mayStart && r.recommendations().stream().anyMatch(rec -> rec.carriesOut(p.id()))) {
                        early.add(p.id());
                    }
                }
                if (!early.isEmpty()) {
                    out.add(new RuleProblem(rules.source().displayName("relationship-first.drl"), 0, "intensive support ("
                            + String.join(", ", early) + ") is recommended before any positive contact with the family"
                            + " (contract section 8: relationship first; it waits in 'next' unless the student is severely"
                            + " chronically absent or has missed long-absence-run days in a row); was relationship-first.drl"
                            + " deleted or its rule changed? Restore it from the bundled rules (a made-up student "
                            + r.studentId() + ", moderately chronically absent and still missing school, no positive contact)"));
                }
            }
        }
        return out;
    }

    /** Every policy number is written down: a missing one would silently take a default nobody chose. */
    static List<RuleProblem> everyPolicyNumberWritten(RuleSet rules, Map<String, String> files) {
        String text = files.get("policy.properties");
        String name = rules.source().displayName("policy.properties");
        if (text == null) {
            return List.of(new RuleProblem(name, 0, "missing: every policy number must be written here (see rules/README.md)"));
        }
        List<RuleProblem> out = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (String line : text.split("\\R")) {
            int eq = line.indexOf('=');
            if (!line.strip().startsWith("#") && eq > 0) {
                written.add(line.substring(0, eq).strip());
            }
        }
        for (String setting : PolicyFile.settingNames()) {
            if (!written.contains(setting)) {
                out.add(new RuleProblem(name, 0, "'" + setting + "' is not set; write it (" + setting + " = …) so the"
                        + " number the rules use is one the school chose"));
            }
        }
        return out;
    }

}
