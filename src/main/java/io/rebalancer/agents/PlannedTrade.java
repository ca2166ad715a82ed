package io.rebalancer.agents;

import io.rebalancer.domain.Priority;
import io.rebalancer.domain.Side;

/** One line of the execution plan: priority, trade, its modelled cost and the rationale from the rules. */
public record PlannedTrade(Priority priority, String ticker, Side side, double shares, double price, double value,
                           double cost, String rationale, String rule) {
}
