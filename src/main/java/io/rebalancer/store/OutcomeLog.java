package io.rebalancer.store;

import java.util.List;

/** Scored live decisions, one per cycle id (collection {@code outcomes}). */
public interface OutcomeLog {
    /** Inserts or replaces each by cycle id. */
    void save(List<ScoredDecision> scored);

    /** Every scored decision of the portfolio, oldest decision first. */
    List<ScoredDecision> of(String portfolioId);

    /** {@link #of} of every portfolio in one read, by portfolio id. */
    java.util.Map<String, List<ScoredDecision>> byPortfolio();
}
