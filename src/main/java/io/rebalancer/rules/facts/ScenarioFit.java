package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Conclusion (analyze): how well a scenario suits the regime, 0-10. */
public record ScenarioFit(Regime regime, ScenarioType type, double fit, String rule) {
}
