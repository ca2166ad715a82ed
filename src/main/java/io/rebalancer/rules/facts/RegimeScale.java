package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Conclusion (monitor): how the regime scales the base thresholds. */
public record RegimeScale(Regime regime, double driftMultiplier, double varMultiplier, double turnoverMultiplier, String rule) {
}
