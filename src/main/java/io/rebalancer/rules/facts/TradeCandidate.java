package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Input (decide): one trade of a scenario, with the target and drift of its position (fractions). */
public record TradeCandidate(ScenarioType scenario, String ticker, Side side, double shares, double value, double target, double drift, double absDrift) {
}
