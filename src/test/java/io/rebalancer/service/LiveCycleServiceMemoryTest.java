package io.rebalancer.service;

import io.rebalancer.agents.Cycle;
import io.rebalancer.agents.CycleRecord;
import io.rebalancer.market.BacktestDataSeeder;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.ThresholdState;
import io.rebalancer.store.mongo.MongoStores;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.*;

/** The adaptive state a cycle leaves in the store is what the next cycle starts from. */
class LiveCycleServiceMemoryTest {
    @Test
    void run_dayAfterARebalance_seesTheRebalanceAndTheCooldown() {
        try (Stores stores = MongoStores.open(StoreConfig.inMemory())) {
            BacktestDataSeeder.seedIfEmpty(stores, Path.of("backtest-data"));
            LiveCycleService service = new LiveCycleService(stores, new Cycle(DroolsRuleEngine.load(Path.of("rules"))));

            CycleRecord first = service.run("PORT_A_TechGrowth", LocalDate.of(2024, 12, 12)).record();
            assertEquals("REBALANCE", first.decision().action());
            ThresholdState state = stores.thresholds().load("PORT_A_TechGrowth", null).orElseThrow();
            assertEquals(LocalDate.of(2024, 12, 12), state.lastRebalance());
            // no temporary raise after a rebalance any more: the cooldown veto holds the next days
            assertEquals(0.0, state.temporaryOffset(), 1e-12);
            assertEquals("MODERATE", state.lastRegime());

            CycleRecord next = service.run("PORT_A_TechGrowth", LocalDate.of(2024, 12, 13)).record();
            // the MODERATE critical drift of thresholds.drl.csv, 3 %
            assertEquals(0.03, next.monitor().thresholds().driftCritical(), 1e-12);
            assertEquals(1, next.monitor().history().daysSinceLastRebalance());
            // no trade was executed live, so the drift is still there, and every trading scenario is inside the cooldown
            assertNotNull(next.analysis());
            next.analysis().scenarios().stream().filter(s -> s.metrics().tradeCount() > 0).forEach(s ->
                    assertTrue(s.vetoes().stream().anyMatch(v -> v.rule().equals("veto: inside the cooldown")),
                            s.type() + " should be vetoed by the cooldown"));
            assertEquals("DEFER", next.decision().action());
        }
    }
}
