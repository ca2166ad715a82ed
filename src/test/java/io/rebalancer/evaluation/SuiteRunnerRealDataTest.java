package io.rebalancer.evaluation;

import io.rebalancer.agents.Cycle;
import io.rebalancer.backtest.BacktestListener;
import io.rebalancer.backtest.BacktestResult;
import io.rebalancer.backtest.BacktestService;
import io.rebalancer.market.BacktestDataSeeder;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.testsupport.TightBandRules;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.open.StoreOpener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A three-sample suite on the real data: a stored portfolio, one read from suites/portfolios, a walk-forward. */
class SuiteRunnerRealDataTest {
    private static Stores stores;
    private static Cycle cycle;
    private static SuiteResult result;
    private static final List<String> started = new ArrayList<>();

    private static final SampleSpec STORED = SampleSpec.of("tech-2020q1", "PORT_A_TechGrowth",
            LocalDate.of(2020, 1, 2), LocalDate.of(2020, 3, 31));
    private static final SampleSpec FROM_FILE = new SampleSpec("balanced-2019q3", "PORT_C_Balanced",
            LocalDate.of(2019, 7, 1), LocalDate.of(2019, 9, 30), Path.of("suites").toAbsolutePath(), null, null, false,
            true, 20, 0.5, io.rebalancer.backtest.DividendMode.REINVEST);
    private static final SampleSpec WALK = new SampleSpec("tech-2019q4-after", "PORT_A_TechGrowth",
            LocalDate.of(2019, 10, 1), LocalDate.of(2019, 12, 31), null, LocalDate.of(2019, 1, 2), null, false, true,
            20, 0.5, null);

    @BeforeAll
    static void run() {
        stores = StoreOpener.open(StoreConfig.inMemory());
        BacktestDataSeeder.seedIfEmpty(stores, Path.of("backtest-data"));
        cycle = new Cycle(DroolsRuleEngine.load(TightBandRules.directory()));
        SuiteSpec spec = new SuiteSpec("test", 3, 0.005, List.of(STORED, FROM_FILE, WALK));
        result = new SuiteRunner(stores, Path.of("backtest-data"), d -> {
            throw new AssertionError("no sample has its own prices");
        }).run(spec, cycle, new SuiteRunner.Listener() {
            @Override
            public void sampleStarted(int index, int count, SampleSpec sample) {
                started.add(sample.id());
            }
        });
    }

    @AfterAll
    static void close() {
        stores.close();
    }

    @Test
    void run_samplesInOrder_eachWithTheAgentAndSixBaselines() {
        assertEquals(List.of("tech-2020q1", "balanced-2019q3", "tech-2019q4-after"), started);
        for (SampleResult s : result.samples()) {
            assertEquals(List.of("agent", "buy_and_hold", "monthly", "quarterly", "annual", "band_5_25", "band_abs_3"),
                    List.copyOf(s.strategies().keySet()));
            s.strategies().values().forEach(m -> assertTrue(m.trackingError() >= 0, s.spec().id()));
        }
        assertEquals(result.samples().size(), result.targets().size());
        assertEquals(6, result.wins().rows().size());
    }

    /**
     * Independent figure: plain Python over backtest-data/prices/*.csv adj_close (not this code), PORT_C_Balanced
     * weights x 1e6 / adj(2019-07-01) x adj(2019-09-30), summed: 995,829.8226129905.
     */
    @Test
    void run_portfolioFromSuiteDirectory_buyAndHoldMatchesIndependentPython() {
        SampleResult s = result.samples().get(1);
        assertEquals("PORT_C_Balanced", s.portfolioId());
        assertEquals(995_829.8226129905, s.strategy("buy_and_hold").finalNav(), 1e-6);
        assertFalse(stores.portfolios().definition("PORT_C_Balanced").isPresent(), "the store is not changed");
    }

    @Test
    void run_storedSample_sameFiguresAsThePlainBacktest() {
        BacktestResult plain = new BacktestService(stores).run(STORED.request(), cycle, new BacktestListener() { });
        SampleResult s = result.samples().get(0);
        assertEquals(plain.agent().metrics().sharpe(), s.agent().sharpe(), 1e-12);
        assertEquals(plain.agent().metrics().avgAbsDrift(), s.agent().avgAbsDrift(), 1e-12);
        assertEquals(plain.strategies().get("annual").metrics().maxAbsDrift(), s.strategy("annual").maxAbsDrift(),
                1e-12);
    }

    @Test
    void run_walkForward_carriesEveryOutcomeScoredInTheWarmUp() {
        SampleResult s = result.samples().get(2);
        // the plain warm-up backtest counts exactly the (non-overlapping) outcomes matured before its last day
        BacktestResult warm = new BacktestService(stores).run(WALK.warmUpRequest(), cycle, new BacktestListener() { });
        int counted = warm.outcomeSummary().stream().mapToInt(BacktestResult.OutcomeSummary::count).sum();
        assertTrue(counted > 0, "the warm-up counted outcomes");
        assertEquals(counted, s.outcomesCarried());
        assertEquals(warm.dates().size(), s.warmUpDays());
        assertEquals(LocalDate.of(2019, 10, 1), s.from());
    }

    @Test
    void runBaselines_eachSample_sameBaselineFiguresAsTheFullRun() {
        SuiteRunner runner = new SuiteRunner(stores, Path.of("backtest-data"), d -> {
            throw new AssertionError("no sample has its own prices");
        });
        for (SampleResult full : result.samples()) {
            var alone = runner.runBaselines(runner.prepare(full.spec(), cycle), 3);
            assertEquals(io.rebalancer.backtest.Baselines.NAMES, List.copyOf(alone.keySet()));
            for (String name : io.rebalancer.backtest.Baselines.NAMES) {
                assertEquals(full.strategy(name), alone.get(name), full.spec().id() + " " + name);
            }
        }
    }

    @Test
    void export_writesJsonAndHtml(@TempDir Path dir) throws Exception {
        SuiteExport.write(result, dir);
        var doc = io.rebalancer.service.RecordJson.mapper().readTree(Files.readString(dir.resolve("suite.json")));
        assertEquals(3, doc.path("samples").size());
        assertTrue(doc.path("samples").get(0).path("strategies").path("agent").path("tracking_error").isNumber());
        assertEquals(result.samples().get(2).outcomesCarried(),
                doc.path("samples").get(2).path("outcomes_carried").asInt());
        assertTrue(doc.path("wins").path("annual").path("sharpe").has("wins"));
        String html = Files.readString(dir.resolve("suite.html"));
        assertTrue(html.contains("Win table") && html.contains("tech-2019q4-after"), "html has the tables");
    }
}
