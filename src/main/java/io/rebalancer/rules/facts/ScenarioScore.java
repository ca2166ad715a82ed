package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/**
 * Conclusion (analyze): a scenario's cost-benefit, bp of NAV a year: benefit (tracking-error variance removed,
 * valued at the regime's risk aversion), cost (trading cost amortised over the holding horizon), net = benefit - cost.
 */
public record ScenarioScore(ScenarioType type, double benefitBp, double costBp, double netBp, String rule) {
    /** The number the recommendation ranks by. */
    public double score() {
        return netBp;
    }
}
