package io.rebalancer.sweep;

import io.rebalancer.agents.Cycle;
import io.rebalancer.backtest.BacktestRequest;
import io.rebalancer.backtest.Baselines;
import io.rebalancer.backtest.StrategyMetrics;
import io.rebalancer.evaluation.SampleResult;
import io.rebalancer.evaluation.SampleSpec;
import io.rebalancer.evaluation.SuiteRunner;
import io.rebalancer.evaluation.TargetCheck;
import io.rebalancer.optimise.TrackingErrorOptimiser;
import io.rebalancer.rules.RuleEngine;
import io.rebalancer.rules.variant.RuleVariant;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Runs sweep tasks in this process with {@code backtest suite}'s {@link SuiteRunner}, one sample per task: the
 * agent of the task's variant over the sample, with what every variant of that sample shares kept for the process
 * (an executor) rather than redone per task:
 * <ul>
 *   <li>the rule engine of a variant comes from {@code engines}, called at most once per variant and process: with
 *       a parameterised rule set the one compiled model with the variant's table values, otherwise a model
 *       compiled from the variant's own rules;</li>
 *   <li>each sample is prepared (prices read from the store and decoded, {@link SuiteRunner.Prepared}) once per
 *       outcome horizon;</li>
 *   <li>the six baselines are not replayed: a sweep row holds the agent's figures only, and the baselines' are the
 *       same for every variant ({@link SuiteRunner#runAgent});</li>
 *   <li>OPTIMAL's optimiser is one {@link TrackingErrorOptimiser.Memo} for all variants: until their decisions
 *       part, the variants of a sample solve the same problems.</li>
 * </ul>
 * None of this changes a figure: each is the same computation on the same inputs, done once. Thread-safe: Spark
 * runs several tasks of one executor at once.
 */
public final class SweepRunner {
    /** Memo entries kept before it starts afresh (about 1.5 KB each for a 13-asset portfolio). */
    static final int MEMO_CAPACITY = 50_000;

    private final SweepSpec spec;
    private final SuiteRunner suiteRunner;
    private final Function<RuleVariant, RuleEngine> engines;
    private final List<RuleVariant> variants;
    private final Map<String, Cycle> cycles = new ConcurrentHashMap<>();
    private final Map<PreparedKey, SuiteRunner.Prepared> prepared = new ConcurrentHashMap<>();
    private final TrackingErrorOptimiser.Memo optimiser = new TrackingErrorOptimiser.Memo(MEMO_CAPACITY);

    /** A sample as prepared: its index and its request with the rules' outcome horizon resolved. */
    private record PreparedKey(int sample, BacktestRequest request) {
    }

    public SweepRunner(SweepSpec spec, SuiteRunner suiteRunner, Function<RuleVariant, RuleEngine> engines) {
        this.spec = spec;
        this.suiteRunner = suiteRunner;
        this.engines = engines;
        this.variants = spec.variants();
    }

    public SweepSpec spec() {
        return spec;
    }

    /** The optimiser memo shared by this runner's variants (its hit count says how much it saved). */
    public TrackingErrorOptimiser.Memo optimiserMemo() {
        return optimiser;
    }

    /**
     * The baselines of sample {@code sampleIndex} (annual's and band_abs_3's figures), prepared as its tasks are:
     * they do not depend on the rules, so any variant's preparation serves.
     */
    public SweepBaseline baseline(int sampleIndex) {
        SampleSpec sample = spec.suite().samples().get(sampleIndex);
        Cycle cycle = cycle(variants.get(0));
        SuiteRunner.Prepared p = prepared(sampleIndex, sample, cycle);
        Map<String, StrategyMetrics> m = suiteRunner.runBaselines(p, spec.suite().crraGamma());
        return new SweepBaseline(sample.id(), TargetCheck.Figures.of(m.get(Baselines.ANNUAL)),
                TargetCheck.Figures.of(m.get(Baselines.BAND_ABS_3)));
    }

    private Cycle cycle(RuleVariant v) {
        return cycles.computeIfAbsent(v.id(), id -> new Cycle(engines.apply(v), optimiser));
    }

    private SuiteRunner.Prepared prepared(int sampleIndex, SampleSpec sample, Cycle cycle) {
        return prepared.computeIfAbsent(new PreparedKey(sampleIndex, sample.request().withRulesHorizon(cycle)),
                k -> suiteRunner.prepare(sample, cycle));
    }

    public SweepRow run(SweepTask task) {
        long t0 = System.nanoTime();
        RuleVariant v = variants.get(task.variant());
        SampleSpec sample = spec.suite().samples().get(task.sample());
        Cycle cycle = cycle(v);
        SuiteRunner.Prepared p = prepared(task.sample(), sample, cycle);
        SampleResult s = suiteRunner.runAgent(p, spec.suite().crraGamma(), cycle);
        StrategyMetrics a = s.agent();
        return new SweepRow(v.id(), v.label(), v.axisValues(), cycle.rulesHash(), sample.id(), s.portfolioId(),
                s.from().toString(), s.to().toString(), s.days(), a.finalNav(), a.cagr(), a.volatility(), a.sharpe(),
                a.maxDrawdown(), a.turnover(), a.trades(), a.costs(), a.rebalances(), a.trackingError(),
                a.certaintyEquivalent(), a.avgAbsDrift(), a.maxAbsDrift(), (System.nanoTime() - t0) / 1_000_000);
    }
}
