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
import io.rebalancer.store.open.StoreOpener;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Live cycles learn from earlier live decisions once their (here 20-day) horizon has passed, without overlaps. */
class LiveOutcomesTest {
    @Test
    void run_afterTheHorizon_earlierDecisionsReachTheLearningRulesOnce() {
        try (Stores stores = StoreOpener.open(StoreConfig.inMemory())) {
            BacktestDataSeeder.seedIfEmpty(stores, Path.of("backtest-data"));
            LiveCycleService live = new LiveCycleService(stores, new Cycle(DroolsRuleEngine.load(Path.of("rules"))),
                    new LiveOutcomes(stores, 20, 0.5));

            CycleRecord first = live.run("PORT_A_TechGrowth", LocalDate.of(2024, 11, 1)).record();
            assertTrue(first.rebalanced());
            CycleOutcome second = live.run("PORT_A_TechGrowth", LocalDate.of(2024, 11, 4));
            assertNotNull(second.record().analysis(), "analysed, so it is scored once its horizon passes");
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

            // the next day: the first is old news; the decision of 2024-11-04 has matured too, but it was made inside
            // the first decision's horizon (which ended 2024-12-02): overlapping outcomes are not counted
            CycleOutcome next = live.run("PORT_A_TechGrowth", LocalDate.of(2024, 12, 3));
            assertEquals(1, next.outcomes().size(), next.outcomes().toString());
            OutcomeStats old = next.outcomes().get(0);
            assertEquals(o.type(), old.type());
            assertEquals(0, old.fresh());
            assertEquals(1, old.count());
            assertEquals(o.meanRegret(), old.meanRegret(), 1e-15);

            // each was scored once and kept, with the last day of its horizon
            assertEquals(List.of(LocalDate.of(2024, 12, 2), LocalDate.of(2024, 12, 3)), stores.outcomes()
                    .of("PORT_A_TechGrowth").stream().map(io.rebalancer.store.ScoredDecision::maturedOn).toList());
            // a cycle on an earlier day sees only what had matured by then: nothing
            assertEquals(List.of(), live.run("PORT_A_TechGrowth", LocalDate.of(2024, 11, 29)).outcomes());
        }
    }
}
