package io.rebalancer.store;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Adaptive-threshold state, one per (portfolio, run); a null run id is the live state. Live states are also kept
 * per day, so that a live cycle on an earlier day starts from what was known on that day.
 */
public interface ThresholdStateStore {
    /** The state of (portfolioId, runId); for the live state, the one left by the latest-dated live cycle. */
    Optional<ThresholdState> load(String portfolioId, String runId);

    /**
     * The live state left by the latest live cycle dated strictly before {@code day} (of several cycles on that
     * day, the one saved last); empty when no live cycle before {@code day} is stored.
     */
    Optional<ThresholdState> liveBefore(String portfolioId, LocalDate day);

    /**
     * Inserts or replaces the state of (portfolioId, runId). A live state is recorded for its day
     * ({@link ThresholdState#updatedAsOf()}) and becomes the one {@link #load} returns unless a later-dated live
     * state is stored already.
     */
    void save(ThresholdState state);

    /** {@link #liveBefore} of many portfolios, with as few reads as the store allows; absent ids have no state. */
    java.util.Map<String, ThresholdState> liveBeforeAll(java.util.Collection<String> portfolioIds, LocalDate day);

    /** {@link #save} of many live states in bulk writes. */
    void saveAll(java.util.List<ThresholdState> states);
}
