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

    private Run runSample(SampleSpec s, double gamma, Cycle cycle, Map<Path, Stores> opened) {
        Stores sampleStores = storesFor(s, opened);
        PortfolioDefinition portfolio = portfolio(s, sampleStores);
        BacktestService service = new BacktestService(sampleStores);
        String runId = "suite-" + s.id();
        LearnedState initial = LearnedState.fresh();
        int warmUpDays = 0;
        if (s.warmUpFrom() != null) {
            BacktestContext warm = prepare(service, s, portfolio, true, cycle);
            initial = BacktestEngine.learn(warm, cycle, runId + "-warm-up", initial);
            warmUpDays = warm.days();
        }
        BacktestContext ctx = prepare(service, s, portfolio, false, cycle);
        BacktestResult r = BacktestEngine.run(ctx, cycle, runId, new BacktestListener() { }, initial);
        Map<String, StrategyMetrics> metrics = new LinkedHashMap<>();
        r.strategies().forEach((name, sr) -> metrics.put(name,
                withCertaintyEquivalent(sr.metrics(), ReturnStats.certaintyEquivalent(
                        ReturnStats.simpleReturns(sr.unitValue()), gamma))));
        SampleResult result = new SampleResult(s, portfolio.id(), r.from(), r.to(), r.dates().size(), metrics,
                warmUpDays, initial.outcomeCount(), initial.memory().persistentOffset());
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
