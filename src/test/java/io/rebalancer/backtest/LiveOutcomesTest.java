package io.rebalancer.backtest;

import io.rebalancer.agents.Cycle;
import io.rebalancer.agents.CycleRecord;
import io.rebalancer.domain.ScenarioType;
import io.rebalancer.market.BacktestDataSeeder;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.rules.facts.OutcomeStats;
import io.rebalancer.service.CycleOutcome;
import io.rebalancer.service.LiveCycleService;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.mongo.MongoStores;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Live cycles learn from earlier live decisions once their 20-day horizon has passed. */
class LiveOutcomesTest {
    @Test
    void run_afterTheHorizon_earlierDecisionsReachTheLearningRulesOnce() {
        try (Stores stores = MongoStores.open(StoreConfig.inMemory())) {
            BacktestDataSeeder.seedIfEmpty(stores, Path.of("backtest-data"));
            LiveCycleService live = new LiveCycleService(stores, new Cycle(DroolsRuleEngine.load(Path.of("rules"))),
                    new LiveOutcomes(stores, 20, 0.5));

            CycleRecord first = live.run("PORT_A_TechGrowth", LocalDate.of(2024, 11, 1)).record();
            assertTrue(first.rebalanced());
            CycleOutcome second = live.run("PORT_A_TechGrowth", LocalDate.of(2024, 11, 4));
            // 2024-11-01 was not executed, so no cooldown: the drift is still there and PARTIAL trades it now
            assertEquals(ScenarioType.PARTIAL, second.record().decision().chosen().type());
            assertEquals(List.of(), second.outcomes(), "2024-11-01 has not matured");

            // 2024-12-02 is the 20th trading day after 2024-11-01 (November 2024 has 20 sessions from the 4th,
            // Thanksgiving closed): the first decision has matured, the second (horizon ends 2024-12-03) has not
            CycleOutcome matured = live.run("PORT_A_TechGrowth", LocalDate.of(2024, 12, 2));
            assertEquals(1, matured.outcomes().size(), matured.outcomes().toString());
            OutcomeStats o = matured.outcomes().get(0);
            assertEquals(first.monitor().regime().regime(), o.regime());
            assertEquals(first.decision().chosen().type(), o.type());
            assertEquals(1, o.count());
            assertEquals(1, o.fresh());
            assertTrue(o.meanRegret() >= 0, o.toString());

            // the next day: the first is old news, the PARTIAL of 2024-11-04 is new
            CycleOutcome next = live.run("PORT_A_TechGrowth", LocalDate.of(2024, 12, 3));
            OutcomeStats old = next.outcomes().stream().filter(s -> s.type() == o.type()).findFirst().orElseThrow();
            OutcomeStats partial = next.outcomes().stream().filter(s -> s.type() == ScenarioType.PARTIAL).findFirst()
                    .orElseThrow();
            assertEquals(0, old.fresh());
            assertEquals(o.meanRegret(), old.meanRegret(), 1e-15);
            assertEquals(1, partial.count());
            assertEquals(1, partial.fresh());

            // each was scored once and kept, with the last day of its horizon
            assertEquals(List.of(LocalDate.of(2024, 12, 2), LocalDate.of(2024, 12, 3)), stores.outcomes()
                    .of("PORT_A_TechGrowth").stream().map(io.rebalancer.store.ScoredDecision::maturedOn).toList());
            // a cycle on an earlier day sees only what had matured by then: nothing
            assertEquals(List.of(), live.run("PORT_A_TechGrowth", LocalDate.of(2024, 11, 29)).outcomes());
        }
    }
}
