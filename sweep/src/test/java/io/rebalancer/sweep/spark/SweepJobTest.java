package io.rebalancer.sweep.spark;

import io.rebalancer.agents.Cycle;
import io.rebalancer.evaluation.SuiteFile;
import io.rebalancer.evaluation.SuiteResult;
import io.rebalancer.evaluation.SuiteRunner;
import io.rebalancer.evaluation.SuiteSpec;
import io.rebalancer.market.BacktestDataSeeder;
import io.rebalancer.rules.drools.CompiledRuleCache;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.rules.drools.TableSheet;
import io.rebalancer.rules.variant.RuleVariant;
import io.rebalancer.rules.variant.VariantRules;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.mongo.MongoStores;
import io.rebalancer.sweep.SweepRow;
import io.rebalancer.sweep.SweepSpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A two-variant sweep on local[2]: the turnover cap of LOW_VOL, MODERATE and HIGH_VOL at 20 % (the shipped value)
 * and at 0.5 %, on PORT_A over 2019 H1. The
 * expected figures are not the sweep's own: the shipped variant must match a plain suite run of the shipped rules
 * directory (what {@code backtest suite} does), and the 0.5 % variant a run of a rules copy with 0.5 written into
 * the cells and compiled on its own (its own rule model), so the shared model's global values are checked against
 * values compiled in.
 */
class SweepJobTest {
    static final Path ROOT = Path.of(System.getProperty("rebalancer.root", "..")).toAbsolutePath().normalize();
    static final Path TARGET = Path.of("target").toAbsolutePath();
    static SparkSession spark;
    static SweepJob.Outcome outcome;
    static SweepConfig cfg;

    @BeforeAll
    static void runSweep() throws Exception {
        Path res = Path.of("src/test/resources").toAbsolutePath();
        Path out = Files.createDirectories(TARGET.resolve("sweep-test"));
        cfg = new SweepConfig(res.resolve("tiny-sweep.json").toString(), ROOT.resolve("rules").toString(),
                ROOT.resolve("backtest-data").toString(), SweepConfig.SHARED, out.resolve("work").toString());
        spark = SparkSession.builder().master("local[2]").appName("sweep-test").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        outcome = SweepJob.run(spark, cfg, out);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        SweepExecutor.closeAll();
    }

    private static Map<String, SweepRow> byVariant() {
        return outcome.rows().stream().collect(Collectors.toMap(SweepRow::variantId, r -> r));
    }

    @Test
    void run_shippedValueVariant_sameSharpeAsPlainSuiteRunOfShippedRules() {
        SuiteSpec suite = SuiteFile.read(Path.of("src/test/resources/tiny-suite.json"));
        try (Stores stores = MongoStores.open(StoreConfig.inMemory())) {
            BacktestDataSeeder.seed(stores, ROOT.resolve("backtest-data"));
            Cycle shipped = new Cycle(DroolsRuleEngine.load(ROOT.resolve("rules"), CompiledRuleCache.inProcess()));
            SuiteResult plain = new SuiteRunner(stores, ROOT.resolve("backtest-data"), p -> {
                throw new AssertionError();
            }).run(suite, shipped, new SuiteRunner.Listener() { });
            SweepRow v000 = byVariant().get("v000");
            assertEquals(20.0, v000.axisValues().get("max_turnover"));
            assertEquals(plain.samples().get(0).agent().sharpe(), v000.sharpe(), 1e-12);
            assertEquals(plain.samples().get(0).agent().finalNav(), v000.finalNav(), 1e-6);
            assertEquals(plain.samples().get(0).agent().trades(), v000.trades());
        }
    }

    @Test
    void run_overriddenValueVariant_sameAsRulesCompiledWithThatValue() throws Exception {
        SweepSpec spec = SweepExecutor.runner(cfg).spec();
        RuleVariant v001 = spec.variants().get(1);
        Path dir = TARGET.resolve("sweep-test-literal");
        VariantRules.literal(ROOT.resolve("rules"), spec.grid(), v001, dir);
        // J10, the LOW_VOL Max turnover (%) cell of the workbook, as Drools reads it
        assertEquals("0.5", TableSheet.read(dir.resolve("thresholds.drl.xlsx")).get(0).cell(9, 9));
        try (Stores stores = MongoStores.open(StoreConfig.inMemory())) {
            BacktestDataSeeder.seed(stores, ROOT.resolve("backtest-data"));
            Cycle literal = new Cycle(DroolsRuleEngine.load(dir, CompiledRuleCache.inProcess()));
            SuiteResult r = new SuiteRunner(stores, ROOT.resolve("backtest-data"), p -> {
                throw new AssertionError();
            }).run(spec.suite(), literal, new SuiteRunner.Listener() { });
            SweepRow row = byVariant().get("v001");
            assertEquals(r.samples().get(0).agent().sharpe(), row.sharpe(), 1e-12);
            assertEquals(r.samples().get(0).agent().trades(), row.trades());
            // on the #10 rules 2019 H1 has no band breach past the first day, so no value of this grid changes the
            // path here; that the global's values are read is shown by the literal comparison above only when a
            // sample's path depends on them (TODO: a sample with a band breach)
            assertNotEquals(row.rulesHash(), byVariant().get("v000").rulesHash());
        }
    }

    @Test
    void run_twoVariants_parquetRowsAndComparisonPageWritten() throws Exception {
        Dataset<Row> parquet = spark.read().parquet(outcome.out().resolve("results.parquet").toString());
        assertEquals(2, parquet.count());
        assertEquals(2, outcome.partitions());
        assertTrue(java.util.Arrays.asList(parquet.columns()).contains("max_turnover"));
        String html = Files.readString(outcome.out().resolve("sweep.html"));
        assertTrue(html.contains("<td>0.5</td>") && html.contains("<td>20</td>"), html);
        assertEquals(1, outcome.ranking().get(0).rank());
        assertTrue(outcome.ranking().get(0).sharpe() >= outcome.ranking().get(1).sharpe());
    }
}
