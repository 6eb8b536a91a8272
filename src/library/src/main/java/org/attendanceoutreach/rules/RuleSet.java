package org.attendanceoutreach.rules;

import org.attendanceoutreach.result.AttendanceTier;
import org.attendanceoutreach.EvaluationStats;
import org.attendanceoutreach.result.Recommendation;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.catalog.Impact;
import org.attendanceoutreach.catalog.Owner;
import org.attendanceoutreach.catalog.Practice;
import org.attendanceoutreach.catalog.Strategy;
import org.attendanceoutreach.facts.FactsCalculator;
import org.attendanceoutreach.internal.plan.PlanAssembler;
import org.attendanceoutreach.facts.Proposal;
import org.attendanceoutreach.facts.SchoolDays;
import org.attendanceoutreach.facts.StudentFacts;
import org.attendanceoutreach.policy.Policy;
import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.read.InvalidInputException;
import org.attendanceoutreach.read.StudentInput;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.Student;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.ConsequenceException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A compiled, immutable rule folder: the knowledge base, the catalog and the policy. Shared by
 * every thread; each evaluation (of one student, or of a list of students one after another) gets
 * its own session, disposed before it returns.
 */
public final class RuleSet {
    /** More firings than this for one student means rules that re-trigger each other. */
    private static final int MAX_FIRINGS = 10_000;

    private final RuleSource source;
    private final KieBase kieBase;
    private final Catalog catalog;
    private final Policy policy;
    private final List<String> ruleNames;
    private final Map<String, String> ruleFiles;
    private final FactsCalculator calculator;
    private final PlanAssembler plan;

    RuleSet(RuleSource source, KieBase kieBase, Catalog catalog, Policy policy, List<String> ruleNames,
            Map<String, String> ruleFiles) {
        this.source = source;
        this.kieBase = kieBase;
        this.catalog = catalog;
        this.policy = policy;
        this.ruleNames = List.copyOf(ruleNames);
        this.ruleFiles = Map.copyOf(ruleFiles);
        this.calculator = new FactsCalculator(policy);
        this.plan = new PlanAssembler(catalog, policy);
        this.batch = studentsAreIsolated(kieBase) ? BATCH : 1;
    }

    /**
     * Students fired together in one session when every rule sees one student alone (see
     * {@link #studentsAreIsolated}): Drools' fixed cost per {@code fireAllRules} is then shared.
     */
    private static final int BATCH = 32;

    /** How many students are fired together: {@link #BATCH}, or 1 when a rule could see two students. */
    private final int batch;

    /**
     * True when no rule can tell whether other students are in the session: every rule matches
     * exactly one {@code StudentFacts}, as a plain top-level pattern (not under not, exists, or,
     * accumulate, collect or from), besides optional plain {@code Policy} patterns, and uses no
     * session-wide feature (agenda, activation or ruleflow groups, lock-on-active, timers,
     * calendars). Then firing several students in one session gives each exactly what firing it
     * alone gives. Otherwise each student is fired alone.
     */
    static boolean studentsAreIsolated(KieBase kieBase) {
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (org.kie.api.definition.rule.Rule r : pkg.getRules()) {
                if (!(r instanceof RuleImpl rule) || rule.isQuery() || !rule.isMainAgendaGroup()
                        || notBlank(rule.getActivationGroup()) || notBlank(rule.getRuleFlowGroup())
                        || rule.isLockOnActive() || rule.getTimer() != null
                        || (rule.getCalendars() != null && rule.getCalendars().length > 0)) {
                    return false;
                }
                GroupElement lhs = rule.getLhs();
                if (lhs == null || !lhs.isAnd()) {
                    return false;
                }
                int students = 0;
                for (RuleConditionElement e : lhs.getChildren()) {
                    if (!(e instanceof Pattern pattern) || pattern.getSource() != null
                            || !(pattern.getObjectType() instanceof ClassObjectType type)) {
                        return false;
                    }
                    if (type.getClassType() == StudentFacts.class) {
                        students++;
                    } else if (type.getClassType() != Policy.class) {
                        return false;
                    }
                }
                if (students != 1) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    public RuleSource source() { return source; }

    public Catalog catalog() { return catalog; }

    public Policy policy() { return policy; }

    /**
     * How many students one rule session fires together in {@link #evaluateAll}: 32 when every rule
     * sees one student alone, else 1. Either way each student's result is what evaluating it alone gives.
     */
    public int batchSize() { return batch; }

    /** Every rule's name, sorted. */
    public List<String> ruleNames() { return ruleNames; }

    /** The file a rule is written in. */
    public String fileOf(String ruleName) { return ruleFiles.get(ruleName); }

    /** Computes the facts only (no rules): for explaining and testing. */
    public StudentFacts facts(School school, SchoolDays days, Student student) {
        return calculator.compute(school, days, student);
    }

    /**
     * Evaluates one student. Never throws for bad input or a failing rule: the result then carries
     * the error.
     */
    public StudentResult evaluate(School school, SchoolDays days, Student student) {
        try (Evaluator evaluator = new Evaluator(null)) {
            return evaluator.evaluate(school, days, student);
        }
    }

    /**
     * Evaluates students one after another in one rule session, each exactly as
     * {@link #evaluate(School, SchoolDays, Student)} would: the session holds one student's facts at
     * a time and is replaced whenever a student leaves anything behind in it. Entries that could not
     * be read come out as their error. Results are in input order. Never throws for bad input.
     *
     * @param stats where to add the time spent computing facts and running rules (may be null)
     */
    public List<StudentResult> evaluateAll(School school, SchoolDays days, List<StudentInput> students, EvaluationStats stats) {
        StudentResult[] out = new StudentResult[students.size()];
        try (Evaluator evaluator = new Evaluator(stats)) {
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
                    evaluator.evaluate(school, days, group, at, out);
                    group.clear();
                }
            }
            if (!group.isEmpty()) {
                evaluator.evaluate(school, days, group, at, out);
            }
        }
        return java.util.Arrays.asList(out);
    }

    /**
     * Runs students through one reusable session: the policy is inserted once, each student's facts
     * are inserted, fired and deleted. A session that is left with anything but the policy in it
     * (a rule that inserts facts, a rule that failed, too many firings) is thrown away, so every
     * student starts from the state a new session has.
     */
    private final class Evaluator implements AutoCloseable {
        private final EvaluationStats stats;
        private KieSession session;
        /** Rules fired, for the one student being fired alone ... */
        private List<String> fired;
        /** ... or by student, when several are fired together. */
        private Map<StudentFacts, List<String>> firedBy;

        Evaluator(EvaluationStats stats) {
            this.stats = stats;
        }

        private KieSession session() {
            if (session == null) {
                session = kieBase.newKieSession();
                session.addEventListener(new DefaultAgendaEventListener() {
                    @Override
                    public void afterMatchFired(AfterMatchFiredEvent event) {
                        String rule = event.getMatch().getRule().getName();
                        if (firedBy == null) {
                            fired.add(rule);
                            return;
                        }
                        for (Object o : event.getMatch().getObjects()) {
                            if (o instanceof StudentFacts f) {
                                firedBy.get(f).add(rule);
                                return;
                            }
                        }
                    }
                });
                session.insert(policy);
            }
            return session;
        }

        void discardSession() {
            if (session != null) {
                KieSession s = session;
                session = null;
                s.dispose();
            }
        }

        StudentResult evaluate(School school, SchoolDays days, Student student) {
            long start = stats == null ? 0 : System.nanoTime();
            StudentFacts facts;
            try {
                facts = calculator.compute(school, days, student);
            } catch (InvalidInputException e) {
                if (stats != null) {
                    stats.add(System.nanoTime() - start, 0, true);
                }
                return StudentResult.failed(student.studentId(), school.asOf(),
                        new InputProblem(null, student.studentId(), e.field(), e.getMessage()));
            }
            long computed = stats == null ? 0 : System.nanoTime();
            StudentResult result = fire(school, student, facts);
            if (stats != null) {
                stats.add(computed - start, System.nanoTime() - computed, result.isError());
            }
            return result;
        }

        /**
         * Evaluates a group of students, writing each result to {@code out[at[i]]}: fired together
         * when there are several (see {@link #studentsAreIsolated}); if that fails in any way
         * (a rule throws, too many firings), each of them is evaluated again alone, from scratch,
         * so every student gets exactly what evaluating it alone gives.
         */
        void evaluate(School school, SchoolDays days, List<Student> group, int[] at, StudentResult[] out) {
            if (group.size() == 1) {
                out[at[0]] = evaluateSafely(school, days, group.get(0));
                return;
            }
            StudentFacts[] facts = new StudentFacts[group.size()];
            long[] factsNanos = new long[group.size()];
            int ok = 0;
            for (int i = 0; i < group.size(); i++) {
                Student student = group.get(i);
                long start = System.nanoTime();
                try {
                    facts[i] = calculator.compute(school, days, student);
                    ok++;
                } catch (InvalidInputException e) {
                    out[at[i]] = StudentResult.failed(student.studentId(), school.asOf(),
                            new InputProblem(null, student.studentId(), e.field(), e.getMessage()));
                } catch (RuntimeException e) {
                    out[at[i]] = ruleFailure(student, school, "could not be evaluated: " + e.getClass().getSimpleName());
                }
                factsNanos[i] = System.nanoTime() - start;
                if (out[at[i]] != null && stats != null) {
                    stats.add(factsNanos[i], 0, true);
                }
            }
            if (ok == 0) {
                return;
            }
            long start = System.nanoTime();
            boolean together = fireTogether(facts, ok);
            long rulesNanos = (System.nanoTime() - start) / ok;
            for (int i = 0; i < group.size(); i++) {
                if (facts[i] == null) {
                    continue;
                }
                Student student = group.get(i);
                if (!together) {
                    out[at[i]] = evaluateSafely(school, days, student);
                    continue;
                }
                long t = System.nanoTime();
                StudentResult r;
                try {
                    r = settle(school, student, facts[i], firedBy.get(facts[i]));
                } catch (RuntimeException e) {
                    r = ruleFailure(student, school, "could not be evaluated: " + e.getClass().getSimpleName());
                }
                out[at[i]] = r;
                if (stats != null) {
                    stats.add(factsNanos[i], rulesNanos + System.nanoTime() - t, r.isError());
                }
            }
            firedBy = null;
        }

        /** Fires the students' facts together; false (session discarded) when anything went wrong. */
        private boolean fireTogether(StudentFacts[] facts, int count) {
            firedBy = new IdentityHashMap<>(count * 2);
            KieSession s = session();
            boolean clean = false;
            try {
                FactHandle[] handles = new FactHandle[facts.length];
                for (int i = 0; i < facts.length; i++) {
                    if (facts[i] != null) {
                        firedBy.put(facts[i], new ArrayList<>());
                        handles[i] = s.insert(facts[i]);
                    }
                }
                int limit = MAX_FIRINGS * count;
                if (s.fireAllRules(limit) >= limit) {
                    return false;
                }
                for (FactHandle h : handles) {
                    if (h != null) {
                        s.delete(h);
                    }
                }
                clean = s.getFactCount() == 1;
                return true;
            } catch (RuntimeException e) {
                return false;
            } finally {
                if (!clean) {
                    discardSession();
                }
            }
        }

        private StudentResult evaluateSafely(School school, SchoolDays days, Student student) {
            firedBy = null;
            try {
                return evaluate(school, days, student);
            } catch (RuntimeException e) {
                discardSession();
                return ruleFailure(student, school, "could not be evaluated: " + e.getClass().getSimpleName());
            }
        }

        /** After the rules: the checks every evaluation ends with, then the result. */
        private StudentResult settle(School school, Student student, StudentFacts facts, List<String> firedRules) {
            if (facts.getAttendanceTier() == null) {
                return ruleFailure(student, school, "no rule set the attendance tier; check the attendance tier rules");
            }
            try {
                return plan.assemble(school, facts, facts.proposals(), firedRules);
            } catch (IllegalArgumentException e) {
                return ruleFailure(student, school, e.getMessage());
            }
        }

        private StudentResult fire(School school, Student student, StudentFacts facts) {
            fired = new ArrayList<>();
            KieSession s = session();
            boolean clean = false;
            try {
                FactHandle handle = s.insert(facts);
                int n = s.fireAllRules(MAX_FIRINGS);
                if (n >= MAX_FIRINGS) {
                    return ruleFailure(student, school, "the rules fired " + n
                            + " times without settling; a rule probably re-triggers itself (add a condition that its own change makes false)");
                }
                s.delete(handle);
                clean = s.getFactCount() == 1;
            } catch (ConsequenceException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                return ruleFailure(student, school, "rule '" + e.getMatch().getRule().getName() + "' failed: "
                        + cause.getClass().getSimpleName() + (cause instanceof IllegalArgumentException ? ": " + cause.getMessage() : ""));
            } catch (RuntimeException e) {
                return ruleFailure(student, school, "the rules failed: " + e.getClass().getSimpleName());
            } finally {
                if (!clean) {
                    discardSession();
                }
            }
            return settle(school, student, facts, fired);
        }

        @Override
        public void close() {
            discardSession();
        }
    }

    private static StudentResult ruleFailure(Student student, School school, String message) {
        return StudentResult.failed(student.studentId(), school.asOf(),
                new InputProblem(null, student.studentId(), "(rules)", message));
    }

}
