package io.rebalancer.bench;

import io.rebalancer.agents.AgentMemory;
import io.rebalancer.agents.Cycle;
import io.rebalancer.agents.CycleInput;
import io.rebalancer.agents.PriceBasis;
import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.TargetWeight;
import io.rebalancer.domain.Ticker;
import io.rebalancer.market.PortfolioJson;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.testsupport.RepositoryMarketData;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark, not a test: one warm cycle (facts to decision, no I/O) of PORT_A_TechGrowth, holdings bought at
 * the 2023-01-03 close, on a triggered and a stable day. Run (see docs/BENCHMARKS.md):
 * {@code mvn -B -q -DskipTests package test-compile && java -cp "target/classes:target/test-classes:target/lib/*"
 * io.rebalancer.bench.CycleBenchmark 2000}
 */
public final class CycleBenchmark {
    private CycleBenchmark() {
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        PriceHistory all = RepositoryMarketData.history();
        Map<LocalDate, Double> vix = RepositoryMarketData.vix();
        Cycle cycle = new Cycle(DroolsRuleEngine.load(Path.of("rules")));
        PortfolioDefinition p = PortfolioJson.read(Path.of("backtest-data", "portfolios", "PORT_A_TechGrowth.json"));
        for (String day : List.of("2024-12-12", "2023-02-01")) {
            LocalDate asOf = LocalDate.parse(day);
            CycleInput in = input(all, vix, p, asOf);
            String verdict = cycle.run(in, null).monitor().verdict().name();
            for (int i = 0; i < iterations; i++) {
                cycle.run(in, null);
            }
            long[] samples = new long[iterations];
            for (int i = 0; i < iterations; i++) {
                long t0 = System.nanoTime();
                cycle.run(in, null);
                samples[i] = System.nanoTime() - t0;
            }
            Arrays.sort(samples);
            System.out.printf(Locale.ROOT, "%s (%s): median %.3f ms, p90 %.3f ms, p99 %.3f ms over %d warm cycles%n",
                    day, verdict, samples[iterations / 2] / 1e6, samples[iterations * 9 / 10] / 1e6,
                    samples[iterations * 99 / 100] / 1e6, iterations);
        }
    }

    private static CycleInput input(PriceHistory all, Map<LocalDate, Double> vix, PortfolioDefinition p,
                                    LocalDate asOf) {
        PriceHistory h = all.upTo(all.indexOf(asOf));
        int start = all.indexOf(LocalDate.of(2023, 1, 3));
        Map<Ticker, Double> shares = new HashMap<>();
        double cash = 1_000_000;
        for (TargetWeight tw : p.targets()) {
            double close = all.close(tw.ticker().symbol(), start);
            double n = Math.floor(tw.weight() * 1_000_000 / close);
            shares.put(tw.ticker(), n);
            cash -= n * close;
        }
        return new CycleInput(p, asOf, h, PriceBasis.CLOSE, shares, cash, vix.get(asOf), 0.5, null,
                AgentMemory.fresh(), List.of(), true);
    }
}
