package org.attendanceoutreach.internal.plan;

import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.catalog.Impact;
import org.attendanceoutreach.catalog.Owner;
import org.attendanceoutreach.catalog.Practice;
import org.attendanceoutreach.catalog.Strategy;
import org.attendanceoutreach.facts.Proposal;
import org.attendanceoutreach.facts.StudentFacts;
import org.attendanceoutreach.policy.Policy;
import org.attendanceoutreach.result.Recommendation;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.school.School;

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
 * Turns what the rules proposed for one student into the student's result. Stateless and
 * thread-safe; one per compiled rule set.
 */
public final class PlanAssembler {
    private final Catalog catalog;
    private final Policy policy;

    public PlanAssembler(Catalog catalog, Policy policy) {
        this.catalog = catalog;
        this.policy = policy;
    }

    /**
     * The student's result from the facts after the rules have run and the proposals the rules made:
     * proposals of one practice merged, the safeguards applied, the recommendations ordered.
     *
     * @throws IllegalArgumentException when a rule's proposal cannot be used (a practice not in the
     *                                  catalog, a recommendation without a reason)
     */
    public StudentResult assemble(School school, StudentFacts f, List<Proposal> proposals, List<String> fired) {
        // merge proposals of the same practice: union of reasons, earliest due, all rule names
        Map<String, List<Proposal>> byId = new TreeMap<>();
        for (Proposal p : proposals) {
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
        if (f.isWithdrawn()) {
            // the student has left: the tiers describe their time here, but nobody should reach out
            recs.clear();
            cautions.clear();
            cautions.add("withdrew on " + f.getWithdrawnOn() + ": no outreach is recommended; if the student moved,"
                    + " share what worked with the new school");
        }
        recs.sort(Recommendation.ORDER);
        double rate = BigDecimal.valueOf(f.getAbsenceRate()).setScale(4, RoundingMode.HALF_UP).doubleValue();
        return new StudentResult(f.getStudentId(), school.asOf(), f.getDaysEnrolled(), f.getDaysMissed(), rate,
                f.getAttendanceTier(), f.getSupportTier(), recs, new ArrayList<>(cautions), fired, null);
    }

}
