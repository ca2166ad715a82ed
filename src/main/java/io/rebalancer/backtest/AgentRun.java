package io.rebalancer.backtest;

import io.rebalancer.agents.AgentMemory;
import io.rebalancer.agents.AppliedThresholdChange;
import io.rebalancer.agents.Cycle;
import io.rebalancer.agents.CycleInput;
import io.rebalancer.agents.CycleRecord;
import io.rebalancer.agents.PlannedTrade;
import io.rebalancer.agents.PriceBasis;
import io.rebalancer.backtest.BacktestResult.AgentDay;
import io.rebalancer.backtest.BacktestResult.DecisionOutcome;
import io.rebalancer.backtest.BacktestResult.ThresholdEvent;
import io.rebalancer.domain.Side;
import io.rebalancer.domain.Ticker;
import io.rebalancer.domain.Timing;
import io.rebalancer.rules.facts.EffectiveThresholds;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The agent replayed day by day. Each trading day: (1) a pending tranche of an earlier GRADUAL plan executes at
 * the close; (2) decisions whose horizon ended strictly before today are scored and (when learning) join the
 * outcome stats; (3) the full cycle runs on the state at the close with that day's facts only
 * ({@code history.upTo(day)}); (4) a REBALANCE executes at the close: IMMEDIATE in full, GRADUAL in N equal
 * daily tranches starting today (a later REBALANCE replaces the remaining tranches); DEFER trades nothing.
 */
final class AgentRun {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private final BacktestContext ctx;
    private final Cycle cycle;
    private final boolean learning;
    private final String runId;
    private final String name;

    final StrategyLedger ledger;
    final List<AgentDay> days = new ArrayList<>();
    final List<DecisionOutcome> decisions = new ArrayList<>();
    final List<ThresholdEvent> thresholdChanges = new ArrayList<>();
    final OutcomeBook outcomes;
    private final AgentMemory initialMemory;
    private AgentMemory finalMemory;
    long cycleNanos;
    long cycleCpuNanos;
    long regretNanos;
    int cycles;

    AgentRun(BacktestContext ctx, Cycle cycle, boolean learning, String runId, String name) {
        this(ctx, cycle, learning, runId, name, LearnedState.fresh());
    }

    /** An agent that starts from what an earlier run learned (walk-forward): its memory and its outcome book. */
    AgentRun(BacktestContext ctx, Cycle cycle, boolean learning, String runId, String name, LearnedState initial) {
        this.outcomes = initial.outcomes().copy();
        this.initialMemory = initial.memory();
        this.ctx = ctx;
        this.cycle = cycle;
        this.learning = learning;
        this.runId = runId;
        this.name = name;
        this.ledger = new StrategyLedger(name, ctx.days());
    }

    String name() {
        return name;
    }

    /**
     * Runs every day of the context.
     *
     * @param afterDay called with the day's index after the day is recorded
     * @param onDecision called for each decision once it is scored (or, at the end, unscored)
     */
    void run(Consumer<Integer> afterDay, Consumer<DecisionOutcome> onDecision) {
        cycle.guarded(() -> {
            runDays(afterDay, onDecision);
            return null;
        });
    }

    private void runDays(Consumer<Integer> afterDay, Consumer<DecisionOutcome> onDecision) {
        int n = ctx.days();
        int start = ctx.start();
        List<Ticker> tickers = ctx.portfolio().tickers();
        double[] targets = ctx.targets();
        SimPortfolio book = SimPortfolio.atTarget(targets, ctx.prices(start), ctx.settings().initialNav());
        AgentMemory memory = initialMemory;
        Deque<Pending> pending = new ArrayDeque<>();
        RegretScorer scorer = ctx.scorer();
        double[] tranche = null;
        int tranchesLeft = 0;
        CashFlowEngine flows = new CashFlowEngine(ctx);
        for (int k = 0; k < n; k++) {
            int d = start + k;
            double[] prices = ctx.prices(d);
            SimPortfolio.Fill fill = new SimPortfolio.Fill(book.nav(prices));
            ledger.flow(k, flows.apply(book, k, fill));
            if (tranchesLeft > 0) {
                execute(book, tranche, prices, d, fill);
                tranchesLeft--;
            }
            long t0 = System.nanoTime();
            while (!pending.isEmpty() && pending.peekFirst().day + scorer.horizon() < d) {
                Pending p = pending.removeFirst();
                DecisionOutcome o = scorer.score(p.record, p.day, ctx.adj(), ctx.history().dates(), d - 1);
                outcomes.add(o);
                decisions.add(o);
                onDecision.accept(o);
            }
            long t1 = System.nanoTime();
            regretNanos += t1 - t0;
            Map<Ticker, Double> shares = new LinkedHashMap<>();
            for (int i = 0; i < tickers.size(); i++) {
                shares.put(tickers.get(i), book.shares(i));
            }
            CycleInput in = new CycleInput(ctx.portfolio(), ctx.history().dates().get(d), ctx.history().upTo(d),
                    ctx.cashDividends() ? PriceBasis.CLOSE : PriceBasis.ADJ_CLOSE, shares, book.cash(), ctx.market().vix(d), ctx.market().vixPercentile(d),
                    ctx.market().rfReturnsUpTo(d), memory, learning ? outcomes.stats() : List.of(), false);
            long c1 = CPU.isCurrentThreadCpuTimeSupported() ? CPU.getCurrentThreadCpuTime() : 0;
            CycleRecord record = cycle.run(in, runId);
            cycleNanos += System.nanoTime() - t1;
            cycleCpuNanos += (CPU.isCurrentThreadCpuTimeSupported() ? CPU.getCurrentThreadCpuTime() : 0) - c1;
            cycles++;
            memory = record.memoryAfter();
            if (record.analysis() != null) {
                pending.addLast(new Pending(record, d));
            }
            for (AppliedThresholdChange c : record.decision().thresholdChanges()) {
                thresholdChanges.add(new ThresholdEvent(record.asOf(), RegretScorer.regime(record), c));
            }
            if (record.rebalanced()) {
                int parts = record.decision().timing() != null && record.decision().timing().timing() == Timing.GRADUAL
                        ? Math.max(1, record.decision().timing().tranches()) : 1;
                tranche = new double[tickers.size()];
                for (PlannedTrade t : record.decision().plan()) {
                    int i = ctx.tickerIndex(t.ticker());
                    tranche[i] += (t.side() == Side.BUY ? t.shares() : -t.shares()) / parts;
                }
                execute(book, tranche, prices, d, fill);
                tranchesLeft = parts - 1;
            }
            ledger.fill(k, fill);
            double nav = book.nav(prices);
            double[] w = book.weights(prices);
            double drift = SimPortfolio.drift(w, book.cash() / nav, targets);
            ledger.close(k, nav, drift);
            EffectiveThresholds e = record.monitor().thresholds();
            days.add(new AgentDay(record.asOf(), nav, book.cash(), w, drift, SimPortfolio.maxPositionDrift(w, targets),
                    e.driftCritical(), e.driftHigh(), e.driftMedium(), e.relativeBand(), RegretScorer.regime(record),
                    record.monitor().verdict(), record.decision().action(), fill.traded, fill.cost));
            afterDay.accept(k);
        }
        finalMemory = memory;
        for (Pending p : pending) {
            DecisionOutcome o = RegretScorer.unscored(p.record);
            decisions.add(o);
            onDecision.accept(o);
        }
    }

    /** What the agent knows after the run: its memory at the last close and the outcomes scored by then. */
    LearnedState learned() {
        if (finalMemory == null) {
            throw new IllegalStateException("agent " + name + " has not run yet");
        }
        return new LearnedState(finalMemory, outcomes.copy());
    }

    /** Sells first (never more than held), then buys, scaled down if cash (after costs) would go negative. */
    private void execute(SimPortfolio book, double[] delta, double[] prices, int d, SimPortfolio.Fill fill) {
        TradeCosts costs = ctx.costs();
        for (int i = 0; i < delta.length; i++) {
            if (delta[i] < 0) {
                double q = Math.max(delta[i], -book.shares(i));
                if (q != 0) {
                    double c = costs.cost(i, d, q, prices[i]);
                    book.trade(i, q, prices[i], c);
                    fill.add(-q * prices[i], c);
                }
            }
        }
        double buys = 0;
        double buyCosts = 0;
        for (int i = 0; i < delta.length; i++) {
            if (delta[i] > 0) {
                buys += delta[i] * prices[i];
                buyCosts += costs.cost(i, d, delta[i], prices[i]);
            }
        }
        double scale = 1;
        double tolerance = 1e-6 * fill.navBefore();
        if (buys > 0 && buys + buyCosts > book.cash() + tolerance) {
            scale = Math.max(0, book.cash() / (buys + buyCosts));
        }
        for (int i = 0; i < delta.length; i++) {
            if (delta[i] > 0 && scale > 0) {
                double q = delta[i] * scale;
                double c = costs.cost(i, d, q, prices[i]);
                book.trade(i, q, prices[i], c);
                fill.add(q * prices[i], c);
            }
        }
    }

    private record Pending(CycleRecord record, int day) {
    }
}
