package io.rebalancer.service;

import io.rebalancer.agents.Cycle;
import io.rebalancer.agents.CycleRecord;
import io.rebalancer.market.BacktestDataSeeder;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.ThresholdState;
import io.rebalancer.store.open.StoreOpener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The adaptive state a live cycle starts from: what the latest earlier cycle left, with the rebalances that were
 * executed (a decision never executed did not rebalance), and nothing dated after the cycle's day.
 */
class LiveCycleServiceMemoryTest {
    private static final String P = "PORT_A_TechGrowth";
    private static final LocalDate NOV_21 = LocalDate.of(2024, 11, 21);
    private static final LocalDate NOV_22 = LocalDate.of(2024, 11, 22);
    /** No rebalance in memory: {@code CycleInput.daysSinceLastRebalance}. */
    private static final int NEVER = 9_999;
    private static Cycle cycle;

    @BeforeAll
    static void rules() {
        cycle = new Cycle(DroolsRuleEngine.load(Path.of("rules")));
    }

    private static Stores store() {
        Stores stores = StoreOpener.open(StoreConfig.inMemory());
        BacktestDataSeeder.seedIfEmpty(stores, Path.of("backtest-data"));
        return stores;
    }

    @Test
    void run_dayAfterAnUnexecutedRebalance_hasNoCooldown() {
        try (Stores stores = store()) {
            LiveCycleService service = new LiveCycleService(stores, cycle);
            CycleRecord first = service.run(P, NOV_21).record();
            assertEquals("REBALANCE", first.decision().action());
            ThresholdState state = stores.thresholds().load(P, null).orElseThrow();
            assertNull(state.lastRebalance(), "nothing was executed");
            // no temporary raise after a rebalance (the cooldown veto holds the next days instead)
            assertEquals(0.0, state.temporaryOffset(), 1e-12);
            assertEquals("MODERATE", state.lastRegime());

            CycleRecord next = service.run(P, NOV_22).record();
            // the MODERATE critical drift of thresholds.drl.xlsx
            assertEquals(0.20, next.monitor().thresholds().driftCritical(), 1e-12);
            assertEquals(NEVER, next.monitor().history().daysSinceLastRebalance());
            assertNotNull(next.analysis());
            next.analysis().scenarios().forEach(s -> assertTrue(
                    s.vetoes().stream().noneMatch(v -> v.rule().equals("veto: inside the cooldown")),
                    s.type() + " must not be inside a cooldown: nothing was executed"));
        }
    }

    @Test
    void run_dayAfterAnExecutedRebalance_countsTheCooldownFromTheExecution() {
        try (Stores stores = store()) {
            LiveCycleService service = new LiveCycleService(stores, cycle);
            CycleRecord first = service.run(P, NOV_21).record();
            new ExecutionService(stores).execute(first.cycleId());

            CycleRecord next = service.run(P, NOV_22).record();
            assertEquals(1, next.monitor().history().daysSinceLastRebalance());
            assertEquals(1, next.monitor().history().recentRebalances());
            assertNotEquals("REBALANCE", next.decision().action());
            assertEquals(NOV_21, stores.thresholds().load(P, null).orElseThrow().lastRebalance());
        }
    }

    @Test
    void run_earlierDayAfterALaterOne_decidesAsOnAFreshStore() {
        CycleRecord reference;
        try (Stores fresh = store()) {
            reference = new LiveCycleService(fresh, cycle).run(P, NOV_21).record();
        }
        try (Stores stores = store()) {
            LiveCycleService service = new LiveCycleService(stores, cycle);
            CycleRecord latest = service.run(P, null).record();
            assertEquals(LocalDate.of(2025, 12, 31), latest.asOf());
            // the later day leaves its own state (regime, rebalances) that the earlier day must not see
            ThresholdState later = stores.thresholds().load(P, null).orElseThrow();
            assertEquals(LocalDate.of(2025, 12, 31), later.updatedAsOf());

            CycleRecord earlier = service.run(P, NOV_21).record();
            assertEquals(0.20, earlier.monitor().thresholds().driftCritical(), 1e-12);
            assertEquals(NEVER, earlier.monitor().history().daysSinceLastRebalance());
            assertEquals(reference.decision().action(), earlier.decision().action());
            assertEquals(reference.decision().chosen().type(), earlier.decision().chosen().type());
            assertEquals(reference.decision().plan(), earlier.decision().plan());
            // and the store's current state is still the later day's
            assertEquals(later, stores.thresholds().load(P, null).orElseThrow());
        }
    }

    @Test
    void run_earlierDayAfterAnExecutedLaterOne_ignoresTheLaterExecution() {
        try (Stores stores = store()) {
            LiveCycleService service = new LiveCycleService(stores, cycle);
            CycleRecord later = service.run(P, NOV_22).record();
            assertEquals("REBALANCE", later.decision().action());
            new ExecutionService(stores).execute(later.cycleId());

            CycleRecord earlier = service.run(P, NOV_21).record();
            assertEquals(0.20, earlier.monitor().thresholds().driftCritical(), 1e-12);
            assertEquals(NEVER, earlier.monitor().history().daysSinceLastRebalance());
            assertEquals("REBALANCE", earlier.decision().action());
        }
    }
}
