package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Input (decide): how past decisions of one scenario in one regime turned out: count, mean regret and mean cost-adjusted active return over the horizon (fractions), share with non-positive regret. */
public record OutcomeStats(Regime regime, ScenarioType type, int count, double meanRegret, double meanOutcome, double hitRate) {
}
