package org.attendanceoutreach.audit;

import org.attendanceoutreach.catalog.Impact;
import org.attendanceoutreach.catalog.Practice;
import org.attendanceoutreach.catalog.Strategy;

import java.util.List;

/**
 * Where a school stands on one strategy.
 *
 * @param strategy the chart's strategy
 * @param current  the practices the school uses for it (empty: a gap)
 * @param impact   the highest impact among them, or null for a gap
 * @param moveTo   the higher-impact practice to adopt, or null when the school already uses one
 * @param advice   the reason, in plain words
 */
public record StrategyStanding(Strategy strategy, List<Practice> current, Impact impact, Practice moveTo, String advice) {
    public StrategyStanding {
        current = List.copyOf(current);
    }

    public boolean isGap() {
        return current.isEmpty();
    }
}
