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

    /** Where the data lives, safe to print, e.g. {@code MongoDB at mongodb://user:***@host:27017/db}. */
    String description();

    @Override
    void close();
}
