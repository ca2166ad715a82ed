package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Input: one position's weight against its target (fractions of NAV); drift = weight - target. */
public record PositionDrift(String ticker, String sector, double weight, double target, double drift, double absDrift) {
}
