package io.rebalancer.service;

import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.rules.facts.OutcomeStats;

import java.time.LocalDate;
import java.util.List;

/**
 * How the portfolio's earlier live decisions turned out, as the facts the learning rules read: only decisions
 * whose horizon ended by {@code asOf} count, and {@code fresh} counts those that ended after
 * {@code previousAsOf} (the previous cycle's day; null: all are new).
 */
@FunctionalInterface
public interface OutcomeSource {
    OutcomeSource NONE = (def, asOf, previousAsOf) -> List.of();

    List<OutcomeStats> outcomes(PortfolioDefinition def, LocalDate asOf, LocalDate previousAsOf);
}
