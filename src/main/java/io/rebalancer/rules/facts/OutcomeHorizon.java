package io.rebalancer.rules.facts;

/**
 * Conclusion (decide, learning.drl.xlsx): how many trading days after a decision its outcome is measured. Learning
 * counts only decisions whose horizons do not overlap, so each outcome is a separate observation.
 */
public record OutcomeHorizon(int tradingDays, String rule) {
    public OutcomeHorizon {
        if (tradingDays < 2) {
            throw new IllegalArgumentException("outcome horizon must be at least 2 trading days, was " + tradingDays
                    + " (rule " + rule + ")");
        }
    }
}
