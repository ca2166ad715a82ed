package io.rebalancer.sweep;

import io.rebalancer.agents.Cycle;
import io.rebalancer.backtest.StrategyMetrics;
import io.rebalancer.evaluation.SampleResult;
import io.rebalancer.evaluation.SampleSpec;
import io.rebalancer.evaluation.SuiteResult;
import io.rebalancer.evaluation.SuiteRunner;
import io.rebalancer.evaluation.SuiteSpec;
import io.rebalancer.rules.RuleEngine;
import io.rebalancer.rules.variant.RuleVariant;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Runs sweep tasks in this process with {@code backtest suite}'s {@link SuiteRunner} (one sample per task, the
 * agent and baselines replayed as the suite does). The rule engine of a variant comes from {@code engines}, which
 * is called at most once per variant and process: with a parameterised rule set it hands out the one compiled
 * model with the variant's table values; otherwise a model compiled from the variant's own rules.
 * Thread-safe: Spark runs several tasks of one executor at once.
 */
public final class SweepRunner {
    private final SweepSpec spec;
    private final SuiteRunner suiteRunner;
    private final Function<RuleVariant, RuleEngine> engines;
    private final List<RuleVariant> variants;
    private final Map<String, Cycle> cycles = new ConcurrentHashMap<>();

    public SweepRunner(SweepSpec spec, SuiteRunner suiteRunner, Function<RuleVariant, RuleEngine> engines) {
        this.spec = spec;
        this.suiteRunner = suiteRunner;
        this.engines = engines;
        this.variants = spec.variants();
    }

    public SweepSpec spec() {
        return spec;
    }

    public SweepRow run(SweepTask task) {
        long t0 = System.nanoTime();
        RuleVariant v = variants.get(task.variant());
        SampleSpec sample = spec.suite().samples().get(task.sample());
        Cycle cycle = cycles.computeIfAbsent(v.id(), id -> new Cycle(engines.apply(v)));
        SuiteSpec one = new SuiteSpec(spec.suite().name() + "-" + v.id() + "-" + sample.id(),
                spec.suite().crraGamma(), spec.suite().sharpeTolerance(), List.of(sample));
        SuiteResult r = suiteRunner.run(one, cycle, new SuiteRunner.Listener() { });
        SampleResult s = r.samples().get(0);
        StrategyMetrics a = s.agent();
        return new SweepRow(v.id(), v.label(), v.axisValues(), cycle.rulesHash(), sample.id(), s.portfolioId(),
                s.from().toString(), s.to().toString(), s.days(), a.finalNav(), a.cagr(), a.volatility(), a.sharpe(),
                a.maxDrawdown(), a.turnover(), a.trades(), a.costs(), a.rebalances(), a.trackingError(),
                a.certaintyEquivalent(), a.avgAbsDrift(), a.maxAbsDrift(), (System.nanoTime() - t0) / 1_000_000);
    }
}
