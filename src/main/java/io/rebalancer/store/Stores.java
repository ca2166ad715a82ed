package io.rebalancer.store;

/** All stores of one open database. Closing it releases the connection (and commits an embedded file). */
public interface Stores extends AutoCloseable {
    PortfolioStore portfolios();

    PriceStore prices();

    DecisionLog decisions();

    ThresholdStateStore thresholds();

    SnapshotStore snapshots();

    RunStore runs();

    LedgerStore ledger();

    LockStore locks();

    OutcomeLog outcomes();

    AlertStore alerts();

    /**
     * Whether the store holds a finished seed from backtest-data. A seed that was interrupted (a killed process)
     * is not finished, so it is run again. Stores that keep no seed marker answer whether any price is stored.
     */
    default boolean seeded() {
        return prices().latestDate().isPresent();
    }

    /** Records that a seed has started ({@code done} false) or finished ({@code done} true). */
    default void markSeed(boolean done) {
    }

    /** Where the data lives, safe to print, e.g. {@code MongoDB at mongodb://user:***@host:27017/db}. */
    String description();

    @Override
    void close();
}
