package io.rebalancer.backtest;

import io.rebalancer.backtest.BacktestResult.DecisionOutcome;

import java.time.LocalDate;
import java.util.function.Supplier;

/** Where a running backtest sends what it records (the store, in batches). */
interface BacktestSink {
    /**
     * The snapshot of one day: every strategy's NAV and trading, the agent's weights and thresholds, prices. The
     * JSON is built lazily (on the writer's thread) from values that no longer change.
     */
    void snapshot(LocalDate date, Supplier<String> json);

    /** A triggered agent decision, scored or (when the run ends inside its horizon) not. */
    void decision(DecisionOutcome outcome);

    BacktestSink NONE = new BacktestSink() {
        @Override
        public void snapshot(LocalDate date, Supplier<String> json) {
        }

        @Override
        public void decision(DecisionOutcome outcome) {
        }
    };
}
