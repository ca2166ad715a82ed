package io.rebalancer.backtest;

import io.rebalancer.agents.Cycle;
import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.backtest.BacktestResult.Settings;
import io.rebalancer.domain.CostModel;
import io.rebalancer.domain.MarketDay;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.rules.RuleFiringException;
import io.rebalancer.rules.drools.CompiledRuleCache;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.service.MarketContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The threads a backtest starts end with it, however it ends. */
class BacktestEngineThreadsTest {
    @TempDir
    Path tmp;

    private static long noLearningThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("backtest-no-learning")).count();
    }

    @Test
    void run_withNoLearningAgentWhoseRulesThrow_itsThreadEnds() throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("boom.drl"), """
                package io.rebalancer.rules
                import io.rebalancer.rules.facts.*

                rule "boom"
                    ruleflow-group "monitor"
                when
                    $m : MarketConditions()
                then
                    if ($m.vix() > 0) { throw new IllegalStateException("boom"); }
                end
                """);
        Cycle cycle = new Cycle(DroolsRuleEngine.load(rules, CompiledRuleCache.disabled()));
        PriceHistory h = TinyMarket.history(TinyMarket.dates("2024-01-30", "2024-01-31", "2024-02-01"),
                new double[] {10, 11, 12}, new double[] {10, 10, 10}, null);
        PortfolioDefinition def = TinyMarket.portfolio(0.5, CostModel.none());
        List<MarketDay> days = new ArrayList<>();
        h.dates().forEach(d -> days.add(new MarketDay(d, 15, 0.0001)));
        Settings settings = new Settings(def.costs(), true, 2, 0.5, 1000, true);
        BacktestContext ctx = new BacktestContext(h, MarketContext.of(h, days), def, 0, h.size() - 1, settings);
        long before = noLearningThreads();

        assertThrows(RuleFiringException.class, () -> BacktestEngine.run(ctx, cycle, "run-1", new BacktestListener() { }));

        long end = System.nanoTime() + 3_000_000_000L;
        while (noLearningThreads() > before && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertTrue(noLearningThreads() <= before, "the no-learning agent's thread outlived the backtest");
    }
}
