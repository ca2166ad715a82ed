package io.rebalancer.bench;

import io.rebalancer.agents.Cycle;
import io.rebalancer.backtest.LiveOutcomes;
import io.rebalancer.backtest.RegretScorer;
import io.rebalancer.market.BacktestDataSeeder;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.service.LiveCycleService;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.mongo.MongoStores;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark, not a test: live cycles in one long-lived process, as {@code watch} runs them (load prices, holdings
 * and state from the store, run, record, score matured decisions), one per trading day of a year, on an embedded
 * store in DIR (created and seeded when empty). Run (see docs/BENCHMARKS.md):
 * {@code java -cp "target/classes:target/test-classes:target/lib/*" io.rebalancer.bench.LiveLoopBenchmark DIR 2024}
 */
public final class LiveLoopBenchmark {
    private LiveLoopBenchmark() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int year = Integer.parseInt(args[1]);
        try (Stores stores = MongoStores.open(StoreConfig.embeddedFile(dir))) {
            BacktestDataSeeder.seedIfEmpty(stores, Path.of("backtest-data"));
            LiveCycleService live = new LiveCycleService(stores, new Cycle(DroolsRuleEngine.load(Path.of("rules"))),
                    new LiveOutcomes(stores, RegretScorer.DEFAULT_HORIZON, RegretScorer.DEFAULT_LAMBDA));
            List<LocalDate> days = stores.prices().tradingDays(LocalDate.of(year, 1, 2), LocalDate.of(year, 12, 31));
            long start = System.nanoTime();
            for (LocalDate day : days) {
                live.run("PORT_A_TechGrowth", day);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%d live cycles in %.1f s, %.0f ms each%n", days.size(), seconds,
                    seconds * 1000 / days.size());
        }
    }
}
