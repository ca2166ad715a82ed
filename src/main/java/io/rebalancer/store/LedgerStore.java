package io.rebalancer.store;

import io.rebalancer.domain.Execution;

import java.util.List;
import java.util.Optional;

/** Paper executions, one per executed decision (keyed by its cycle id); each is written whole or not at all. */
public interface LedgerStore {
    /** Stores an execution; false, writing nothing, when the decision was executed already. */
    boolean save(Execution execution);

    Optional<Execution> find(String cycleId);

    /** Every execution of the portfolio, by date (then by the order they were saved). */
    List<Execution> executions(String portfolioId);
}
