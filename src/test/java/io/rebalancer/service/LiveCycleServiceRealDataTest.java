package io.rebalancer.service;

import io.rebalancer.agents.Cycle;
import io.rebalancer.agents.CycleRecord;
import io.rebalancer.market.BacktestDataSeeder;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.rules.facts.PositionDrift;
import io.rebalancer.rules.facts.SectorDrift;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.open.StoreOpener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The live cycle end to end on the real data, a fresh in-memory store seeded from backtest-data/.
 *
 * <p>Expected figures were worked out independently with a short Python script over the shared market-data (the
 * files backtest-data/ was imported from, byte-for-byte)
 * (not with this code): shares = floor(target x 1,000,000 / close on 2024-01-02), cash = the rest (1,391.52);
 * cash dividends close[t-1] x (1 - r[t-1]/r[t]) per share on each ex-date to 2024-12-12, rounded to cents per
 * credit, bring cash to 11,159.09; weights at the 2024-12-12 close over NAV 1,429,683.08.
 */
class LiveCycleServiceRealDataTest {
    private static Stores stores;
    private static Cycle cycle;

    @BeforeAll
    static void seed() {
        stores = StoreOpener.open(StoreConfig.inMemory());
        BacktestDataSeeder.seedIfEmpty(stores, Path.of("backtest-data"));
        cycle = new Cycle(DroolsRuleEngine.load(Path.of("rules")));
    }

    @AfterAll
    static void close() {
        stores.close();
    }

    @Test
    void run_seedPortfolioOn20241212_driftMatchesHandComputation() {
        CycleOutcome outcome = new LiveCycleService(stores, cycle).run("PORT_A_TechGrowth", LocalDate.of(2024, 12, 12));
        CycleRecord r = outcome.record();

        assertEquals(1_429_683.08, r.inputs().nav(), 0.01);
        assertEquals(11_159.09, r.inputs().cash(), 0.005);
        Map<String, Double> drift = r.monitor().positions().stream()
                .collect(Collectors.toMap(PositionDrift::ticker, PositionDrift::drift));
        assertEquals(0.079465, drift.get("NVDA"), 1e-6);
        assertEquals(0.019124, drift.get("META"), 1e-6);
        assertEquals(-0.015414, drift.get("MSFT"), 1e-6);
        assertEquals(-0.016003, drift.get("SPY"), 1e-6);
        assertEquals(-0.006691, drift.get("AAPL"), 1e-6);
        Map<String, Double> sectors = r.monitor().sectors().stream()
                .collect(Collectors.toMap(SectorDrift::sector, SectorDrift::drift));
        assertEquals(0.062383, sectors.get("Technology"), 1e-6);
        assertEquals(-0.033803, sectors.get("Energy"), 1e-6);
        assertEquals(-0.036386, sectors.get("Benchmarks"), 1e-6);
        assertEquals(0.106395, r.monitor().portfolioDrift().total(), 1e-6);
        assertEquals("NVDA", r.monitor().portfolioDrift().maxPositionTicker());
    }

    @Test
    void run_sameCycleTwice_secondIsNotStoredAgain() {
        LiveCycleService service = new LiveCycleService(stores, cycle);
        CycleOutcome first = service.run("PORT_A_TechGrowth", LocalDate.of(2024, 11, 1));
        CycleOutcome second = service.run("PORT_A_TechGrowth", LocalDate.of(2024, 11, 1));
        assertFalse(first.alreadyRecorded());
        assertTrue(second.alreadyRecorded());
        assertEquals(first.record().cycleId(), second.record().cycleId());
        long stored = stores.decisions().recent("PORT_A_TechGrowth", null, 100).stream()
                .filter(doc -> doc.contains(first.record().cycleId())).count();
        assertEquals(1, stored);
    }

    @Test
    void run_unknownPortfolio_namesItAndTheKnownOnes() {
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> new LiveCycleService(stores, cycle).run("NOPE", LocalDate.of(2024, 12, 12)));
        assertEquals("unknown portfolio 'NOPE'; stored portfolios: PORT_A_TechGrowth", e.getMessage());
    }

    @Test
    void run_saturday_saysNotATradingDayAndNamesTheDayBefore() {
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> new LiveCycleService(stores, cycle).run("PORT_A_TechGrowth", LocalDate.of(2024, 12, 14)));
        assertEquals("no prices on 2024-12-14 (not a trading day in the store); the nearest earlier trading day is"
                + " 2024-12-13", e.getMessage());
    }

    @Test
    void run_beforeInception_isRejected() {
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> new LiveCycleService(stores, cycle).run("PORT_A_TechGrowth", LocalDate.of(2023, 6, 1)));
        assertEquals("as-of date 2023-06-01 is before the inception 2024-01-02 of PORT_A_TechGrowth", e.getMessage());
    }

    @Test
    void run_afterLastStoredDay_isRejected() {
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> new LiveCycleService(stores, cycle).run("PORT_A_TechGrowth", LocalDate.of(2026, 1, 5)));
        assertEquals("no prices stored for 2026-01-05; the latest stored day is 2025-12-31", e.getMessage());
    }

    @Test
    void run_recordRoundTripsThroughJson_sameDecision() {
        CycleRecord r = new LiveCycleService(stores, cycle).run("PORT_A_TechGrowth", LocalDate.of(2024, 12, 12)).record();
        CycleRecord back = RecordJson.read(RecordJson.write(r), CycleRecord.class);
        assertEquals(r.decision().action(), back.decision().action());
        assertEquals(r.decision().plan(), back.decision().plan());
        assertEquals(r.firedRules(), back.firedRules());
    }
}
