package io.rebalancer.store;

import java.util.Optional;

/** Adaptive-threshold state, one per (portfolio, run); a null run id is the live state. */
public interface ThresholdStateStore {
    Optional<ThresholdState> load(String portfolioId, String runId);

    /** Inserts or replaces the state of (portfolioId, runId). */
    void save(ThresholdState state);
}
