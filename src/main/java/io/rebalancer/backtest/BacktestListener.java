package io.rebalancer.backtest;

import java.time.LocalDate;

/**
 * Hooks into a running backtest: progress for a console, and the finished result for writers (the CLI calls the
 * HTML report through one of these). All methods run on the backtest's thread; defaults do nothing.
 */
public interface BacktestListener {
    /** Prices and market data are loaded and validated (the report needs {@code context.history()}). */
    default void prepared(BacktestContext context) {
    }

    /** The run is about to step through {@code days} trading days. */
    default void started(String runId, LocalDate from, LocalDate to, int days) {
    }

    /** The agent finished day {@code index} (0-based) of {@code days}; {@code nav} is its NAV at that close. */
    default void day(int index, int days, LocalDate date, double nav) {
    }

    /** Everything is computed and stored. */
    default void finished(BacktestResult result) {
    }
}
