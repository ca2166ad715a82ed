package io.rebalancer.backtest;

import io.rebalancer.agents.Cycle;
import io.rebalancer.backtest.BacktestResult.AgentDay;
import io.rebalancer.backtest.BacktestResult.StrategyResult;
import io.rebalancer.backtest.BacktestResult.Timings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one backtest over a {@link BacktestContext}: the baselines first (cheap), then the agent day by day
 * (with, when asked, a no-learning agent on a second thread), sending each day's snapshot and each decision to
 * the sink as it goes. Pure computation apart from the sink and listener.
 */
public final class BacktestEngine {
    private BacktestEngine() {
    }

    public static BacktestResult run(BacktestContext ctx, Cycle cycle, String runId, BacktestListener listener) {
        return run(ctx, cycle, runId, listener, BacktestSink.NONE, 0);
    }

    /** A run whose agent starts from {@code initial} (walk-forward); nothing is stored. */
    public static BacktestResult run(BacktestContext ctx, Cycle cycle, String runId, BacktestListener listener,
                                     LearnedState initial) {
        return run(ctx, cycle, runId, listener, BacktestSink.NONE, 0, initial);
    }

    /**
     * Runs the agent alone (no baselines, nothing stored) over the context, from {@code initial}, and returns what
     * it learned: the warm-up period of a walk-forward sample.
     */
    public static LearnedState learn(BacktestContext ctx, Cycle cycle, String runId, LearnedState initial) {
        AgentRun agent = new AgentRun(ctx, cycle, ctx.settings().learning(), runId, BacktestResult.AGENT, initial);
        agent.run(k -> { }, o -> { });
        return agent.learned();
    }

    /**
     * The agent alone over the context, from {@code initial}, nothing stored: exactly the agent's result of
     * {@link #run(BacktestContext, Cycle, String, BacktestListener, LearnedState)} (the baselines never touch the
     * agent's book or metrics), without replaying the six baselines. For sweeps, where only the agent's figures of
     * each variant are wanted.
     */
    public static StrategyResult runAgent(BacktestContext ctx, Cycle cycle, String runId, LearnedState initial) {
        AgentRun agent = new AgentRun(ctx, cycle, ctx.settings().learning(), runId, BacktestResult.AGENT, initial);
        agent.run(k -> { }, o -> { });
        return result(agent.ledger, ctx.runDates(), ctx.rfReturns(), ctx.benchmarkReturns(), ctx.targetReturns());
    }

    /**
     * The six baselines alone over the context, nothing stored: exactly their results of a full run, which do not
     * depend on the rules. For sweeps, which compare every variant's agent with the same baselines.
     */
    public static Map<String, StrategyResult> runBaselines(BacktestContext ctx) {
        Map<String, StrategyResult> out = new LinkedHashMap<>();
        for (String name : Baselines.NAMES) {
            out.put(name, result(baseline(ctx, name), ctx.runDates(), ctx.rfReturns(), ctx.benchmarkReturns(),
                    ctx.targetReturns()));
        }
        return out;
    }

    static BacktestResult run(BacktestContext ctx, Cycle cycle, String runId, BacktestListener listener,
                              BacktestSink sink, long loadMillis) {
        return run(ctx, cycle, runId, listener, sink, loadMillis, LearnedState.fresh());
    }

    private static BacktestResult run(BacktestContext ctx, Cycle cycle, String runId, BacktestListener listener,
                                      BacktestSink sink, long loadMillis, LearnedState initial) {
        long t0 = System.nanoTime();
        int n = ctx.days();
        listener.started(runId, ctx.date(0), ctx.date(n - 1), n);
        List<StrategyLedger> baselines = new ArrayList<>();
        for (String name : Baselines.NAMES) {
            baselines.add(baseline(ctx, name));
        }
        long baselineNanos = System.nanoTime() - t0;

        AgentRun agent = new AgentRun(ctx, cycle, ctx.settings().learning(), runId, BacktestResult.AGENT, initial);
        List<AgentRun> agents = new ArrayList<>();
        agents.add(agent);
        long[] snapshotNanos = new long[1];
        ExecutorService second = null;
        try {
            Future<AgentRun> noLearning = null;
            if (ctx.settings().withNoLearning()) {
                second = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "backtest-no-learning");
                    t.setDaemon(true);
                    return t;
                });
                noLearning = second.submit(() -> {
                    AgentRun run = new AgentRun(ctx, cycle, false, runId, BacktestResult.AGENT_NO_LEARNING);
                    run.run(k -> { }, o -> { });
                    return run;
                });
            }
            runAgent(ctx, agent, baselines, listener, sink, snapshotNanos);
            if (noLearning != null) {
                agents.add(noLearningResult(noLearning));
            }
        } finally {
            // also when the agent threw: stops the no-learning agent, whose idle thread would otherwise live on
            if (second != null) {
                second.shutdownNow();
            }
        }

        double[] rf = ctx.rfReturns();
        double[] bench = ctx.benchmarkReturns();
        double[] atTarget = ctx.targetReturns();
        Map<String, StrategyResult> strategies = new LinkedHashMap<>();
        for (AgentRun a : agents) {
            strategies.put(a.name(), result(a.ledger, ctx.runDates(), rf, bench, atTarget));
        }
        for (StrategyLedger b : baselines) {
            strategies.put(b.name, result(b, ctx.runDates(), rf, bench, atTarget));
        }
        long total = (System.nanoTime() - t0) / 1_000_000 + loadMillis;
        Timings timings = new Timings(total, loadMillis, agent.cycleNanos / 1_000_000, agent.regretNanos / 1_000_000,
                baselineNanos / 1_000_000, snapshotNanos[0] / 1_000_000, agent.cycles, agent.cycleCpuNanos / 1_000_000);
        return new BacktestResult(runId, ctx.portfolio(), cycle.rulesHash(), ctx.date(0), ctx.date(n - 1),
                ctx.settings(), ctx.tickers(), ctx.targets(), ctx.runDates(), strategies, agent.days, agent.decisions,
                agent.thresholdChanges, agent.outcomes.summary(), timings);
    }

    /** Runs the agent day by day, sending each day's snapshot and each decision to {@code sink}. */
    private static void runAgent(BacktestContext ctx, AgentRun agent, List<StrategyLedger> baselines,
                                 BacktestListener listener, BacktestSink sink, long[] snapshotNanos) {
        int n = ctx.days();
        List<StrategyLedger> snapshotStrategies = new ArrayList<>();
        snapshotStrategies.add(agent.ledger);
        snapshotStrategies.addAll(baselines);
        agent.run(k -> {
            long s = System.nanoTime();
            int d = ctx.start() + k;
            AgentDay day = agent.days.get(k);
            sink.snapshot(day.date(), () -> SnapshotCodec.write(day.date(), ctx.market().rf(d), ctx.benchmarkAdj(d),
                    ctx.tickers(), ctx.adjPrices(d), snapshotStrategies, k, day));
            snapshotNanos[0] += System.nanoTime() - s;
            listener.day(k, n, day.date(), day.nav());
        }, sink::decision);
    }

    private static AgentRun noLearningResult(Future<AgentRun> noLearning) {
        try {
            return noLearning.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the no-learning agent", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re
                    : new IllegalStateException("the no-learning agent failed: " + e.getCause(), e.getCause());
        }
    }

    private static StrategyResult result(StrategyLedger l, List<LocalDate> dates, double[] rf, double[] bench,
                                         double[] atTarget) {
        return new StrategyResult(l.name, l.nav, l.drift, l.rebalanceDays, l.metrics(dates, rf, bench, atTarget),
                l.unitValue());
    }

    /** One baseline over the run: at target at the first close, then its rule at every later close. */
    static StrategyLedger baseline(BacktestContext ctx, String name) {
        Baselines.Rule rule = Baselines.rule(name);
        double[] targets = ctx.targets();
        int n = ctx.days();
        StrategyLedger ledger = new StrategyLedger(name, n);
        SimPortfolio book = SimPortfolio.atTarget(targets, ctx.prices(ctx.start()), ctx.settings().initialNav());
        CashFlowEngine flows = new CashFlowEngine(ctx);
        for (int k = 0; k < n; k++) {
            int d = ctx.start() + k;
            double[] prices = ctx.prices(d);
            SimPortfolio.Fill flowFill = new SimPortfolio.Fill(book.nav(prices));
            ledger.flow(k, flows.apply(book, k, flowFill));
            ledger.fill(k, flowFill);
            if (k > 0 && rule.rebalance(ctx.date(k), ctx.date(k - 1), book.weights(prices), targets)) {
                ledger.fill(k, book.rebalanceTo(targets, prices, d, ctx.costs()));
            }
            ledger.close(k, book.nav(prices), book.drift(prices, targets));
        }
        return ledger;
    }
}
