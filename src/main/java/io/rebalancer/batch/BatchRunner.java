package io.rebalancer.batch;

import io.rebalancer.agents.Cycle;
import io.rebalancer.agents.CycleRecord;
import io.rebalancer.backtest.LiveOutcomes;
import io.rebalancer.backtest.RegretScorer;
import io.rebalancer.domain.Account;
import io.rebalancer.domain.ModelVersion;
import io.rebalancer.service.CycleOutcome;
import io.rebalancer.service.LiveCycleService;
import io.rebalancer.service.NotFoundException;
import io.rebalancer.store.LockStore;
import io.rebalancer.store.Stores;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The nightly batch: every active portfolio's live cycle of one day in one process, on a pool of one worker per
 * core sharing the rule base (each cycle opens its own rule sessions). Each portfolio runs under its own lease,
 * taken for all in one bulk write; the reads every cycle makes are made once for the book and the writes go in bulk
 * per chunk ({@link BatchStores}). A portfolio that fails is reported with its reason and the others go on.
 */
public final class BatchRunner {
    /** Portfolios per chunk: the writes of a chunk go to the store together, before the next chunk starts. */
    static final int CHUNK = 1000;

    private final Stores stores;
    private final Cycle cycle;
    private final int workers;

    public BatchRunner(Stores stores, Cycle cycle) {
        this(stores, cycle, Runtime.getRuntime().availableProcessors());
    }

    public BatchRunner(Stores stores, Cycle cycle, int workers) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.cycle = Objects.requireNonNull(cycle, "cycle");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        this.workers = workers;
    }

    /**
     * Runs the cycle of {@code asOf} (null: the latest stored day) for every portfolio (of {@code model}, if given)
     * whose inception is on or before that day.
     */
    public BatchReport run(String model, LocalDate asOf) {
        return run(model, asOf, Shard.ALL);
    }

    /** As {@link #run(String, LocalDate)}, for the accounts of one {@link Shard} of the book only. */
    public BatchReport run(String model, LocalDate asOf, Shard shard) {
        Objects.requireNonNull(shard, "shard");
        long started = System.nanoTime();
        LocalDate day = asOf != null ? asOf : stores.prices().latestDate()
                .orElseThrow(() -> new NotFoundException("the store holds no prices; run 'data import' first"));
        List<Account> book = stores.portfolios().accounts();
        List<ModelVersion> versions = stores.portfolios().allModelVersions();
        if (model != null && versions.stream().noneMatch(v -> v.model().equals(model))) {
            throw new NotFoundException("unknown model '" + model + "'; 'portfolio list' shows the models in use");
        }
        List<Account> shardBook = shard.count() == 1 ? book : book.stream().filter(a -> shard.contains(a.id())).toList();
        List<Account> chosen = shardBook.stream().filter(a -> model == null || model.equals(a.model())).toList();
        List<Account> active = chosen.stream().filter(a -> !a.definition().inception().isAfter(day)).toList();
        List<BatchReport.PortfolioOutcome> outcomes = new ArrayList<>();
        if (active.isEmpty()) {
            return report(day, model, shard, chosen.size(), outcomes, started);
        }
        LocalDate earliest = active.stream().map(a -> a.definition().inception()).min(Comparator.naturalOrder())
                .orElseThrow();
        LocalDate windowFrom = (earliest.isBefore(day) ? earliest : day)
                .minusDays(LiveCycleService.HISTORY_CALENDAR_DAYS);
        long readStart = System.nanoTime();
        BatchStores view = new BatchStores(stores, day, windowFrom, shardBook, versions);
        long readMs = (System.nanoTime() - readStart) / 1_000_000;

        String owner = owner();
        List<String> names = active.stream().map(a -> "portfolio:" + a.id()).toList();
        Instant now = Instant.now();
        Map<String, LockStore.Lease> busy = stores.locks().tryAcquireAll(names, owner, now,
                now.plus(Duration.ofMinutes(30)));
        List<String> held = names.stream().filter(n -> !busy.containsKey(n)).toList();
        view.holding(held);
        LiveCycleService service = new LiveCycleService(view, () -> cycle, new LiveOutcomes(view,
                () -> cycle.outcomeHorizon(RegretScorer.DEFAULT_HORIZON), RegretScorer.DEFAULT_LAMBDA));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "batch-worker");
            t.setDaemon(true);
            return t;
        });
        // One chunk's bulk writes run on this thread while the next chunk's cycles run on the pool.
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "batch-writer");
            t.setDaemon(true);
            return t;
        });
        long[] writeNanos = {0};
        Future<?> writing = null;
        try {
            for (int from = 0; from < active.size(); from += CHUNK) {
                List<Future<BatchReport.PortfolioOutcome>> futures = new ArrayList<>();
                for (Account a : active.subList(from, Math.min(active.size(), from + CHUNK))) {
                    LockStore.Lease other = busy.get("portfolio:" + a.id());
                    if (other != null) {
                        outcomes.add(BatchReport.PortfolioOutcome.failure(a.id(), a.model(), "portfolio " + a.id()
                                + " is in use by another process (" + other.owner() + ", lease until "
                                + other.expiresAt() + ")"));
                        continue;
                    }
                    futures.add(pool.submit(() -> cycle(service, a, day)));
                }
                for (Future<BatchReport.PortfolioOutcome> f : futures) {
                    outcomes.add(join(f));
                }
                awaitWrite(writing);
                BatchStores.Pending chunk = view.drainPending();
                writing = writer.submit(() -> {
                    long w = System.nanoTime();
                    chunk.write();
                    writeNanos[0] += System.nanoTime() - w;
                });
            }
            awaitWrite(writing);
        } finally {
            pool.shutdownNow();
            writer.shutdown();
            stores.locks().releaseAll(held, owner);
        }
        outcomes.sort(Comparator.comparing(BatchReport.PortfolioOutcome::portfolioId));
        BatchReport report = report(day, model, shard, chosen.size(), outcomes, started);
        org.slf4j.LoggerFactory.getLogger(BatchRunner.class).info("batch " + day + ": read "
                + readMs + " ms, bulk writes " + writeNanos[0] / 1_000_000 + " ms (beside the cycles) of " + report.elapsedMs() + " ms");
        return report;
    }

    private static BatchReport.PortfolioOutcome cycle(LiveCycleService service, Account a, LocalDate day) {
        try {
            CycleOutcome o = service.run(a.id(), day);
            CycleRecord r = o.record();
            String decided = r.decision().action();
            String action = a.doNotTrade() && r.rebalanced() ? "DO_NOT_TRADE" : decided;
            return new BatchReport.PortfolioOutcome(a.id(), a.model(), "OK", action, decided,
                    r.monitor().verdict().name(),
                    r.decision().chosen() == null ? null : r.decision().chosen().type().name(),
                    r.monitor().portfolioDrift().total() * 100, r.cycleId(), o.alreadyRecorded(), null);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return BatchReport.PortfolioOutcome.failure(a.id(), a.model(), message);
        }
    }

    /** Waits for a chunk's writes; a failed write fails the batch, as it did when the writes ran in line. */
    private static void awaitWrite(Future<?> writing) {
        if (writing == null) {
            return;
        }
        try {
            writing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the batch was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("the batch's bulk write failed: " + e.getCause(), e.getCause());
        }
    }

    private static BatchReport.PortfolioOutcome join(Future<BatchReport.PortfolioOutcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the batch was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a batch worker failed: " + e.getCause(), e.getCause());
        }
    }

    private BatchReport report(LocalDate day, String model, Shard shard, int chosen, List<BatchReport.PortfolioOutcome> outcomes,
            long started) {
        int triggered = 0;
        int rebalanced = 0;
        int deferred = 0;
        int noAction = 0;
        int doNotTrade = 0;
        int stored = 0;
        int failed = 0;
        for (BatchReport.PortfolioOutcome o : outcomes) {
            if (o.failed()) {
                failed++;
                continue;
            }
            triggered += "TRIGGERED".equals(o.verdict()) ? 1 : 0;
            stored += o.alreadyRecorded() ? 1 : 0;
            switch (o.action()) {
                case "REBALANCE" -> rebalanced++;
                case "DEFER" -> deferred++;
                case "DO_NOT_TRADE" -> doNotTrade++;
                default -> noAction++;
            }
        }
        List<BatchReport.Drift> largest = outcomes.stream().filter(o -> !o.failed())
                .sorted(Comparator.comparing(BatchReport.PortfolioOutcome::driftPct).reversed()
                        .thenComparing(BatchReport.PortfolioOutcome::portfolioId))
                .limit(BatchReport.LARGEST).map(o -> new BatchReport.Drift(o.portfolioId(), o.driftPct(), o.action())).toList();
        long ms = (System.nanoTime() - started) / 1_000_000;
        return new BatchReport(day, model, shard.count() == 1 ? null : shard.toString(), outcomes.size(), chosen - outcomes.size(), triggered, rebalanced, deferred,
                noAction, doNotTrade, stored, failed, workers, ms, outcomes.isEmpty() ? 0 : (double) ms / outcomes.size(),
                largest, outcomes);
    }

    private static String owner() {
        String host = System.getenv("HOSTNAME");
        byte[] nonce = new byte[3];
        ThreadLocalRandom.current().nextBytes(nonce);
        return "batch:" + (host == null || host.isBlank() ? "localhost" : host) + ":" + ProcessHandle.current().pid()
                + ":" + HexFormat.of().formatHex(nonce);
    }
}
