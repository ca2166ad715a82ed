package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Conclusion (decide): the priority of one trade of the chosen scenario. */
public record TradePriority(String ticker, Priority priority, String rationale, String rule) {
}
