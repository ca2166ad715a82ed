package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/**
 * Input (alert): what an operator may need to hear about one portfolio on one day. {@code verdict}, {@code regime},
 * {@code previousRegime}, {@code var95} and the VaR thresholds in force come from the day's cycle (null and NaN
 * when no cycle ran); {@code staleSessions} is how many closed exchange sessions the stored prices are behind;
 * {@code failure} is NONE, EXECUTION (a paper execution failed) or BATCH (a fetch or cycle of the watch loop failed),
 * with {@code failureMessage}.
 */
public record AlertSignals(String portfolioId, java.time.LocalDate day, Verdict verdict, Regime regime,
                           Regime previousRegime, double var95, double varWarning, double varCritical,
                           java.time.LocalDate latestPriceDay, int staleSessions, String failure,
                           String failureMessage, String triggers) {
    public boolean regimeChanged() {
        return regime != null && previousRegime != null && regime != previousRegime;
    }
}
