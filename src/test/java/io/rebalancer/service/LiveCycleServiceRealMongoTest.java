package io.rebalancer.service;

import io.rebalancer.agents.Cycle;
import io.rebalancer.agents.CycleRecord;
import io.rebalancer.market.BacktestDataSeeder;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.mongo.MongoStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same live cycle against a real MongoDB (runs only when MONGODB_URI is set; the database in the URI is
 * used, seeded from backtest-data if it holds no prices): same NAV and drift as on the embedded store.
 */
@EnabledIfEnvironmentVariable(named = "MONGODB_URI", matches = ".+")
class LiveCycleServiceRealMongoTest {
    @Test
    void run_onRealMongo_sameFiguresAsEmbedded() {
        try (Stores stores = MongoStores.open(StoreConfig.uri(System.getenv("MONGODB_URI")))) {
            BacktestDataSeeder.seedIfEmpty(stores, Path.of("backtest-data"));
            Cycle cycle = new Cycle(DroolsRuleEngine.load(Path.of("rules")));
            CycleRecord r = new LiveCycleService(stores, cycle).run("PORT_A_TechGrowth", LocalDate.of(2024, 12, 12))
                    .record();
            assertEquals(1_429_683.08, r.inputs().nav(), 0.01);
            assertEquals(0.106395, r.monitor().portfolioDrift().total(), 1e-6);
            assertTrue(stores.decisions().find(r.cycleId()).isPresent());
        }
    }
}
