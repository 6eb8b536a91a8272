package org.attendanceoutreach.internal.engine;

import org.attendanceoutreach.EvaluationStats;
import org.attendanceoutreach.facts.FactsCalculator;
import org.attendanceoutreach.facts.SchoolDays;
import org.attendanceoutreach.facts.StudentFacts;
import org.attendanceoutreach.internal.plan.PlanAssembler;
import org.attendanceoutreach.policy.Policy;
import org.attendanceoutreach.read.InvalidInputException;
import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.result.RuleFailure;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.rules.RuleLimits;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.Student;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs students through one reusable rule session, on one thread (not thread-safe; one per worker
 * task). The policy is inserted once; each student's facts are inserted, fired and deleted. A
 * session is thrown away whenever anything but the policy is left in it, or a run was stopped or
 * failed, so every student starts from what a new session holds.
 *
 * <p>Several students may be fired together ({@link #evaluate(School, SchoolDays, List, int[], StudentResult[])}):
 * sound because the sandbox admits only rules that match exactly one {@code StudentFacts} (and
 * {@code Policy}), with no other conditional element, no rule attribute that acts across matches
 * (activation groups, lock-on-active, timers), and consequences that can change only the matched
 * student and cannot insert or delete facts (a change of anything else stops the run); rules that
 * use agenda groups, whose focus is the session's, are run one student at a time ({@code RuleSet}
 * decides). If a group run fails or goes over budget in any way, or leaves anything but the policy
 * in the session, each of its students is run again alone, from a new session.
 *
 * <p>Every run is under {@link RuleLimits}: firings (counted by the agenda listener and passed to
 * {@code fireAllRules}), time (checked after each firing, and by the {@link Watchdog}, which halts
 * the session), and allocated bytes (checked after every few firings, where the JVM can measure
 * them). A student over budget, or whose rules throw (including {@code StackOverflowError} and
 * {@code OutOfMemoryError}), comes out as a {@link RuleFailure} naming the rule.
 */
public final class SessionRunner implements AutoCloseable {
    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private final KieBase kieBase;
    private final Policy policy;
    private final FactsCalculator calculator;
    private final PlanAssembler plan;
    private final RuleLimits limits;
    private final Watchdog watchdog;
    private final EvaluationStats stats;
    private KieSession session;
    private Run run;

    public SessionRunner(KieBase kieBase, Policy policy, FactsCalculator calculator, PlanAssembler plan, RuleLimits limits,
                         Watchdog watchdog, EvaluationStats stats) {
        this.kieBase = kieBase;
        this.policy = policy;
        this.calculator = calculator;
        this.plan = plan;
        this.limits = limits;
        this.watchdog = watchdog;
        this.stats = stats;
    }

    /** One run of the session: what fired for whom, and whether (and why, and in which rule) it was stopped. */
    private final class Run {
        final boolean grouped;
        final int maxFirings;
        final long deadline;
        final long allocationLimit;
        final long allocatedAtStart;
        final List<String> fired = new ArrayList<>();
        final Map<StudentFacts, List<String>> firedBy = new IdentityHashMap<>();
        final Evaluation evaluation = new Evaluation();
        /** Firings and changes of facts by rule name, for the message of a stopped run (counts in arrays: no boxing per firing). */
        final Map<String, int[]> byRule = new java.util.HashMap<>();
        final Map<String, int[]> updatesByRule = new java.util.HashMap<>();
        int firings;
        String current;
        String stopped;
        String blame;

        Run(int students, boolean grouped) {
            this.grouped = grouped;
            this.maxFirings = limits.firings() * students;
            // a group has one student's time: a group that takes longer is run again one student at a
            // time, each with the whole budget, so a slow rule is found in seconds, not minutes
            this.deadline = System.nanoTime() + limits.time().toNanos();
            this.allocationLimit = limits.allocatedBytes() == 0 || THREADS == null ? 0 : limits.allocatedBytes() * students;
            this.allocatedAtStart = allocationLimit == 0 ? 0 : THREADS.getCurrentThreadAllocatedBytes();
        }

        /**
         * Stops the run, blaming the rule that changed facts most often (the one that re-triggers
         * itself or others), else the one that fired most, else the one firing.
         */
        void stop(String why) {
            if (stopped == null) {
                stopped = why;
                blame = current;
                int most = 0;
                for (Map.Entry<String, int[]> e : (updatesByRule.isEmpty() ? byRule : updatesByRule).entrySet()) {
                    if (e.getValue()[0] > most) {
                        most = e.getValue()[0];
                        blame = e.getKey();
                    }
                }
                session.halt();
            }
        }

        void stopBlaming(String rule, String why) {
            if (stopped == null) {
                stopped = why;
                blame = rule;
                session.halt();
            }
        }
    }

    /**
     * The student a match is about (a batched rule matches one {@code StudentFacts}): read from the
     * match's tuple, without the copy of its objects that {@code getObjects()} makes at every firing.
     */
    private static StudentFacts studentOf(org.kie.api.runtime.rule.Match match) {
        if (match instanceof org.drools.core.rule.consequence.InternalMatch m) {
            for (org.drools.core.reteoo.TupleImpl t = m.getTuple(); t != null; t = t.getParent()) {
                if (t.getFactHandle() != null && t.getFactHandle().getObject() instanceof StudentFacts f) {
                    return f;
                }
            }
        }
        for (Object o : match.getObjects()) {
            if (o instanceof StudentFacts f) {
                return f;
            }
        }
        return null;
    }

    private KieSession session() {
        if (session == null) {
            session = kieBase.newKieSession();
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    run.current = event.getMatch().getRule().getName();
                }

                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    Run r = run;
                    String rule = event.getMatch().getRule().getName();
                    if (r.grouped) {
                        StudentFacts f = studentOf(event.getMatch());
                        if (f != null) {
                            r.firedBy.computeIfAbsent(f, k -> new ArrayList<>()).add(rule);
                        }
                    } else {
                        r.fired.add(rule);
                    }
                    r.firings++;
                    r.byRule.computeIfAbsent(rule, k -> new int[1])[0]++;
                    if (r.firings >= r.maxFirings) {
                        r.stop("the rules fired " + r.firings + " times without settling; a rule probably re-triggers"
                                + " itself (add a condition that its own change makes false)");
                    } else if (System.nanoTime() - r.deadline > 0) {
                        r.stop("the rules took longer than " + limits.time().toMillis() + " ms");
                    } else if (r.allocationLimit > 0 && (r.firings & 7) == 0
                            && THREADS.getCurrentThreadAllocatedBytes() - r.allocatedAtStart > r.allocationLimit) {
                        r.stop("the rules used more than " + (limits.allocatedBytes() >> 20) + " MB of memory");
                    }
                }
            });
            session.addEventListener(new org.kie.api.event.rule.DefaultRuleRuntimeEventListener() {
                @Override
                public void objectUpdated(org.kie.api.event.rule.ObjectUpdatedEvent event) {
                    if (event.getRule() != null) {
                        run.updatesByRule.computeIfAbsent(event.getRule().getName(), k -> new int[1])[0]++;
                    }
                    if (!(event.getObject() instanceof StudentFacts)) {
                        // the policy is shared by every student in the session: only a student may change
                        run.stopBlaming(event.getRule() == null ? run.current : event.getRule().getName(), "a rule changed something other than its student (" + event.getObject().getClass().getSimpleName()
                                + "); rules change only the tiers, with modify( $student ) { … }");
                    }
                }
            });
            session.insert(policy);
        }
        return session;
    }

    private void discardSession() {
        if (session != null) {
            KieSession s = session;
            session = null;
            try {
                s.dispose();
            } catch (RuntimeException e) {
                // a broken session: nothing more to do with it
            }
        }
    }

    /** Fires the session with {@code facts} in it; returns the failure of the run, or null. */
    private RuleFailure fire(Run r, StudentFacts... facts) {
        run = r;
        KieSession s = session();
        boolean clean = false;
        long watched = watchdog == null ? 0 : watchdog.watch(s, r.deadline);
        r.evaluation.begin();
        try {
            FactHandle[] handles = new FactHandle[facts.length];
            for (int i = 0; i < facts.length; i++) {
                if (facts[i] != null) {
                    handles[i] = s.insert(facts[i]);
                }
            }
            s.fireAllRules(r.maxFirings + 1);
            if (r.stopped == null && System.nanoTime() - r.deadline > 0) {
                // halted by the watchdog before any rule fired: the run is incomplete
                r.stopped = "the rules took longer than " + limits.time().toMillis() + " ms";
                r.blame = r.current;
            }
            if (r.stopped != null) {
                return new RuleFailure(r.blame, r.stopped);
            }
            if (Thread.interrupted()) {
                return new RuleFailure(r.current, "stopped: the rules did not finish in time");
            }
            for (FactHandle h : handles) {
                if (h != null) {
                    s.delete(h);
                }
            }
            // nothing but the policy may be left: anything else could be seen by the next student
            clean = s.getFactCount() == 1;
            return clean ? null : new RuleFailure(null, "the rules left facts behind in the session");
        } catch (ConsequenceException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new RuleFailure(e.getMatch().getRule().getName(), "failed: " + describe(cause));
        } catch (StackOverflowError e) {
            return new RuleFailure(r.current, "failed: ran out of stack (too deep)");
        } catch (OutOfMemoryError e) {
            return new RuleFailure(r.current, "failed: ran out of memory");
        } catch (RuntimeException | LinkageError | AssertionError e) {
            return new RuleFailure(r.current, "failed: " + describe(e));
        } catch (VirtualMachineError e) {
            return new RuleFailure(r.current, "failed: " + e.getClass().getSimpleName());
        } finally {
            Evaluation.end();
            if (watchdog != null) {
                watchdog.done(watched);
            }
            if (!clean) {
                discardSession();
            }
        }
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root && (root instanceof RuntimeException && root.getClass().getName().startsWith("org.drools"))) {
            root = root.getCause();
        }
        if (root instanceof StackOverflowError) {
            return "ran out of stack (too deep)";
        }
        if (root instanceof OutOfMemoryError) {
            return "ran out of memory";
        }
        // the message of our own fact API is meant for people; others may carry data, so only the type
        return root.getClass().getSimpleName() + (root instanceof IllegalArgumentException && root.getMessage() != null
                && root.getStackTrace().length > 0 && root.getStackTrace()[0].getClassName().startsWith("org.attendanceoutreach")
                ? ": " + root.getMessage() : "");
    }

    /** Evaluates one student alone. Never throws for bad input or failing rules. */
    public StudentResult evaluate(School school, SchoolDays days, Student student) {
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
        } catch (RuntimeException e) {
            return StudentResult.failed(student.studentId(), school.asOf(),
                    new InputProblem(null, student.studentId(), null, "could not be evaluated: " + e.getClass().getSimpleName()));
        }
        long computed = stats == null ? 0 : System.nanoTime();
        Run r = new Run(1, false);
        RuleFailure failure = fire(r, facts);
        StudentResult result = failure != null ? StudentResult.ruleFailed(student.studentId(), school.asOf(), failure)
                : settle(school, student, facts, r.evaluation, r.fired);
        if (stats != null) {
            stats.add(computed - start, System.nanoTime() - computed, result.isError());
        }
        return result;
    }

    /**
     * Evaluates a group of students, writing each result to {@code out[at[i]]}: fired together
     * when there are several; if that fails in any way, each of them again alone, from scratch,
     * so every student gets exactly what evaluating it alone gives.
     */
    public void evaluate(School school, SchoolDays days, List<Student> group, int[] at, StudentResult[] out) {
        if (group.size() == 1) {
            out[at[0]] = evaluate(school, days, group.get(0));
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
                out[at[i]] = StudentResult.failed(student.studentId(), school.asOf(),
                        new InputProblem(null, student.studentId(), null, "could not be evaluated: " + e.getClass().getSimpleName()));
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
        Run r = new Run(ok, true);
        boolean together = fire(r, facts) == null;
        long rulesNanos = (System.nanoTime() - start) / ok;
        for (int i = 0; i < group.size(); i++) {
            if (facts[i] == null) {
                continue;
            }
            Student student = group.get(i);
            if (!together) {
                out[at[i]] = evaluate(school, days, student);
                continue;
            }
            long t = System.nanoTime();
            StudentResult result = settle(school, student, facts[i], r.evaluation, r.firedBy.getOrDefault(facts[i], List.of()));
            out[at[i]] = result;
            if (stats != null) {
                stats.add(factsNanos[i], rulesNanos + System.nanoTime() - t, result.isError());
            }
        }
    }

    /** After the rules: the checks every evaluation ends with, then the result. */
    private StudentResult settle(School school, Student student, StudentFacts facts, Evaluation evaluation, List<String> fired) {
        if (facts.getAttendanceTier() == null) {
            return StudentResult.ruleFailed(student.studentId(), school.asOf(), new RuleFailure(null,
                    "no rule set the attendance tier; check the attendance tier rules (attendance-tier.drl)"));
        }
        try {
            return plan.assemble(school, facts, evaluation.proposalsFor(facts), fired);
        } catch (IllegalArgumentException e) {
            return StudentResult.ruleFailed(student.studentId(), school.asOf(), new RuleFailure(null, e.getMessage()));
        }
    }

    @Override
    public void close() {
        discardSession();
    }

    private static com.sun.management.ThreadMXBean threads() {
        try {
            if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                    && t.isThreadAllocatedMemorySupported()) {
                if (!t.isThreadAllocatedMemoryEnabled()) {
                    t.setThreadAllocatedMemoryEnabled(true);
                }
                return t;
            }
        } catch (RuntimeException | LinkageError e) {
            // not measurable here: allocation is then not budgeted
        }
        return null;
    }
}
