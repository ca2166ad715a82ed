package io.rebalancer.store;

import io.rebalancer.domain.Execution;

import java.util.List;
import java.util.Optional;

/**
 * Paper executions, keyed by {@link Execution#id()} (one per decision, or per tranche of a GRADUAL one); each is
 * written whole or not at all.
 */
public interface LedgerStore {
    /** Stores an execution; false, writing nothing, when one with its id exists already. */
    boolean save(Execution execution);

    /** The decision's first (or only) execution. */
    Optional<Execution> find(String cycleId);

    /** Every execution of the decision, by tranche. */
    List<Execution> ofDecision(String cycleId);

    /** Every execution of the portfolio, by date (then by the order they were saved). */
    List<Execution> executions(String portfolioId);

    /** {@link #executions} of every portfolio in one read, by portfolio id. */
    java.util.Map<String, List<Execution>> executionsByPortfolio();
}
