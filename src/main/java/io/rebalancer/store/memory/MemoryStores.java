package io.rebalancer.store.memory;

import io.rebalancer.store.AlertStore;
import io.rebalancer.store.DecisionLog;
import io.rebalancer.store.LedgerStore;
import io.rebalancer.store.LockStore;
import io.rebalancer.store.OutcomeLog;
import io.rebalancer.store.PortfolioStore;
import io.rebalancer.store.PriceStore;
import io.rebalancer.store.RunStore;
import io.rebalancer.store.SnapshotStore;
import io.rebalancer.store.Stores;
import io.rebalancer.store.ThresholdStateStore;
import java.time.Clock;

/**
 * {@link Stores} held in this process's memory as plain Java values: no server, no socket, no BSON. Each store
 * answers as its MongoDB adapter in {@code store.mongo} does (orders, insert-if-absent, leases, errors) and is safe
 * for concurrent use. Nothing outlives {@link #close()}.
 */
public final class MemoryStores implements Stores {
    private final MemoryPortfolioStore portfolios = new MemoryPortfolioStore();
    private final MemoryPriceStore prices = new MemoryPriceStore();
    private final MemoryDecisionLog decisions = new MemoryDecisionLog();
    private final MemoryThresholdStateStore thresholds = new MemoryThresholdStateStore();
    private final MemorySnapshotStore snapshots = new MemorySnapshotStore();
    private final MemoryRunStore runs;
    private final MemoryLedgerStore ledger = new MemoryLedgerStore();
    private final MemoryLockStore locks = new MemoryLockStore();
    private final MemoryOutcomeLog outcomes = new MemoryOutcomeLog();
    private final MemoryAlertStore alerts = new MemoryAlertStore();
    /** The seed marker: null until {@link #markSeed} is first called. */
    private volatile Boolean seedDone;

    private MemoryStores(Clock clock) {
        this.runs = new MemoryRunStore(decisions, snapshots, clock);
    }

    /** An empty store whose runs are stamped with the system clock (UTC). */
    public static MemoryStores open() {
        return new MemoryStores(Clock.systemUTC());
    }

    /** An empty store whose runs are stamped with {@code clock}. */
    public static MemoryStores open(Clock clock) {
        return new MemoryStores(java.util.Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public PortfolioStore portfolios() {
        return portfolios;
    }

    @Override
    public PriceStore prices() {
        return prices;
    }

    @Override
    public DecisionLog decisions() {
        return decisions;
    }

    @Override
    public ThresholdStateStore thresholds() {
        return thresholds;
    }

    @Override
    public SnapshotStore snapshots() {
        return snapshots;
    }

    @Override
    public RunStore runs() {
        return runs;
    }

    @Override
    public LedgerStore ledger() {
        return ledger;
    }

    @Override
    public LockStore locks() {
        return locks;
    }

    @Override
    public OutcomeLog outcomes() {
        return outcomes;
    }

    @Override
    public AlertStore alerts() {
        return alerts;
    }

    /** As the MongoDB adapter: the marker when one was written, else whether any price is stored. */
    @Override
    public boolean seeded() {
        Boolean done = seedDone;
        return done == null ? prices.latestDate().isPresent() : done;
    }

    @Override
    public void markSeed(boolean done) {
        seedDone = done;
    }

    @Override
    public String description() {
        return "in-memory store (plain Java, nothing kept)";
    }

    /** Nothing to release: the data goes with the last reference to this object. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "MemoryStores[" + description() + "]";
    }
}
