package io.rebalancer.backtest;

import io.rebalancer.agents.Cycle;
import io.rebalancer.agents.CycleRecord;
import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.backtest.BacktestResult.DecisionOutcome;
import io.rebalancer.backtest.BacktestResult.Settings;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.Ticker;
import io.rebalancer.service.LiveCycleService;
import io.rebalancer.service.MarketContext;
import io.rebalancer.service.NotFoundException;
import io.rebalancer.service.RecordJson;
import io.rebalancer.store.StoreException;
import io.rebalancer.store.Stores;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a backtest against the store: validates the request, loads prices (with a year of lookback before
 * {@code from}), VIX and rates, records the run (status running), replays it through {@link BacktestEngine}
 * while a writer thread stores each day's snapshot and each decision, and marks the run finished only when
 * everything is written. A run that fails is marked "failed" with the error, never "finished".
 */
public final class BacktestService {
    /** Calendar days of prices loaded before {@code from} for the agents' 252-day lookback. */
    static final int LOOKBACK_CALENDAR_DAYS = 400;

    private final Stores stores;

    public BacktestService(Stores stores) {
        this.stores = stores;
    }

    /** Validates and loads everything the run needs; nothing is written. */
    public BacktestContext prepare(BacktestRequest request) {
        return prepare(request, LiveCycleService.portfolio(stores, request.portfolioId()));
    }

    /**
     * As {@link #prepare(BacktestRequest)}, for a portfolio given rather than stored (read from a file of another
     * backtest-data directory); its tickers' prices come from this service's store.
     */
    public BacktestContext prepare(BacktestRequest request, PortfolioDefinition stored) {
        PortfolioDefinition def = stored.withCosts(request.costs(stored.costs()));
        List<Ticker> tickers = LiveCycleService.tickers(def);
        LocalDate latest = stores.prices().latestDate()
                .orElseThrow(() -> new NotFoundException("the store holds no prices; run 'data import' first"));
        if (request.to().isAfter(latest)) {
            throw new IllegalArgumentException("--to " + request.to() + " is after the last stored trading day "
                    + latest);
        }
        PriceHistory history = history(def, tickers, request);
        LocalDate first = history.dates().get(0);
        if (request.from().isBefore(first)) {
            throw new IllegalArgumentException("--from " + request.from() + " is before the first stored trading day "
                    + first + " of the tickers of " + def.id());
        }
        int start = history.indexOf(request.from());
        if (start < 0) {
            start = history.indexOnOrBefore(request.from()) + 1;
        }
        int end = history.size() - 1;
        if (start >= end) {
            throw new IllegalArgumentException("--from " + request.from() + " .. --to " + request.to()
                    + " holds fewer than two trading days");
        }
        MarketContext market = MarketContext.of(history, stores.prices().marketDays(first, history.dates().get(end)));
        Settings settings = new Settings(def.costs(), request.learning(), request.horizonOrDefault(), request.lambda(),
                request.initialNav(), request.withNoLearning(), request.dividends());
        return new BacktestContext(history, market, def, start, end, settings);
    }

    /**
     * The tickers' prices from a lookback before {@code from} to {@code to}. When some ticker's prices begin inside
     * the lookback, the lookback is shortened to the day they all have prices, as it is at the start of the stored
     * data; when they begin after {@code from}, the error names the ticker and the earliest possible {@code --from}.
     */
    private PriceHistory history(PortfolioDefinition def, List<Ticker> tickers, BacktestRequest request) {
        LocalDate lookback = request.from().minusDays(LOOKBACK_CALENDAR_DAYS);
        try {
            return stores.prices().history(tickers, lookback, request.to());
        } catch (StoreException e) {
            if (!missingPrices(e)) {
                throw e;
            }
            Ticker latestStarter = null;
            LocalDate latestStart = lookback;
            for (Ticker t : tickers) {
                LocalDate firstOfTicker;
                try {
                    firstOfTicker = stores.prices().history(List.of(t), lookback, request.to()).dates().get(0);
                } catch (StoreException none) {
                    throw new IllegalArgumentException(noPricesUpTo(def, t, request, none), none);
                }
                if (firstOfTicker.isAfter(latestStart)) {
                    latestStart = firstOfTicker;
                    latestStarter = t;
                }
            }
            if (latestStarter == null) {
                throw new IllegalArgumentException("cannot backtest " + def.id() + ": " + e.getMessage(), e);
            }
            if (latestStart.isAfter(request.from())) {
                throw new IllegalArgumentException("--from " + request.from() + " is before the first stored price of "
                        + latestStarter.symbol() + " (" + latestStart + "), a ticker of " + def.id()
                        + "; the earliest --from for it is " + latestStart, e);
            }
            try {
                return stores.prices().history(tickers, latestStart, request.to());
            } catch (StoreException gap) {
                if (missingPrices(gap)) {
                    throw new IllegalArgumentException("cannot backtest " + def.id() + ": " + gap.getMessage(), gap);
                }
                throw gap;
            }
        }
    }

    /** Why {@code t} has no prices up to {@code --to}: they begin later (when, and so which --to works), or never. */
    private String noPricesUpTo(PortfolioDefinition def, Ticker t, BacktestRequest request, StoreException none) {
        try {
            LocalDate latest = stores.prices().latestDate().orElse(request.to());
            LocalDate begins = stores.prices().history(List.of(t), request.to(), latest).dates().get(0);
            return "--to " + request.to() + " is before the first stored price of " + t.symbol() + " (" + begins
                    + "), a ticker of " + def.id();
        } catch (StoreException | IndexOutOfBoundsException never) {
            return "cannot backtest " + def.id() + ": " + none.getMessage();
        }
    }

    private static boolean missingPrices(StoreException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("has no price on") || m.contains("no prices stored for");
    }

    public static String newRunId(LocalDateTime now) {
        byte[] b = new byte[3];
        new SecureRandom().nextBytes(b);
        return "bt-" + now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + HexFormat.of().formatHex(b);
    }

    /** Prepares, records and runs the backtest. */
    public BacktestResult run(BacktestRequest request, Cycle cycle, BacktestListener listener) {
        return run(request, () -> cycle, listener);
    }

    /**
     * As {@link #run(BacktestRequest, Cycle, BacktestListener)}, asking for the cycle only once the market data is
     * loaded, so that rules still loading on another thread overlap the load.
     */
    public BacktestResult run(BacktestRequest request, java.util.function.Supplier<Cycle> cycles,
                              BacktestListener listener) {
        long t0 = System.nanoTime();
        BacktestContext loaded = prepare(request);
        Cycle cycle = cycles.get();
        BacktestContext ctx = loaded.withHorizon(request.withRulesHorizon(cycle).horizonOrDefault());
        long loadMillis = (System.nanoTime() - t0) / 1_000_000;
        listener.prepared(ctx);
        String runId = newRunId(LocalDateTime.now(ZoneOffset.UTC));
        String portfolioId = ctx.portfolio().id();
        stores.runs().start(runId, RecordJson.write(runDocument(ctx, runId, cycle.rulesHash(), null)));
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "backtest-store-writer");
            t.setDaemon(true);
            return t;
        });
        StoreSink sink = new StoreSink(writer, runId, portfolioId);
        BacktestResult result;
        try {
            result = BacktestEngine.run(ctx, cycle, runId, listener, sink, loadMillis);
            sink.await();
            stores.runs().finish(runId, RecordJson.write(runDocument(ctx, runId, cycle.rulesHash(), result)));
        } catch (RuntimeException | Error e) {
            markFailed(runId, e);
            throw e;
        } finally {
            writer.shutdownNow();
        }
        long storeWait = sink.waitMillis;
        BacktestResult.Timings t = result.timings();
        result = new BacktestResult(result.runId(), result.portfolio(), result.rulesHash(), result.from(), result.to(),
                result.settings(), result.tickers(), result.targets(), result.dates(), result.strategies(),
                result.agentDays(), result.decisions(), result.thresholdChanges(), result.outcomeSummary(),
                new BacktestResult.Timings((System.nanoTime() - t0) / 1_000_000, t.loadMillis(), t.agentCycleMillis(),
                        t.regretMillis(), t.baselineMillis(), t.storeMillis() + storeWait, t.cycles(), t.agentCycleCpuMillis()));
        listener.finished(result);
        return result;
    }

    private void markFailed(String runId, Throwable cause) {
        try {
            stores.runs().fail(runId, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** The run's document: its set-up at the start, plus every strategy's metrics and the learning when finished. */
    static Map<String, Object> runDocument(BacktestContext ctx, String runId, String rulesHash, BacktestResult r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("run_id", runId);
        doc.put("kind", "backtest");
        doc.put("portfolio_id", ctx.portfolio().id());
        doc.put("from", ctx.date(0).toString());
        doc.put("to", ctx.date(ctx.days() - 1).toString());
        doc.put("rules_hash", rulesHash);
        doc.put("tickers", ctx.tickers());
        doc.put("targets", ctx.targets());
        doc.put("benchmark", ctx.portfolio().benchmark().symbol());
        doc.put("settings", ctx.settings());
        if (r != null) {
            Map<String, Object> metrics = new LinkedHashMap<>();
            r.strategies().forEach((name, s) -> metrics.put(name, s.metrics().toMap()));
            doc.put("strategies", metrics);
            doc.put("outcome_summary", r.outcomeSummary());
            doc.put("threshold_changes", r.thresholdChanges().size());
            doc.put("decisions", r.decisions().size());
        }
        return doc;
    }

    /** Stores snapshots and decisions on a writer thread, so that the store does not hold up the replay. */
    private final class StoreSink implements BacktestSink {
        private final ExecutorService writer;
        private final String runId;
        private final String portfolioId;
        private final List<Future<?>> pending = new ArrayList<>();
        private final List<Object[]> snapshots = new ArrayList<>();
        long waitMillis;

        StoreSink(ExecutorService writer, String runId, String portfolioId) {
            this.writer = writer;
            this.runId = runId;
            this.portfolioId = portfolioId;
        }

        /** Days are stored one calendar month to a document (see {@link SnapshotCodec#chunk}). */
        @Override
        public void snapshot(LocalDate date, Supplier<String> json) {
            if (!snapshots.isEmpty()) {
                LocalDate first = (LocalDate) snapshots.get(0)[0];
                if (first.getYear() != date.getYear() || first.getMonthValue() != date.getMonthValue()) {
                    flushSnapshots();
                }
            }
            snapshots.add(new Object[] {date, json});
        }

        private void flushSnapshots() {
            if (snapshots.isEmpty()) {
                return;
            }
            LocalDate first = (LocalDate) snapshots.get(0)[0];
            @SuppressWarnings("unchecked")
            List<Supplier<String>> days = snapshots.stream().map(s -> (Supplier<String>) s[1]).toList();
            snapshots.clear();
            pending.add(writer.submit(() -> stores.snapshots().save(runId, portfolioId, first,
                    SnapshotCodec.chunk(days.stream().map(Supplier::get).toList()))));
        }

        @Override
        public void decision(DecisionOutcome outcome) {
            CycleRecord r = outcome.record();
            pending.add(writer.submit(() -> {
                stores.decisions().save(r.cycleId(), r.portfolioId(), r.asOf(), runId, DecisionJson.node(outcome).toString());
            }));
        }

        void await() {
            flushSnapshots();
            long t = System.nanoTime();
            for (Future<?> f : pending) {
                try {
                    f.get(10, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while storing run " + runId, e);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re
                            : new IllegalStateException("storing run " + runId + " failed: " + e.getCause(), e);
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new StoreException("storing run " + runId + " timed out");
                }
            }
            waitMillis = (System.nanoTime() - t) / 1_000_000;
        }
    }
}
