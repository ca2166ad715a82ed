package io.rebalancer.evaluation;

import io.rebalancer.agents.Cycle;
import io.rebalancer.analytics.ReturnStats;
import io.rebalancer.backtest.BacktestContext;
import io.rebalancer.backtest.BacktestEngine;
import io.rebalancer.backtest.BacktestListener;
import io.rebalancer.backtest.BacktestResult;
import io.rebalancer.backtest.BacktestService;
import io.rebalancer.backtest.LearnedState;
import io.rebalancer.backtest.StrategyMetrics;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.market.PortfolioJson;
import io.rebalancer.service.NotFoundException;
import io.rebalancer.store.Stores;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a suite's samples one after the other in this process, on one rule engine (the {@link Cycle}) and one
 * store: the agent and the baselines of each sample, as {@code backtest} would, but without storing the run.
 * A sample whose {@code backtest_data} directory has its own prices runs on an in-memory store seeded from it
 * (opened once per directory by {@code seededStore}, closed at the end).
 */
public final class SuiteRunner {
    /** Hears about each sample as it runs. */
    public interface Listener {
        default void sampleStarted(int index, int count, SampleSpec sample) {
        }

        /** The whole backtest result of the sample, for exports; not kept by the runner. */
        default void sampleFinished(int index, int count, SampleResult result, BacktestResult backtest) {
        }
    }

    private final Stores stores;
    private final Path storeData;
    private final Function<Path, Stores> seededStore;

    /**
     * @param stores      the suite's store
     * @param storeData   the backtest-data directory that store was seeded from (samples naming it use the store)
     * @param seededStore opens an in-memory store seeded from a backtest-data directory
     */
    public SuiteRunner(Stores stores, Path storeData, Function<Path, Stores> seededStore) {
        this.stores = stores;
        this.storeData = storeData == null ? null : storeData.toAbsolutePath().normalize();
        this.seededStore = seededStore;
    }

    public SuiteResult run(SuiteSpec suite, Cycle cycle, Listener listener) {
        long t0 = System.nanoTime();
        Map<Path, Stores> opened = new HashMap<>();
        List<SampleResult> results = new ArrayList<>();
        try {
            int n = suite.samples().size();
            for (int i = 0; i < n; i++) {
                SampleSpec s = suite.samples().get(i);
                listener.sampleStarted(i, n, s);
                Run r = runSample(s, suite.crraGamma(), cycle, opened);
                results.add(r.result);
                listener.sampleFinished(i, n, r.result, r.backtest);
            }
        } finally {
            opened.values().forEach(Stores::close);
        }
        return SuiteResult.of(suite, cycle.rulesHash(), results, (System.nanoTime() - t0) / 1_000_000);
    }

    private record Run(SampleResult result, BacktestResult backtest) {
    }

    /**
     * A sample made ready to replay: its portfolio and the prepared contexts of its period and (walk-forward) its
     * warm-up, prices read from the store and decoded. Immutable, so one instance serves every rule set whose
     * outcome horizon is the same (the horizon is part of the contexts' settings): a sweep prepares each sample
     * once per executor instead of once per task.
     *
     * @param warmUp the warm-up period's context, or null for a sample without one
     */
    public record Prepared(SampleSpec spec, PortfolioDefinition portfolio, BacktestContext warmUp,
                           BacktestContext period) {
    }

    /** Prepares {@code s} for {@code cycle}'s outcome horizon (a store opened for the sample is closed again). */
    public Prepared prepare(SampleSpec s, Cycle cycle) {
        Map<Path, Stores> opened = new HashMap<>();
        try {
            return prepare(s, cycle, opened);
        } finally {
            opened.values().forEach(Stores::close);
        }
    }

    private Prepared prepare(SampleSpec s, Cycle cycle, Map<Path, Stores> opened) {
        Stores sampleStores = storesFor(s, opened);
        PortfolioDefinition portfolio = portfolio(s, sampleStores);
        BacktestService service = new BacktestService(sampleStores);
        BacktestContext warm = s.warmUpFrom() == null ? null : prepare(service, s, portfolio, true, cycle);
        return new Prepared(s, portfolio, warm, prepare(service, s, portfolio, false, cycle));
    }

    /**
     * The agent alone over a prepared sample (its warm-up first, as {@link #run} does): the same agent metrics as
     * {@link #run} gives for the sample, without replaying the baselines, whose figures do not depend on the rules.
     * The result holds the agent's strategy only.
     */
    public SampleResult runAgent(Prepared p, double gamma, Cycle cycle) {
        String runId = runId(p.spec());
        Warm w = warmUp(p, cycle, runId);
        BacktestResult.StrategyResult agent = BacktestEngine.runAgent(p.period(), cycle, runId, w.initial);
        Map<String, StrategyMetrics> metrics = new LinkedHashMap<>();
        metrics.put(agent.name(), withCertaintyEquivalent(agent, gamma));
        return new SampleResult(p.spec(), p.portfolio().id(), p.period().date(0),
                p.period().date(p.period().days() - 1), p.period().days(), metrics, w.days,
                w.initial.outcomeCount(), w.initial.memory().persistentOffset());
    }

    /**
     * The six baselines over a prepared sample's period, by name ({@code certaintyEquivalent} at {@code gamma}): the
     * same figures {@link #run} gives them, without an agent.
     */
    public Map<String, StrategyMetrics> runBaselines(Prepared p, double gamma) {
        Map<String, StrategyMetrics> metrics = new LinkedHashMap<>();
        BacktestEngine.runBaselines(p.period()).forEach((name, sr) -> metrics.put(name,
                withCertaintyEquivalent(sr, gamma)));
        return metrics;
    }

    private record Warm(LearnedState initial, int days) {
    }

    private static String runId(SampleSpec s) {
        return "suite-" + s.id();
    }

    private static Warm warmUp(Prepared p, Cycle cycle, String runId) {
        if (p.warmUp() == null) {
            return new Warm(LearnedState.fresh(), 0);
        }
        return new Warm(BacktestEngine.learn(p.warmUp(), cycle, runId + "-warm-up", LearnedState.fresh()),
                p.warmUp().days());
    }

    private static StrategyMetrics withCertaintyEquivalent(BacktestResult.StrategyResult sr, double gamma) {
        return withCertaintyEquivalent(sr.metrics(), ReturnStats.certaintyEquivalent(
                ReturnStats.simpleReturns(sr.unitValue()), gamma));
    }

    private Run runSample(SampleSpec s, double gamma, Cycle cycle, Map<Path, Stores> opened) {
        Prepared p = prepare(s, cycle, opened);
        String runId = runId(s);
        Warm w = warmUp(p, cycle, runId);
        BacktestResult r = BacktestEngine.run(p.period(), cycle, runId, new BacktestListener() { }, w.initial);
        Map<String, StrategyMetrics> metrics = new LinkedHashMap<>();
        r.strategies().forEach((name, sr) -> metrics.put(name, withCertaintyEquivalent(sr, gamma)));
        SampleResult result = new SampleResult(s, p.portfolio().id(), r.from(), r.to(), r.dates().size(), metrics,
                w.days, w.initial.outcomeCount(), w.initial.memory().persistentOffset());
        return new Run(result, r);
    }

    private static BacktestContext prepare(BacktestService service, SampleSpec s, PortfolioDefinition p,
                                           boolean warmUp, Cycle cycle) {
        try {
            return service.prepare((warmUp ? s.warmUpRequest() : s.request()).withRulesHorizon(cycle), p);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sample " + s.id() + (warmUp ? " (warm-up)" : "") + ": "
                    + e.getMessage(), e);
        }
    }

    private Stores storesFor(SampleSpec s, Map<Path, Stores> opened) {
        Path data = s.backtestData();
        if (data == null || !Files.isDirectory(data.resolve("prices"))) {
            return stores;
        }
        Path key = data.toAbsolutePath().normalize();
        if (key.equals(storeData)) {
            return stores;
        }
        return opened.computeIfAbsent(key, seededStore);
    }

    private static PortfolioDefinition portfolio(SampleSpec s, Stores stores) {
        if (s.backtestData() != null) {
            Path file = s.backtestData().resolve("portfolios").resolve(s.portfolio() + ".json");
            if (Files.isRegularFile(file)) {
                return PortfolioJson.read(file);
            }
        }
        return stores.portfolios().definition(s.portfolio()).orElseThrow(() -> new NotFoundException("sample "
                + s.id() + ": no portfolio '" + s.portfolio() + "'"
                + (s.backtestData() == null ? "" : " in " + s.backtestData().resolve("portfolios") + " or")
                + " in the store"));
    }

    static StrategyMetrics withCertaintyEquivalent(StrategyMetrics m, double ce) {
        return new StrategyMetrics(m.finalNav(), m.cagr(), m.volatility(), m.sharpe(), m.sharpeArithmetic(),
                m.sortino(), m.calmar(), m.maxDrawdown(), m.var95Historical(), m.cvar95(), m.var95Gaussian(),
                m.var95CornishFisher(), m.beta(), m.turnover(), m.trades(), m.costs(), m.rebalances(),
                m.avgAbsDrift(), m.maxAbsDrift(), m.trackingError(), ce, m.tearSheet());
    }
}
