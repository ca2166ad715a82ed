package io.rebalancer.service;

import io.rebalancer.agents.Cycle;
import io.rebalancer.agents.CycleRecord;
import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.Execution;
import io.rebalancer.domain.Fill;
import io.rebalancer.domain.Holdings;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.Side;
import io.rebalancer.domain.Ticker;
import io.rebalancer.market.BacktestDataSeeder;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.testsupport.TightBandRules;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.open.StoreOpener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Paper execution of live decisions on the real data, and the holdings later cycles start from. */
class ExecutionServiceTest {
    private static final String PORTFOLIO = "PORT_A_TechGrowth";
    private Stores stores;
    private LiveCycleService cycles;
    private ExecutionService broker;

    @BeforeEach
    void open() {
        stores = StoreOpener.open(StoreConfig.inMemory());
        BacktestDataSeeder.seedIfEmpty(stores, Path.of("backtest-data"));
        cycles = new LiveCycleService(stores, new Cycle(DroolsRuleEngine.load(TightBandRules.directory())));
        broker = new ExecutionService(stores);
    }

    @AfterEach
    void close() {
        stores.close();
    }

    private CycleRecord run(int month, int day) {
        return cycles.run(PORTFOLIO, LocalDate.of(2024, month, day)).record();
    }

    @Test
    void execute_rebalanceDecision_fillsThePlanAndTheNextCycleStartsFromIt() {
        CycleRecord decision = run(12, 12);
        assertEquals("REBALANCE", decision.decision().action());

        ExecutionOutcome out = broker.execute(decision.cycleId());

        assertFalse(out.alreadyExecuted());
        Execution e = out.execution();
        assertEquals(13, e.fills().size());
        Fill nvda = e.fills().stream().filter(f -> f.ticker().symbol().equals("NVDA")).findFirst().orElseThrow();
        assertEquals(Side.SELL, nvda.side());
        // BAND_EDGE to half the 1.6 pp band: NVDA from +7.95 pp to +0.8 pp of a 8 % target
        assertEquals(744, nvda.shares());
        // 744 x the 2024-12-12 NVDA close of 137.34
        assertEquals(new BigDecimal("102180.96"), nvda.value());
        assertEquals(new BigDecimal("11159.09"), out.before().cash());
        // cash before + sales - purchases - costs, summed over the 13 fills
        BigDecimal flows = e.fills().stream().map(f -> f.side() == Side.SELL ? f.value().subtract(f.cost())
                : f.value().add(f.cost()).negate()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(out.before().cash().add(flows).setScale(2, java.math.RoundingMode.HALF_UP), out.after().cash());
        assertEquals(new BigDecimal("29327.39"), out.after().cash());

        CycleRecord next = run(12, 13);
        // floor(8 % x 1,000,000 / 48.168) = 1,660 NVDA bought at inception, 744 sold on 2024-12-12
        assertEquals(916.0, next.inputs().shares().get("NVDA"));
        assertEquals(29327.39, next.inputs().cash(), 1e-9);
        assertEquals("STABLE", next.monitor().verdict().name());
    }

    @Test
    void execute_twice_secondDoesNothing() {
        CycleRecord decision = run(12, 12);
        broker.execute(decision.cycleId());
        // by an 8-character prefix of the id, as 'history' users type it
        ExecutionOutcome again = broker.execute(decision.cycleId().substring(0, 8));
        assertTrue(again.alreadyExecuted());
        assertEquals(new BigDecimal("29327.39"), again.after().cash());
        assertEquals(1, stores.ledger().executions(PORTFOLIO).size());
    }

    @Test
    void execute_decisionThatDoesNotRebalance_refusedAndNothingWritten() {
        broker.execute(run(12, 12).cycleId());
        // executed, so the drift is gone the next day: STABLE, NO_ACTION
        CycleRecord stable = run(12, 13);
        assertEquals("NO_ACTION", stable.decision().action());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> broker.execute(stable.cycleId()));
        assertEquals("decision " + stable.cycleId() + " of 2024-12-13 is NO_ACTION: there is nothing to execute",
                e.getMessage());
        assertEquals(1, stores.ledger().executions(PORTFOLIO).size());
    }

    @Test
    void execute_olderDecisionAfterALaterExecution_refused() {
        CycleRecord older = run(12, 12);
        CycleRecord later = run(12, 19);
        assertTrue(later.rebalanced(), "2024-12-19 rebalances too when 2024-12-12 was not executed");
        broker.execute(later.cycleId());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> broker.execute(older.cycleId()));
        assertTrue(e.getMessage().contains("comes before the execution of " + later.cycleId() + " on 2024-12-19"),
                e.getMessage());
        assertEquals(1, stores.ledger().executions(PORTFOLIO).size());
    }

    @Test
    void execute_decisionMadeOnHoldingsThatChangedSince_refused() {
        CycleRecord first = run(12, 12);
        CycleRecord later = run(12, 19);
        broker.execute(first.cycleId());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> broker.execute(later.cycleId()));
        // rerunning that day shows the recorded decision again, so the message points to what does work
        assertTrue(e.getMessage().contains("was made on other holdings") && e.getMessage().contains("the next trading"
                + " day's cycle starts from the holdings now held"), e.getMessage());
    }

    @Test
    void run_portfolioLeasedByAnotherProcess_busyAndNothingWritten() {
        java.time.Instant now = java.time.Instant.now();
        stores.locks().tryAcquire("portfolio:" + PORTFOLIO, "other-host:4242:abcdef", now, now.plusSeconds(300));
        PortfolioBusyException e = assertThrows(PortfolioBusyException.class, () -> run(12, 12));
        assertTrue(e.getMessage().startsWith("portfolio " + PORTFOLIO + " is in use by another process "
                + "(other-host:4242:abcdef, lease until "), e.getMessage());
        assertTrue(stores.decisions().recent(PORTFOLIO, null, 5).isEmpty());

        stores.locks().release("portfolio:" + PORTFOLIO, "other-host:4242:abcdef");
        CycleRecord decision = run(12, 12);
        // each cycle gives its lease back: the execution and the next cycle take it again
        broker.execute(decision.cycleId());
        assertEquals("STABLE", run(12, 13).monitor().verdict().name());
    }

    /**
     * 2025-04-03 (VIX 30, HIGH_VOL) decides BAND_EDGE GRADUAL over 3 tranches, NVDA SELL 623: round(623 / 3) = 208
     * at the 2025-04-03 close, 208 at the 2025-04-04 close of 94.31 (19,616.48) and the remaining 207 at the
     * 2025-04-07 close of 97.64 (20,211.48) (closes from backtest-data/prices/NVDA.csv).
     */
    @Test
    void execute_gradualDecision_oneTrancheADayAtThatDaysClose() {
        CycleRecord gradual = cycles.run(PORTFOLIO, LocalDate.of(2025, 4, 3)).record();
        assertEquals("GRADUAL", gradual.decision().timing().timing().name());
        assertEquals(3, gradual.decision().timing().tranches());

        Execution t1 = broker.execute(gradual.cycleId()).execution();
        Execution t2 = broker.execute(gradual.cycleId(), LocalDate.of(2025, 4, 4)).execution();
        ExecutionOutcome o3 = broker.execute(gradual.cycleId(), LocalDate.of(2025, 4, 7));
        Execution t3 = o3.execution();

        assertEquals(List.of(1, 2, 3), List.of(t1.tranche(), t2.tranche(), t3.tranche()));
        assertEquals(List.of(208L, 208L, 207L), List.of(nvda(t1).shares(), nvda(t2).shares(), nvda(t3).shares()));
        assertEquals(new BigDecimal("19616.48"), nvda(t2).value());
        assertEquals(new BigDecimal("20211.48"), nvda(t3).value());
        assertEquals(gradual.cycleId() + "-NVDA-2", nvda(t2).clientOrderId());
        // all three tranches together trade exactly the plan
        for (var p : gradual.decision().plan()) {
            long filled = stores.ledger().ofDecision(gradual.cycleId()).stream().flatMap(e -> e.fills().stream())
                    .filter(f -> f.ticker().symbol().equals(p.ticker())).mapToLong(Fill::shares).sum();
            assertEquals(Math.round(p.shares()), filled, p.ticker());
        }
        ExecutionOutcome again = broker.execute(gradual.cycleId(), LocalDate.of(2025, 4, 8));
        assertTrue(again.alreadyExecuted());
        assertEquals(3, again.execution().tranche());
        assertEquals(3, stores.ledger().executions(PORTFOLIO).size());
    }

    @Test
    void continuePending_dayWithoutItsOwnRebalance_fillsTheNextTranche() {
        CycleRecord gradual = cycles.run(PORTFOLIO, LocalDate.of(2025, 4, 3)).record();
        broker.execute(gradual.cycleId());
        ExecutionOutcome next = broker.continuePending(PORTFOLIO, LocalDate.of(2025, 4, 4)).orElseThrow();
        assertEquals(2, next.execution().tranche());
        assertEquals(LocalDate.of(2025, 4, 4), next.execution().date());
        assertTrue(broker.continuePending(PORTFOLIO, LocalDate.of(2025, 4, 4)).isEmpty(), "one tranche a day");
    }

    @Test
    void execute_laterTrancheAfterAnotherDecisionWasExecuted_refusedAsOvertaken() {
        CycleRecord gradual = cycles.run(PORTFOLIO, LocalDate.of(2025, 4, 3)).record();
        broker.execute(gradual.cycleId());
        CycleRecord crisis = cycles.run(PORTFOLIO, LocalDate.of(2025, 4, 4)).record();
        assertTrue(crisis.rebalanced(), "VIX 45 on 2025-04-04: the crisis rules trade again");
        broker.execute(crisis.cycleId());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> broker.execute(gradual.cycleId(), LocalDate.of(2025, 4, 7)));
        assertEquals("tranche 2 of decision " + gradual.cycleId() + " was overtaken by the execution of "
                + crisis.cycleId() + " on 2025-04-04; its remaining tranches will not be filled", e.getMessage());
    }

    private static Fill nvda(Execution e) {
        return e.fills().stream().filter(f -> f.ticker().symbol().equals("NVDA")).findFirst().orElseThrow();
    }

    @Test
    void execute_unknownDecision_notFound() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> broker.execute("0000000000000000"));
        assertTrue(e.getMessage().startsWith("no decision with id 0000000000000000"), e.getMessage());
    }

    /**
     * Independent figures (plain Python over backtest-data/prices/XOM.csv): 390 XOM bought at inception
     * (floor(40,000 / 102.360001)); the only dividend between 2024-03-01 and 2024-06-28 goes ex on 2024-05-14 at
     * 0.9500006 a share, so selling 100 shares on 2024-03-01 at 105.839996 (10,584.00) with a 1.00 cost changes
     * the 2024-06-28 cash by 10,584.00 - 1.00 - (370.50 - 275.50) = 10,488.00.
     */
    @Test
    void liveHoldings_saleBeforeAnExDate_dividendPaidOnTheSharesLeft() {
        PortfolioDefinition def = LiveCycleService.portfolio(stores, PORTFOLIO);
        LocalDate asOf = LocalDate.of(2024, 6, 28);
        PriceHistory history = stores.prices().history(LiveCycleService.tickers(def), def.inception(), asOf);
        Execution sale = new Execution("test-cycle", PORTFOLIO, LocalDate.of(2024, 3, 1), 1, 1, List.of(
                Fill.of("test-cycle-XOM-1", Ticker.of("XOM"), Side.SELL, 100, new BigDecimal("105.839996"),
                        new BigDecimal("1.00"))));

        Holdings without = LiveHoldings.on(def, history, asOf, List.of());
        Holdings with = LiveHoldings.on(def, history, asOf, List.of(sale));

        assertEquals(390, without.sharesOf(Ticker.of("XOM")));
        assertEquals(290, with.sharesOf(Ticker.of("XOM")));
        assertEquals(new BigDecimal("10488.00"), with.cash().subtract(without.cash()));
        assertEquals(LiveHoldings.on(def, history, LocalDate.of(2024, 2, 29), List.of(sale)),
                LiveHoldings.on(def, history, LocalDate.of(2024, 2, 29), List.of()), "no effect before its date");
    }
}
