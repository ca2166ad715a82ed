package io.rebalancer.service;

import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.rules.facts.OutcomeStats;

import java.time.LocalDate;
import java.util.List;

/**
 * How the portfolio's earlier live decisions turned out, as the facts the learning rules read: only decisions
 * whose horizon ended by {@code asOf} count, and {@code fresh} counts those that ended after
 * {@code previousAsOf} (the previous cycle's day; null: all are new). {@code history} is the cycle's own price
 * history up to {@code asOf} (from before the portfolio's inception), which covers every live decision.
 */
@FunctionalInterface
public interface OutcomeSource {
    OutcomeSource NONE = (def, history, asOf, previousAsOf) -> List.of();

    List<OutcomeStats> outcomes(PortfolioDefinition def, PriceHistory history, LocalDate asOf, LocalDate previousAsOf);
}
