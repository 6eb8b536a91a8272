package org.attendanceoutreach.rules;

import org.attendanceoutreach.EvaluationStats;
import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.facts.FactsCalculator;
import org.attendanceoutreach.facts.SchoolDays;
import org.attendanceoutreach.facts.StudentFacts;
import org.attendanceoutreach.internal.engine.SessionRunner;
import org.attendanceoutreach.internal.engine.Watchdog;
import org.attendanceoutreach.internal.plan.PlanAssembler;
import org.attendanceoutreach.policy.Policy;
import org.attendanceoutreach.read.StudentInput;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.Student;
import org.kie.api.KieBase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A compiled, checked, immutable rule folder: the knowledge base, the catalog and the policy.
 * Shared by every thread; each evaluation (of one student, or of a list of students one after
 * another) gets its own rule session, disposed before it returns. Made by {@link RuleCompiler}.
 */
public final class RuleSet {
    /**
     * Students fired together in one session (see {@link SessionRunner}): Drools' fixed cost per run
     * is then shared. A whole chunk of {@code OutreachEngine.evaluateAll} (256) fires at once: 20%
     * less rule time than 32 at a time, 35% less than 8 (docs/performance.md).
     */
    private static final int BATCH = 256;
    /** 256, or 1 for rules that use agenda groups (the focus is the session's, so students fired together could meet there). */
    private final int batch;

    private final RuleSource source;
    private final KieBase kieBase;
    private final Catalog catalog;
    private final Policy policy;
    private final List<String> ruleNames;
    private final Map<String, String> ruleFiles;
    private final FactsCalculator calculator;
    private final PlanAssembler plan;
    private final RuleLimits limits;
    private final Map<String, String> letterFiles;

    RuleSet(RuleSource source, KieBase kieBase, Catalog catalog, Policy policy, List<String> ruleNames,
            Map<String, String> ruleFiles, RuleLimits limits, boolean batchable, Map<String, String> letterFiles) {
        this.letterFiles = Map.copyOf(letterFiles);
        this.batch = batchable ? BATCH : 1;
        this.source = source;
        this.kieBase = kieBase;
        this.catalog = catalog;
        this.policy = policy;
        this.ruleNames = List.copyOf(ruleNames);
        this.ruleFiles = Map.copyOf(ruleFiles);
        this.calculator = new FactsCalculator(policy, catalog);
        this.plan = new PlanAssembler(catalog, policy);
        this.limits = limits;
    }

    public RuleSource source() { return source; }

    public Catalog catalog() { return catalog; }

    public Policy policy() { return policy; }

    /** How many students one rule session fires together in {@link #evaluateAll}; each still gets what evaluating it alone gives. */
    public int batchSize() { return batch; }

    /**
     * The files of the rules folder's {@code letters/} as they were when these rules were loaded
     * (templates and the forbidden words), named {@code letters/letter.en.mustache}: what
     * {@code letters.Letters} writes with, so letters always match the rules that made the plan.
     */
    public Map<String, String> letterFiles() { return letterFiles; }

    /** Every rule's name, sorted. */
    public List<String> ruleNames() { return ruleNames; }

    /** The file a rule is written in. */
    public String fileOf(String ruleName) { return ruleFiles.get(ruleName); }

    /** Computes the facts only (no rules): for explaining and testing. */
    public StudentFacts facts(School school, SchoolDays days, Student student) {
        return calculator.compute(school, days, student);
    }

    /** Evaluates one student. Never throws for bad input or a failing rule: the result then carries the error. */
    public StudentResult evaluate(School school, SchoolDays days, Student student) {
        try (SessionRunner runner = runner(null, null)) {
            return runner.evaluate(school, days, student);
        }
    }

    /**
     * Evaluates students one after another in one rule session, each exactly as
     * {@link #evaluate(School, SchoolDays, Student)} would. Entries that could not be read come out
     * as their error. Results are in input order. Never throws for bad input.
     *
     * @param stats where to add the time spent computing facts and running rules (may be null)
     */
    public List<StudentResult> evaluateAll(School school, SchoolDays days, List<StudentInput> students, EvaluationStats stats) {
        return evaluateAll(school, days, students, stats, null);
    }

    /** As {@link #evaluateAll(School, SchoolDays, List, EvaluationStats)}, watched by an engine's watchdog (may be null). */
    public List<StudentResult> evaluateAll(School school, SchoolDays days, List<StudentInput> students, EvaluationStats stats,
                                           Watchdog watchdog) {
        StudentResult[] out = new StudentResult[students.size()];
        try (SessionRunner runner = runner(stats, watchdog)) {
            List<Student> group = new ArrayList<>(batch);
            int[] at = new int[batch];
            for (int i = 0; i < students.size(); i++) {
                StudentInput in = students.get(i);
                if (!in.ok()) {
                    out[i] = StudentResult.failed(in.key(), school.asOf(), in.error());
                    if (stats != null) {
                        stats.add(0, 0, true);
                    }
                    continue;
                }
                at[group.size()] = i;
                group.add(in.student());
                if (group.size() == batch) {
                    runner.evaluate(school, days, group, at, out);
                    group.clear();
                }
            }
            if (!group.isEmpty()) {
                runner.evaluate(school, days, group, at, out);
            }
        }
        return Arrays.asList(out);
    }

    /** The same rules with other budgets. */
    RuleSet withLimits(RuleLimits other) {
        return new RuleSet(source, kieBase, catalog, policy, ruleNames, ruleFiles, other, batch > 1, letterFiles);
    }

    RuleLimits limits() {
        return limits;
    }

    private SessionRunner runner(EvaluationStats stats, Watchdog watchdog) {
        return new SessionRunner(kieBase, policy, calculator, plan, limits, watchdog, stats);
    }
}
