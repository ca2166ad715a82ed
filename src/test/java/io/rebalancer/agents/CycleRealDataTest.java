package io.rebalancer.agents;

import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.*;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.testsupport.SharedMarketData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class CycleRealDataTest {
    static PortfolioDefinition seedPortfolio() {
        List<TargetWeight> t = new ArrayList<>();
        String[][] rows = {{"AAPL", "Technology", "10"}, {"MSFT", "Technology", "10"}, {"GOOGL", "Technology", "10"},
                {"NVDA", "Technology", "8"}, {"META", "Technology", "7"}, {"XLK", "Technology", "10"},
                {"XOM", "Energy", "4"}, {"CVX", "Energy", "4"}, {"COP", "Energy", "2"}, {"XLE", "Energy", "2"},
                {"SPY", "Benchmarks", "15"}, {"QQQ", "Benchmarks", "13"}, {"IWM", "Benchmarks", "5"}};
        for (String[] r : rows) {
            t.add(TargetWeight.of(r[0], r[1], Double.parseDouble(r[2]) / 100));
        }
        return new PortfolioDefinition("PORT_A_TechGrowth", new BigDecimal("1000000"), LocalDate.of(2024, 1, 2),
                Ticker.of("SPY"), t, Thresholds.seedDefaults(), new ThresholdBounds(0.02, 0.05),
                new CostModel(1, 2, 0.1));
    }

    @Test
    void run_seedPortfolioOn20241212_printsSomething() {
        PriceHistory all = SharedMarketData.history();
        LocalDate asOf = LocalDate.of(2024, 12, 12);
        PriceHistory h = all.upTo(all.indexOf(asOf));
        PortfolioDefinition p = seedPortfolio();
        int start = all.indexOf(p.inception());
        Map<Ticker, Double> shares = new HashMap<>();
        double cash = 1_000_000;
        for (TargetWeight tw : p.targets()) {
            double close = all.close(tw.ticker().symbol(), start);
            double n = Math.floor(tw.weight() * 1_000_000 / close);
            shares.put(tw.ticker(), n);
            cash -= n * close;
        }
        CycleInput in = new CycleInput(p, asOf, h, PriceBasis.CLOSE, shares, cash,
                SharedMarketData.vix().get(asOf), 0.5, null, AgentMemory.fresh(), List.of(), true);
        Cycle cycle = new Cycle(DroolsRuleEngine.load(Path.of("rules")));
        CycleRecord r = cycle.run(in, null);
        System.out.println(r.monitor().portfolioDrift());
        System.out.println(r.monitor().triggers());
        System.out.println(r.monitor().regime());
        if (r.analysis() != null) {
            r.analysis().scenarios().forEach(s -> System.out.println(s.type() + " " + s.metrics().tradeCount() + " turnover "
                    + s.metrics().turnover() + " score " + s.score() + " vetoes " + s.vetoes()));
        }
        System.out.println(r.decision());
        r.firedRules().forEach(System.out::println);
        long t0 = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            cycle.run(in, null);
        }
        System.out.println("warm cycle ms " + (System.nanoTime() - t0) / 1e6 / 200);
        assertNotNull(r.decision());
    }
}
