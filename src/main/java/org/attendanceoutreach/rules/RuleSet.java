package org.attendanceoutreach.rules;

import org.attendanceoutreach.AttendanceTier;
import org.attendanceoutreach.Recommendation;
import org.attendanceoutreach.StudentResult;
import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.catalog.Impact;
import org.attendanceoutreach.catalog.Owner;
import org.attendanceoutreach.catalog.Practice;
import org.attendanceoutreach.catalog.Strategy;
import org.attendanceoutreach.facts.FactsCalculator;
import org.attendanceoutreach.facts.Proposal;
import org.attendanceoutreach.facts.SchoolDays;
import org.attendanceoutreach.facts.StudentFacts;
import org.attendanceoutreach.policy.Policy;
import org.attendanceoutreach.read.InputProblem;
import org.attendanceoutreach.read.InvalidInputException;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.Student;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A compiled, immutable rule folder: the knowledge base, the catalog and the policy. Shared by
 * every thread; each evaluation gets its own session, disposed before it returns.
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

    RuleSet(RuleSource source, KieBase kieBase, Catalog catalog, Policy policy, List<String> ruleNames,
            Map<String, String> ruleFiles) {
        this.source = source;
        this.kieBase = kieBase;
        this.catalog = catalog;
        this.policy = policy;
        this.ruleNames = List.copyOf(ruleNames);
        this.ruleFiles = Map.copyOf(ruleFiles);
        this.calculator = new FactsCalculator(policy);
    }

    public RuleSource source() { return source; }

    public Catalog catalog() { return catalog; }

    public Policy policy() { return policy; }

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
        StudentFacts facts;
        try {
            facts = calculator.compute(school, days, student);
        } catch (InvalidInputException e) {
            return StudentResult.failed(student.studentId(), school.asOf(),
                    new InputProblem(null, student.studentId(), e.field(), e.getMessage()));
        }
        List<String> fired = new ArrayList<>();
        KieSession session = kieBase.newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            session.insert(policy);
            session.insert(facts);
            int n = session.fireAllRules(MAX_FIRINGS);
            if (n >= MAX_FIRINGS) {
                return ruleFailure(student, school, "the rules fired " + n
                        + " times without settling; a rule probably re-triggers itself (add a condition that its own change makes false)");
            }
        } catch (ConsequenceException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return ruleFailure(student, school, "rule '" + e.getMatch().getRule().getName() + "' failed: "
                    + cause.getClass().getSimpleName() + (cause instanceof IllegalArgumentException ? ": " + cause.getMessage() : ""));
        } catch (RuntimeException e) {
            return ruleFailure(student, school, "the rules failed: " + e.getClass().getSimpleName());
        } finally {
            session.dispose();
        }
        if (facts.getAttendanceTier() == null) {
            return ruleFailure(student, school, "no rule set the attendance tier; check the attendance tier rules");
        }
        try {
            return result(school, facts, fired);
        } catch (IllegalArgumentException e) {
            return ruleFailure(student, school, e.getMessage());
        }
    }

    private static StudentResult ruleFailure(Student student, School school, String message) {
        return StudentResult.failed(student.studentId(), school.asOf(),
                new InputProblem(null, student.studentId(), "(rules)", message));
    }

    private StudentResult result(School school, StudentFacts f, List<String> fired) {
        // merge proposals of the same practice: union of reasons, earliest due, all rule names
        Map<String, List<Proposal>> byId = new TreeMap<>();
        for (Proposal p : f.proposals()) {
            Practice practice = catalog.find(p.intervention()).orElseThrow(() -> new IllegalArgumentException(
                    "rule '" + p.rule() + "' recommends '" + p.intervention() + "', which is not in the catalog"));
            if (p.reasons().isEmpty()) {
                throw new IllegalArgumentException("rule '" + p.rule() + "' recommends '" + practice.id()
                        + "' without a reason; add .because(...) with the facts behind it");
            }
            byId.computeIfAbsent(p.intervention(), k -> new ArrayList<>()).add(p);
        }
        // a lower-impact practice is never recommended where its strategy's higher-impact one is
        Map<Strategy, Impact> best = new EnumMap<>(Strategy.class);
        for (String id : byId.keySet()) {
            Practice p = catalog.get(id);
            best.merge(p.strategy(), p.impact(), (a, b) -> a.isHigherThan(b) ? a : b);
        }
        List<Recommendation> recs = new ArrayList<>();
        Set<String> cautions = new TreeSet<>();
        for (Map.Entry<String, List<Proposal>> e : byId.entrySet()) {
            Practice practice = catalog.get(e.getKey());
            if (best.get(practice.strategy()).isHigherThan(practice.impact())) {
                continue;
            }
            List<Proposal> ps = new ArrayList<>(e.getValue());
            ps.sort((a, b) -> a.rule().compareTo(b.rule()));
            Owner owner = null;
            LocalDate due = null;
            Set<String> because = new LinkedHashSet<>();
            Set<String> rules = new LinkedHashSet<>();
            for (Proposal p : ps) {
                if (owner == null) {
                    owner = p.owner();
                }
                LocalDate d = p.due() == null ? f.getToday() : p.due();
                due = due == null || d.isBefore(due) ? d : due;
                because.addAll(p.reasons());
                rules.add(p.rule());
                cautions.addAll(p.cautions());
            }
            boolean family = practice.reachesFamily() && f.getContactRole() != null;
            recs.add(new Recommendation(practice.id(), practice.strategy(), practice.impact(),
                    owner == null ? practice.owner() : owner,
                    family ? f.getContactRole() : null,
                    practice.reachesFamily() ? f.getLanguage() : null,
                    practice.reachesFamily() ? f.isInterpreterNeeded() : null,
                    due, new ArrayList<>(because), String.join("; ", rules)));
        }
        recs.sort(Recommendation.ORDER);
        double rate = BigDecimal.valueOf(f.getAbsenceRate()).setScale(4, RoundingMode.HALF_UP).doubleValue();
        return new StudentResult(f.getStudentId(), school.asOf(), f.getDaysEnrolled(), f.getDaysMissed(), rate,
                f.getAttendanceTier(), f.getSupportTier(), recs, new ArrayList<>(cautions), fired, null);
    }

}
