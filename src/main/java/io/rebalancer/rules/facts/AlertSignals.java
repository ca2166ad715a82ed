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
    /** No failure: the signals of a cycle or of stale prices alone. */
    public static final String NONE = "NONE";
    /** A paper execution failed. */
    public static final String EXECUTION = "EXECUTION";
    /** A fetch or cycle of the watch loop failed. */
    public static final String BATCH = "BATCH";
    /** The failure kinds an alert row can name (its Failure column): the table's drop-down and its lint. */
    public static final java.util.List<String> FAILURES = java.util.List.of(EXECUTION, BATCH);

    public boolean regimeChanged() {
        return regime != null && previousRegime != null && regime != previousRegime;
    }
}
