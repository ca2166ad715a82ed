package io.rebalancer.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The record of every cycle's decision. Decisions are JSON objects given and returned as text; the store
 * keeps them as structured documents.
 */
public interface DecisionLog {
    /** Minimum length of a cycle-id prefix accepted by {@link #find(String)}. */
    int MIN_PREFIX = 6;

    /**
     * Stores the decision unless one with this cycle id exists.
     *
     * @param runId backtest run id, or {@code null} for a live cycle
     * @return false (and nothing written) if the cycle id is already stored
     */
    boolean save(String cycleId, String portfolioId, LocalDate asOf, String runId, String json);

    /** By exact cycle id, or by a prefix of at least {@value #MIN_PREFIX} characters that matches exactly one. */
    Optional<String> find(String cycleIdOrPrefix);

    /**
     * Newest first (by as-of date, then insertion).
     *
     * @param portfolioId {@code null} for all portfolios
     * @param runId {@code null} for live decisions only
     */
    List<String> recent(String portfolioId, String runId, int limit);

    /** The live decisions of a portfolio with as-of in [from, to], oldest first (then by insertion). */
    List<String> liveBetween(String portfolioId, LocalDate from, LocalDate to);

    /** All decisions of a backtest run, oldest first. */
    List<String> byRun(String runId);

    /** Where a live decision is: its cycle id, portfolio and day. */
    record LiveRef(String cycleId, String portfolioId, LocalDate asOf) {
    }

    /** One decision to save in bulk, as the arguments of {@link #save}. */
    record Entry(String cycleId, String portfolioId, LocalDate asOf, String runId, String json) {
    }

    /** Every live decision's cycle id, portfolio and day, in one read of the small index entries. */
    List<LiveRef> liveRefs();

    /** {@link #save} for many decisions in two bulk writes; returns how many were new (the rest are kept as stored). */
    int saveAll(List<Entry> entries);
}
