package org.attendanceoutreach.audit;

import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.catalog.Impact;
import org.attendanceoutreach.catalog.Practice;
import org.attendanceoutreach.catalog.Strategy;
import org.attendanceoutreach.read.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/** Compares the practices a school lists with the chart, strategy by strategy. */
public final class PracticeAudit {
    private final Catalog catalog;

    public PracticeAudit(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Audits a school's practices (catalog ids).
     *
     * @throws InvalidInputException naming {@code practices[i]} for an id the catalog does not have
     */
    public List<StrategyStanding> audit(List<String> practiceIds) {
        List<Practice> used = new ArrayList<>();
        for (int i = 0; i < practiceIds.size(); i++) {
            String id = practiceIds.get(i);
            int at = i;
            Practice p = catalog.find(id).orElseThrow(() -> new InvalidInputException("practices[" + at + "]",
                    "'" + id + "' is not a practice in the catalog; see rules/catalog.json for the ids"));
            if (!used.contains(p)) {
                used.add(p);
            }
        }
        List<StrategyStanding> out = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            List<Practice> current = used.stream().filter(p -> p.strategy() == s).toList();
            Practice best = catalog.higherImpact(s).orElseThrow(() -> new IllegalStateException(
                    "the catalog has no higher-impact practice for " + s));
            Impact impact = current.stream().map(Practice::impact).min(Impact::compareTo).orElse(null);
            if (current.isEmpty()) {
                out.add(new StrategyStanding(s, current, null, best, "a gap: nothing for " + s.inWords()
                        + " yet. Start with " + best.id() + ": " + best.description()));
            } else if (impact == Impact.HIGH) {
                out.add(new StrategyStanding(s, current, impact, null, "already a higher-impact practice; keep it up"
                        + (current.stream().anyMatch(p -> p.impact() != Impact.HIGH)
                        ? " and let the lower-impact ones go (" + ids(current.stream().filter(p -> p.impact() != Impact.HIGH).toList()) + ")" : "")));
            } else {
                Practice weakest = current.stream().filter(p -> p.impact() == impact).findFirst().orElseThrow();
                out.add(new StrategyStanding(s, current, impact, best, ids(current) + " is " + impact.name().toLowerCase()
                        + "-impact: " + weakest.description() + " Move to " + best.id() + ": " + best.description()));
            }
        }
        return out;
    }

    private static String ids(List<Practice> ps) {
        return String.join(", ", ps.stream().map(Practice::id).toList());
    }
}
