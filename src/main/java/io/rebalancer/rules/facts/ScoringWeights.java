package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Conclusion (analyze): weights of each score component for the regime, and the cost that scores zero (fraction of NAV). */
public record ScoringWeights(Regime regime, double drift, double cost, double risk, double fit, double costBudget, String rule) {
}
