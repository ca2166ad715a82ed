package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/**
 * Input (decide): how past decisions of one scenario in one regime turned out: count, mean regret and mean
 * cost-adjusted active return over the horizon (fractions), share with non-positive regret, and how many of
 * them matured since the previous cycle ({@code fresh}), so that learning rules act on new evidence only.
 */
public record OutcomeStats(Regime regime, ScenarioType type, int count, double meanRegret, double meanOutcome,
                           double hitRate, int fresh) {

    /** Statistics whose decisions are all new evidence. */
    public OutcomeStats(Regime regime, ScenarioType type, int count, double meanRegret, double meanOutcome,
                        double hitRate) {
        this(regime, type, count, meanRegret, meanOutcome, hitRate, count);
    }
}
