package io.rebalancer.batch;

import io.rebalancer.agents.CycleRecord;
import io.rebalancer.domain.Account;
import io.rebalancer.domain.Execution;
import io.rebalancer.service.DoNotTradeException;
import io.rebalancer.service.ExecutionOutcome;
import io.rebalancer.service.ExecutionService;
import io.rebalancer.service.NotFoundException;
import io.rebalancer.service.RecordJson;
import io.rebalancer.store.DecisionLog;
import io.rebalancer.store.Stores;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The live decisions of one batch day across the book: listing them ({@code history --all}) and executing them. */
public final class BatchDay {
    private final Stores stores;

    public BatchDay(Stores stores) {
        this.stores = Objects.requireNonNull(stores, "stores");
    }

    /** One decision of the day; {@code executed} says whether its first tranche has filled. */
    public record Entry(String portfolioId, String cycleId, String action, String scenario, String timing,
                        int trades, double turnoverPct, boolean doNotTrade, boolean executed) {
    }

    /** What {@code execute --all} did with one decision: EXECUTED, ALREADY_EXECUTED, DO_NOT_TRADE or FAILED. */
    public record Executed(String portfolioId, String cycleId, String status, int fills, String error) {
        public boolean failed() {
            return "FAILED".equals(status);
        }
    }

    /** The day of the latest live decision (null: the latest of any), and that day's decisions by portfolio. */
    public LocalDate day(LocalDate requested) {
        if (requested != null) {
            return requested;
        }
        return stores.decisions().liveRefs().stream().map(DecisionLog.LiveRef::asOf).max(Comparator.naturalOrder())
                .orElseThrow(() -> new NotFoundException("no live decisions are stored; 'run --all' makes them"));
    }

    public List<Entry> history(LocalDate day) {
        Map<String, Account> accounts = new HashMap<>();
        stores.portfolios().accounts().forEach(a -> accounts.put(a.id(), a));
        Set<String> executed = new HashSet<>();
        stores.ledger().executionsByPortfolio().values().forEach(l -> l.forEach(e -> executed.add(e.cycleId())));
        List<Entry> out = new ArrayList<>();
        for (CycleRecord r : records(day)) {
            CycleRecord.Decision d = r.decision();
            Account a = accounts.get(r.portfolioId());
            out.add(new Entry(r.portfolioId(), r.cycleId(), d.action(), d.chosen() == null ? null : d.chosen().type().name(),
                    d.timing() == null ? null : d.timing().timing().name(), d.tradeCount(), d.turnover() * 100,
                    a != null && a.doNotTrade(), executed.contains(r.cycleId())));
        }
        return out;
    }

    /**
     * Executes the day's REBALANCE decisions on paper, each under its portfolio's lease, on {@code workers} threads;
     * accounts marked do-not-trade are skipped, and a failure is reported while the others go on.
     */
    public List<Executed> execute(LocalDate day, int workers) {
        List<CycleRecord> rebalances = records(day).stream().filter(CycleRecord::rebalanced).toList();
        ExecutionService service = new ExecutionService(stores);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "batch-execute");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Executed>> futures = new ArrayList<>();
            for (CycleRecord r : rebalances) {
                futures.add(pool.submit(() -> execute(service, r)));
            }
            List<Executed> out = new ArrayList<>();
            for (Future<Executed> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("an execution worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Executed execute(ExecutionService service, CycleRecord r) {
        try {
            ExecutionOutcome o = service.execute(r.cycleId());
            Execution e = o.execution();
            return new Executed(r.portfolioId(), r.cycleId(), o.alreadyExecuted() ? "ALREADY_EXECUTED" : "EXECUTED",
                    e.fills().size(), null);
        } catch (DoNotTradeException e) {
            return new Executed(r.portfolioId(), r.cycleId(), "DO_NOT_TRADE", 0, null);
        } catch (RuntimeException e) {
            return new Executed(r.portfolioId(), r.cycleId(), "FAILED", 0,
                    e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** The live decisions of {@code day}, by portfolio. */
    private List<CycleRecord> records(LocalDate day) {
        List<CycleRecord> out = new ArrayList<>();
        for (DecisionLog.LiveRef ref : stores.decisions().liveRefs()) {
            if (ref.asOf().equals(day)) {
                stores.decisions().find(ref.cycleId()).ifPresent(json -> out.add(RecordJson.read(json, CycleRecord.class)));
            }
        }
        out.sort(Comparator.comparing(CycleRecord::portfolioId).thenComparing(CycleRecord::cycleId));
        return out;
    }
}
