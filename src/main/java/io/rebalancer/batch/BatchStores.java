package io.rebalancer.batch;

import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.Account;
import io.rebalancer.domain.Execution;
import io.rebalancer.domain.MarketDay;
import io.rebalancer.domain.ModelVersion;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.PriceBar;
import io.rebalancer.domain.Ticker;
import io.rebalancer.store.DecisionLog;
import io.rebalancer.store.LedgerStore;
import io.rebalancer.store.LockStore;
import io.rebalancer.store.OutcomeLog;
import io.rebalancer.store.PortfolioStore;
import io.rebalancer.store.PriceStore;
import io.rebalancer.store.RunStore;
import io.rebalancer.store.ScoredDecision;
import io.rebalancer.store.SnapshotStore;
import io.rebalancer.store.StoreException;
import io.rebalancer.store.Stores;
import io.rebalancer.store.ThresholdState;
import io.rebalancer.store.ThresholdStateStore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The store as one batch day's cycles see it: what every cycle reads is read once for all portfolios before the
 * batch (accounts, models, each ticker's prices over the whole window, market days, executions, scored outcomes,
 * the live states before the day, the live decisions' index), and what the cycles write is kept and written in bulk
 * by {@link #drainPending()} and {@link Pending#write()} (snapshots, then threshold states, then decisions: the decision last, as a single cycle
 * writes them). The cycles themselves run unchanged ({@code LiveCycleService}), so a portfolio decides in the batch
 * exactly as it does alone. The portfolios' leases are taken by the batch before and given back after.
 */
final class BatchStores implements Stores {
    private final Stores store;
    private final LocalDate day;
    private final LocalDate windowFrom;
    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, List<ModelVersion>> models = new HashMap<>();
    private final Map<Ticker, Object> series = new ConcurrentHashMap<>();
    private final Map<String, Object> histories = new ConcurrentHashMap<>();
    private final List<MarketDay> marketDays;
    private final Optional<LocalDate> latest;
    private final Map<String, List<Execution>> executions;
    private final Map<String, List<ScoredDecision>> scored;
    private final Map<String, ThresholdState> statesBefore;
    private final Set<String> liveCycleIds = new HashSet<>();
    private final Map<String, TreeSet<LocalDate>> liveDays = new HashMap<>();
    private final Set<String> leased = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<SnapshotStore.Entry> snapshotsOut = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ThresholdState> statesOut = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<DecisionLog.Entry> decisionsOut = new ConcurrentLinkedQueue<>();

    private final PortfolioStore portfolios = new Portfolios();
    private final PriceStore prices = new Prices();
    private final DecisionLog decisions = new Decisions();
    private final ThresholdStateStore thresholds = new Thresholds();
    private final SnapshotStore snapshots = new Snapshots();
    private final LedgerStore ledger = new Ledger();
    private final LockStore locks = new Locks();
    private final OutcomeLog outcomes = new Outcomes();

    /**
     * @param windowFrom the first day any cycle of the batch reads prices from (requests outside [windowFrom, day]
     *                   go to the store)
     */
    BatchStores(Stores store, LocalDate day, LocalDate windowFrom, List<Account> book, List<ModelVersion> versions) {
        this.store = store;
        this.day = day;
        this.windowFrom = windowFrom;
        book.forEach(a -> accounts.put(a.id(), a));
        versions.forEach(v -> models.computeIfAbsent(v.model(), k -> new ArrayList<>()).add(v));
        this.marketDays = store.prices().marketDays(windowFrom, day);
        this.latest = store.prices().latestDate();
        this.executions = store.ledger().executionsByPortfolio();
        this.scored = store.outcomes().byPortfolio();
        this.statesBefore = store.thresholds().liveBeforeAll(accounts.keySet(), day);
        for (DecisionLog.LiveRef ref : store.decisions().liveRefs()) {
            liveCycleIds.add(ref.cycleId());
            liveDays.computeIfAbsent(ref.portfolioId(), k -> new TreeSet<>()).add(ref.asOf());
        }
    }

    /** Marks the leases the batch holds, so the cycles' own take and release of them are no-ops. */
    void holding(Collection<String> leaseNames) {
        leased.addAll(leaseNames);
    }

    /**
     * Takes what the cycles since the last call recorded, to be written later by {@link Pending#write()} (on
     * another thread while the next chunk's cycles run: those record into fresh queues).
     */
    Pending drainPending() {
        return new Pending(drain(snapshotsOut), drain(statesOut), drain(decisionsOut));
    }

    /** One chunk's writes: snapshots, then threshold states, then decisions (the decision last, as a cycle writes). */
    final class Pending {
        private final List<SnapshotStore.Entry> snapshots;
        private final List<ThresholdState> states;
        private final List<DecisionLog.Entry> decisions;

        private Pending(List<SnapshotStore.Entry> snapshots, List<ThresholdState> states,
                List<DecisionLog.Entry> decisions) {
            this.snapshots = snapshots;
            this.states = states;
            this.decisions = decisions;
        }

        /** Writes them in bulk; returns the number of new decisions. */
        int write() {
            store.snapshots().saveAll(snapshots);
            store.thresholds().saveAll(states);
            return store.decisions().saveAll(decisions);
        }
    }

    private static <T> List<T> drain(ConcurrentLinkedQueue<T> queue) {
        List<T> out = new ArrayList<>();
        for (T t; (t = queue.poll()) != null;) {
            out.add(t);
        }
        return out;
    }

    /** One ticker's prices over the window, read once; a ticker the store cannot give is remembered as its error. */
    private PriceHistory series(Ticker t) {
        Object s = series.computeIfAbsent(t, k -> {
            try {
                return store.prices().history(List.of(k), windowFrom, day);
            } catch (StoreException e) {
                return e;
            }
        });
        if (s instanceof StoreException e) {
            throw new StoreException(e.getMessage(), e);
        }
        return (PriceHistory) s;
    }

    /**
     * The history of a ticker list over a range, built once and shared (a history is immutable): the accounts on one
     * model ask for the same tickers, over as many ranges as they have inception dates.
     */
    private PriceHistory history(List<Ticker> tickers, LocalDate from, LocalDate to) {
        Object h = histories.computeIfAbsent(tickers + "|" + from + "|" + to, k -> {
            try {
                return assemble(tickers, from, to);
            } catch (StoreException e) {
                return e;
            }
        });
        if (h instanceof StoreException e) {
            throw new StoreException(e.getMessage(), e);
        }
        return (PriceHistory) h;
    }

    /** The store's history semantics (every ticker on every day of the union), cut from the cached series. */
    private PriceHistory assemble(List<Ticker> tickers, LocalDate from, LocalDate to) {
        List<PriceHistory> parts = new ArrayList<>(tickers.size());
        TreeSet<LocalDate> union = new TreeSet<>();
        for (Ticker t : tickers) {
            PriceHistory h = series(t);
            int lo = firstOnOrAfter(h.dates(), from);
            int hi = h.indexOnOrBefore(to);
            if (lo > hi) {
                throw new StoreException("no prices stored for " + t + " between " + from + " and " + to);
            }
            parts.add(h);
            union.addAll(h.dates().subList(lo, hi + 1));
        }
        int n = union.size();
        List<LocalDate> dates = new ArrayList<>(union);
        int k = tickers.size();
        double[][] close = new double[k][n];
        double[][] adj = new double[k][n];
        double[][] vol = new double[k][n];
        List<String> symbols = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            PriceHistory h = parts.get(i);
            String s = tickers.get(i).symbol();
            symbols.add(s);
            int start = h.indexOf(dates.get(0));
            for (int d = 0; d < n; d++) {
                int j = start < 0 ? -1 : start + d;
                if (j < 0 || j >= h.size() || !h.dates().get(j).equals(dates.get(d))) {
                    LocalDate missing = start < 0 ? dates.get(0) : dates.get(d);
                    throw new StoreException("price history " + from + ".." + to + ": " + s + " has no price on "
                            + missing + ", which other tickers have (first missing date)");
                }
                close[i][d] = h.close(s, j);
                adj[i][d] = h.adjClose(s, j);
                vol[i][d] = h.volume(s, j);
            }
        }
        return PriceHistory.of(dates, symbols, close, adj, vol);
    }

    private static int firstOnOrAfter(List<LocalDate> dates, LocalDate day) {
        int i = java.util.Collections.binarySearch(dates, day);
        return i >= 0 ? i : -i - 1;
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
        return store.runs();
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
    public io.rebalancer.store.AlertStore alerts() {
        return store.alerts();
    }

    @Override
    public String description() {
        return store.description();
    }

    /** The batch does not own the store it wraps. */
    @Override
    public void close() {
    }

    private final class Portfolios implements PortfolioStore {
        @Override
        public Optional<PortfolioDefinition> definition(String id) {
            Account a = accounts.get(id);
            return a != null ? Optional.of(a.definition()) : store.portfolios().definition(id);
        }

        @Override
        public List<String> portfolioIds() {
            return store.portfolios().portfolioIds();
        }

        @Override
        public void saveDefinition(PortfolioDefinition definition) {
            throw new UnsupportedOperationException("a batch does not change portfolios");
        }

        @Override
        public Optional<Account> account(String id) {
            Account a = accounts.get(id);
            return a != null ? Optional.of(a) : store.portfolios().account(id);
        }

        @Override
        public List<Account> accounts() {
            return List.copyOf(accounts.values());
        }

        @Override
        public void saveAccounts(List<Account> list) {
            throw new UnsupportedOperationException("a batch does not change portfolios");
        }

        @Override
        public boolean remove(String id) {
            throw new UnsupportedOperationException("a batch does not change portfolios");
        }

        @Override
        public List<ModelVersion> modelVersions(String model) {
            return models.getOrDefault(model, List.of());
        }

        @Override
        public List<ModelVersion> allModelVersions() {
            return models.values().stream().flatMap(List::stream).toList();
        }

        @Override
        public void saveModelVersions(List<ModelVersion> versions) {
            throw new UnsupportedOperationException("a batch does not change models");
        }
    }

    private final class Prices implements PriceStore {
        @Override
        public void saveBars(List<PriceBar> bars) {
            throw new UnsupportedOperationException("a batch does not change prices");
        }

        @Override
        public void saveMarketDays(List<MarketDay> days) {
            throw new UnsupportedOperationException("a batch does not change market data");
        }

        @Override
        public Optional<LocalDate> latestDate() {
            return latest;
        }

        @Override
        public List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
            return store.prices().tradingDays(from, to);
        }

        @Override
        public Optional<PriceBar> bar(Ticker ticker, LocalDate date) {
            return store.prices().bar(ticker, date);
        }

        @Override
        public Map<Ticker, PriceBar> bars(Collection<Ticker> tickers, LocalDate date) {
            return store.prices().bars(tickers, date);
        }

        @Override
        public PriceHistory history(List<Ticker> tickers, LocalDate from, LocalDate to) {
            if (from.isBefore(windowFrom) || to.isAfter(day) || new HashSet<>(tickers).size() != tickers.size()) {
                return store.prices().history(tickers, from, to);
            }
            return BatchStores.this.history(tickers, from, to);
        }

        @Override
        public List<MarketDay> marketDays(LocalDate from, LocalDate to) {
            if (from.isBefore(windowFrom) || to.isAfter(day)) {
                return store.prices().marketDays(from, to);
            }
            return marketDays.stream().filter(m -> !m.date().isBefore(from) && !m.date().isAfter(to)).toList();
        }
    }

    private final class Decisions implements DecisionLog {
        @Override
        public boolean save(String cycleId, String portfolioId, LocalDate asOf, String runId, String json) {
            decisionsOut.add(new Entry(cycleId, portfolioId, asOf, runId, json));
            return true;
        }

        @Override
        public Optional<String> find(String cycleIdOrPrefix) {
            return liveCycleIds.contains(cycleIdOrPrefix) ? store.decisions().find(cycleIdOrPrefix) : Optional.empty();
        }

        @Override
        public List<String> recent(String portfolioId, String runId, int limit) {
            return store.decisions().recent(portfolioId, runId, limit);
        }

        @Override
        public List<String> liveBetween(String portfolioId, LocalDate from, LocalDate to) {
            TreeSet<LocalDate> days = liveDays.get(portfolioId);
            if (days == null || days.subSet(from, true, to, true).isEmpty()) {
                return List.of();
            }
            return store.decisions().liveBetween(portfolioId, from, to);
        }

        @Override
        public List<String> byRun(String runId) {
            return store.decisions().byRun(runId);
        }

        @Override
        public List<LiveRef> liveRefs() {
            return store.decisions().liveRefs();
        }

        @Override
        public int saveAll(List<Entry> entries) {
            decisionsOut.addAll(entries);
            return entries.size();
        }
    }

    private final class Thresholds implements ThresholdStateStore {
        @Override
        public Optional<ThresholdState> load(String portfolioId, String runId) {
            return store.thresholds().load(portfolioId, runId);
        }

        @Override
        public Optional<ThresholdState> liveBefore(String portfolioId, LocalDate d) {
            return d.equals(day) ? Optional.ofNullable(statesBefore.get(portfolioId))
                    : store.thresholds().liveBefore(portfolioId, d);
        }

        @Override
        public void save(ThresholdState state) {
            statesOut.add(state);
        }

        @Override
        public Map<String, ThresholdState> liveBeforeAll(Collection<String> portfolioIds, LocalDate d) {
            return store.thresholds().liveBeforeAll(portfolioIds, d);
        }

        @Override
        public void saveAll(List<ThresholdState> states) {
            statesOut.addAll(states);
        }
    }

    private final class Snapshots implements SnapshotStore {
        @Override
        public void save(String runId, String portfolioId, LocalDate date, String json) {
            snapshotsOut.add(new Entry(runId, portfolioId, date, json));
        }

        @Override
        public List<String> byRun(String runId) {
            return store.snapshots().byRun(runId);
        }

        @Override
        public void saveAll(List<Entry> entries) {
            snapshotsOut.addAll(entries);
        }
    }

    private final class Ledger implements LedgerStore {
        @Override
        public boolean save(Execution execution) {
            return store.ledger().save(execution);
        }

        @Override
        public Optional<Execution> find(String cycleId) {
            return store.ledger().find(cycleId);
        }

        @Override
        public List<Execution> ofDecision(String cycleId) {
            return store.ledger().ofDecision(cycleId);
        }

        @Override
        public List<Execution> executions(String portfolioId) {
            return executions.getOrDefault(portfolioId, List.of());
        }

        @Override
        public Map<String, List<Execution>> executionsByPortfolio() {
            return executions;
        }
    }

    private final class Outcomes implements OutcomeLog {
        @Override
        public void save(List<ScoredDecision> list) {
            store.outcomes().save(list);
        }

        @Override
        public List<ScoredDecision> of(String portfolioId) {
            return scored.getOrDefault(portfolioId, List.of());
        }

        @Override
        public Map<String, List<ScoredDecision>> byPortfolio() {
            return scored;
        }
    }

    private final class Locks implements LockStore {
        @Override
        public Optional<Lease> tryAcquire(String name, String owner, Instant now, Instant expiresAt) {
            return leased.contains(name) ? Optional.empty() : store.locks().tryAcquire(name, owner, now, expiresAt);
        }

        @Override
        public void release(String name, String owner) {
            if (!leased.contains(name)) {
                store.locks().release(name, owner);
            }
        }

        @Override
        public Map<String, Lease> tryAcquireAll(List<String> names, String owner, Instant now, Instant expiresAt) {
            return store.locks().tryAcquireAll(names, owner, now, expiresAt);
        }

        @Override
        public void releaseAll(List<String> names, String owner) {
            store.locks().releaseAll(names, owner);
        }
    }
}
