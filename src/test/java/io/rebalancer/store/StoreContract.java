package io.rebalancer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.CostModel;
import io.rebalancer.domain.MarketDay;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.PriceBar;
import io.rebalancer.domain.TargetWeight;
import io.rebalancer.domain.ThresholdBounds;
import io.rebalancer.domain.Thresholds;
import io.rebalancer.domain.Ticker;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Round trips every store must pass, embedded or real. Ids are random so the tests can share a real database
 * with other data; nothing here assumes the database is empty.
 */
abstract class StoreContract {
    protected Stores stores;
    /** Random suffix making ids unique to one test. */
    protected String u;

    protected abstract Stores open();

    @BeforeEach
    void openStores() {
        stores = open();
        u = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    @AfterEach
    void closeStores() {
        stores.close();
    }

    private static final LocalDate D1 = LocalDate.of(2024, 1, 2);
    private static final LocalDate D2 = LocalDate.of(2024, 1, 3);
    private static final LocalDate D3 = LocalDate.of(2024, 1, 4);

    private Ticker ticker(String name) {
        return Ticker.of("Z" + name + u.substring(0, 6).replaceAll("[0-9]", "X"));
    }

    private static PriceBar bar(Ticker t, LocalDate d, double close) {
        return new PriceBar(t, d, close, close + 1, close - 1, close, close * 0.98, 1000);
    }

    @Test
    void decisionSave_sameCycleTwice_secondReturnsFalseAndKeepsFirst() {
        String cycle = "cyc-" + u;
        assertTrue(stores.decisions().save(cycle, "P" + u, D1, null, "{\"verdict\":\"STABLE\",\"n\":1}"));
        assertFalse(stores.decisions().save(cycle, "P" + u, D1, null, "{\"verdict\":\"TRIGGERED\",\"n\":2}"));
        String json = stores.decisions().find(cycle).orElseThrow();
        assertTrue(json.contains("\"STABLE\""), json);
        assertFalse(json.contains("TRIGGERED"), json);
    }

    @Test
    void decisionFind_uniquePrefixOfSixChars_findsIt() {
        String cycle = u + "-rest-of-id";
        stores.decisions().save(cycle, "P" + u, D1, null, "{\"id\":\"" + cycle + "\"}");
        // the record comes back exactly as it was given
        assertEquals(Optional.of("{\"id\":\"" + cycle + "\"}"), stores.decisions().find(u.substring(0, 6)));
        assertEquals(Optional.empty(), stores.decisions().find(u.substring(0, 5)), "prefix shorter than 6");
        assertEquals(Optional.empty(), stores.decisions().find("nomatch" + u));
    }

    @Test
    void decisionSave_notAJsonObject_refusedAndNothingWritten() {
        String cycle = u + "-bad";
        assertThrows(StoreException.class, () -> stores.decisions().save(cycle, "P" + u, D1, null, "[1, 2]"));
        assertEquals(Optional.empty(), stores.decisions().find(cycle));
    }

    @Test
    void decisionFind_ambiguousPrefix_throwsNamingBoth() {
        stores.decisions().save(u + "-a", "P" + u, D1, null, "{}");
        stores.decisions().save(u + "-b", "P" + u, D1, null, "{}");
        StoreException e = assertThrows(StoreException.class, () -> stores.decisions().find(u));
        assertTrue(e.getMessage().contains(u + "-a") && e.getMessage().contains(u + "-b"), e.getMessage());
    }

    @Test
    void decisionRecent_liveAndRun_newestFirstByAsOfThenInsertion() {
        String p = "P" + u;
        String run = "run-" + u;
        stores.decisions().save(u + "-1", p, D2, null, "{\"k\":1}");
        stores.decisions().save(u + "-2", p, D1, null, "{\"k\":2}");
        stores.decisions().save(u + "-3", p, D2, null, "{\"k\":3}");
        stores.decisions().save(u + "-4", p, D3, run, "{\"k\":4}");
        stores.decisions().save(u + "-5", p, D1, run, "{\"k\":5}");
        assertEquals(List.of("{\"k\":3}", "{\"k\":1}", "{\"k\":2}"), stores.decisions().recent(p, null, 10));
        assertEquals(List.of("{\"k\":3}", "{\"k\":1}"), stores.decisions().recent(p, null, 2));
        assertEquals(List.of("{\"k\":4}", "{\"k\":5}"), stores.decisions().recent(p, run, 10));
        assertEquals(List.of("{\"k\":5}", "{\"k\":4}"), stores.decisions().byRun(run));
        assertEquals(List.of("{\"k\":4}", "{\"k\":5}"), stores.decisions().recent(null, run, 10));
    }

    @Test
    void decisionSave_jsonRoundTrip_keepsStructureAndNumbers() {
        String json = "{\"trades\": [{\"ticker\": \"AAPL\", \"shares\": 12, \"value\": 2345.67}], \"ok\": true, "
                + "\"note\": null, \"big\": 12345678901}";
        stores.decisions().save(u, "P" + u, D1, null, json);
        assertEquals(json, stores.decisions().find(u).orElseThrow());
    }

    @Test
    void decisionSave_notAnObject_throwsAndWritesNothing() {
        assertThrows(StoreException.class, () -> stores.decisions().save(u, "P" + u, D1, null, "[1,2]"));
        assertThrows(StoreException.class, () -> stores.decisions().save(u, "P" + u, D1, null, "{broken"));
        assertEquals(Optional.empty(), stores.decisions().find(u));
    }

    @Test
    void thresholdState_saveLoad_roundTripsLiveAndRunSeparately() {
        String p = "P" + u;
        ThresholdState live = new ThresholdState(p, null, 0.005, -0.0025, D3, "HIGH_VOL", D1, D2, "c-" + u);
        ThresholdState run = ThresholdState.initial(p, "run-" + u, D1, "c0-" + u);
        stores.thresholds().save(live);
        stores.thresholds().save(run);
        assertEquals(Optional.of(live), stores.thresholds().load(p, null));
        assertEquals(Optional.of(run), stores.thresholds().load(p, "run-" + u));
        ThresholdState updated = new ThresholdState(p, null, 0.01, 0, null, null, null, D3, "c2-" + u);
        stores.thresholds().save(updated);
        assertEquals(Optional.of(updated), stores.thresholds().load(p, null));
        assertEquals(Optional.empty(), stores.thresholds().load("other" + u, null));
    }

    @Test
    void thresholdStateLiveBefore_statesOfSeveralDays_givesTheLatestStrictlyEarlierOne() {
        String p = "P" + u;
        ThresholdState first = new ThresholdState(p, null, 0.001, 0, null, "MODERATE", null, D1, "c1-" + u);
        ThresholdState third = new ThresholdState(p, null, 0.003, 0.005, D3.plusDays(3), "HIGH_VOL", D3, D3,
                "c3-" + u);
        stores.thresholds().save(first);
        stores.thresholds().save(third);
        assertEquals(Optional.empty(), stores.thresholds().liveBefore(p, D1));
        assertEquals(Optional.of(first), stores.thresholds().liveBefore(p, D2));
        assertEquals(Optional.of(first), stores.thresholds().liveBefore(p, D3));
        assertEquals(Optional.of(third), stores.thresholds().liveBefore(p, D3.plusDays(1)));

        // an earlier day saved after a later one is kept for its day but does not replace the current state
        ThresholdState second = new ThresholdState(p, null, 0.002, 0, null, "LOW_VOL", null, D2, "c2-" + u);
        stores.thresholds().save(second);
        assertEquals(Optional.of(third), stores.thresholds().load(p, null));
        assertEquals(Optional.of(second), stores.thresholds().liveBefore(p, D3));
        // a rerun of a day replaces that day's state
        ThresholdState secondAgain = new ThresholdState(p, null, 0.0025, 0, null, "LOW_VOL", null, D2, "c2b-" + u);
        stores.thresholds().save(secondAgain);
        assertEquals(Optional.of(secondAgain), stores.thresholds().liveBefore(p, D3));
        assertEquals(Optional.empty(), stores.thresholds().liveBefore("other" + u, D3));
    }

    @Test
    void snapshots_saveTwiceSameDay_replacesAndListsByDate() {
        String run = "run-" + u;
        stores.snapshots().save(run, "P" + u, D2, "{\"nav\": 2}");
        stores.snapshots().save(run, "P" + u, D1, "{\"nav\": 1}");
        stores.snapshots().save(run, "P" + u, D2, "{\"nav\": 2.5}");
        assertEquals(List.of("{\"nav\": 1}", "{\"nav\": 2.5}"), stores.snapshots().byRun(run));
    }

    @Test
    void runs_startFinish_latestFinishedCarriesIdAndStatus() {
        String a = "run-a-" + u;
        String b = "run-b-" + u;
        stores.runs().start(a, "{\"from\": \"2015-01-02\"}");
        assertTrue(stores.runs().find(a).orElseThrow().contains("\"status\": \"running\""));
        assertThrows(StoreException.class, () -> stores.runs().start(a, "{}"));
        stores.runs().finish(a, "{\"cagr\": 0.1}");
        stores.runs().start(b, "{}");
        stores.runs().finish(b, "{\"cagr\": 0.2}");
        String latest = stores.runs().latestFinished().orElseThrow();
        assertTrue(latest.contains("\"run_id\": \"" + b + "\"") && latest.contains("\"status\": \"finished\"")
                && latest.contains("\"cagr\": 0.2") && latest.contains("started_at"), latest);
        assertFalse(latest.contains("finish_seq") || latest.contains("_id\": {"), latest);
        assertTrue(stores.runs().find(a).orElseThrow().contains("\"cagr\": 0.1"));
    }

    @Test
    void runs_fail_marksFailedWithErrorAndIsNeverLatestFinished() {
        String a = "run-fail-" + u;
        stores.runs().start(a, "{\"from\": \"2015-01-02\"}");
        stores.runs().fail(a, "IllegalStateException: day 12 broke");
        String run = stores.runs().find(a).orElseThrow();
        assertTrue(run.contains("\"status\": \"failed\"") && run.contains("day 12 broke")
                && run.contains("\"from\": \"2015-01-02\"") && run.contains("finished_at"), run);
        assertFalse(stores.runs().latestFinished().map(l -> l.contains(a)).orElse(false));
    }

    @Test
    void ledger_saveTwice_secondWritesNothingAndReadsBackEqual() {
        io.rebalancer.domain.Execution e = new io.rebalancer.domain.Execution("cycle-" + u, "P" + u, D2, 1, 3, List.of(
                io.rebalancer.domain.Fill.of("cycle-" + u + "-AAPL-1", Ticker.of("AAPL"), io.rebalancer.domain.Side.BUY, 7,
                        new BigDecimal("190.12345"), new BigDecimal("0.41")),
                io.rebalancer.domain.Fill.of("cycle-" + u + "-XOM-1", Ticker.of("XOM"), io.rebalancer.domain.Side.SELL, 3,
                        new BigDecimal("101.5"), new BigDecimal("0.09"))));
        assertTrue(stores.ledger().save(e));
        assertFalse(stores.ledger().save(e));
        assertEquals(Optional.of(e), stores.ledger().find("cycle-" + u));
        assertEquals(List.of(e), stores.ledger().executions("P" + u));
        // 7 x 190.12345 = 1,330.86415 -> 1,330.86 and 3 x 101.5 = 304.50: cash -1,331.27 + 304.41
        assertEquals(new BigDecimal("-1026.86"), e.cashChange());
    }

    @Test
    void locks_heldLease_blocksOthersUntilReleasedOrExpired() {
        String name = "portfolio:P" + u;
        java.time.Instant t0 = java.time.Instant.parse("2026-01-05T10:00:00Z");
        java.time.Instant t1 = t0.plusSeconds(600);
        assertEquals(Optional.empty(), stores.locks().tryAcquire(name, "a", t0, t1));
        assertEquals(Optional.of(new io.rebalancer.store.LockStore.Lease(name, "a", t1)),
                stores.locks().tryAcquire(name, "b", t0.plusSeconds(1), t0.plusSeconds(601)));
        stores.locks().release(name, "b");
        assertTrue(stores.locks().tryAcquire(name, "b", t0.plusSeconds(2), t0.plusSeconds(602)).isPresent(),
                "only the owner releases");
        // after the expiry anybody may take it
        assertEquals(Optional.empty(), stores.locks().tryAcquire(name, "b", t1.plusSeconds(1), t1.plusSeconds(601)));
        stores.locks().release(name, "b");
        assertEquals(Optional.empty(), stores.locks().tryAcquire(name, "c", t0, t1));
        stores.locks().release(name, "c");
    }

    @Test
    void outcomes_saveTwice_replacesByCycleIdAndReadsOldestFirst() {
        var later = new io.rebalancer.store.ScoredDecision("c2-" + u, "P" + u, D2, D2.plusDays(28),
                io.rebalancer.domain.Regime.HIGH_VOL, io.rebalancer.domain.ScenarioType.DEFER, 0.001, 0.0);
        var earlier = new io.rebalancer.store.ScoredDecision("c1-" + u, "P" + u, D1, D1.plusDays(28),
                io.rebalancer.domain.Regime.MODERATE, io.rebalancer.domain.ScenarioType.FULL, 0.0, -0.002);
        stores.outcomes().save(List.of(later, earlier));
        var revised = new io.rebalancer.store.ScoredDecision("c2-" + u, "P" + u, D2, D2.plusDays(28),
                io.rebalancer.domain.Regime.HIGH_VOL, io.rebalancer.domain.ScenarioType.DEFER, 0.003, 0.0);
        stores.outcomes().save(List.of(revised));
        assertEquals(List.of(earlier, revised), stores.outcomes().of("P" + u));
    }

    @Test
    void decisions_liveBetween_onlyLiveDaysInRangeOldestFirst() {
        stores.decisions().save("lb1-" + u, "P" + u, D2, null, "{\"n\": 2}");
        stores.decisions().save("lb2-" + u, "P" + u, D1, null, "{\"n\": 1}");
        stores.decisions().save("lb3-" + u, "P" + u, D1, "run-" + u, "{\"n\": 9}");
        stores.decisions().save("lb4-" + u, "P" + u, D2.plusDays(1), null, "{\"n\": 3}");
        assertEquals(List.of("{\"n\": 1}", "{\"n\": 2}"), stores.decisions().liveBetween("P" + u, D1, D2));
    }

    @Test
    void runs_delete_removesTheRunItsDecisionsAndSnapshotsOnly() {
        String a = "run-del-a-" + u;
        String b = "run-del-b-" + u;
        stores.runs().start(a, "{}");
        stores.runs().start(b, "{}");
        stores.decisions().save("da-" + u, "P" + u, D1, a, "{\"n\": 1}");
        stores.decisions().save("db-" + u, "P" + u, D1, b, "{\"n\": 2}");
        stores.decisions().save("dl-" + u, "P" + u, D1, null, "{\"n\": 3}");
        stores.snapshots().save(a, "P" + u, D1, "{\"nav\": 1}");
        stores.snapshots().save(b, "P" + u, D1, "{\"nav\": 2}");

        assertTrue(stores.runs().delete(a));
        assertFalse(stores.runs().delete(a));

        assertTrue(stores.runs().find(a).isEmpty());
        assertTrue(stores.runs().all().stream().anyMatch(r -> r.contains(b)));
        assertEquals(List.of(), stores.decisions().byRun(a));
        assertEquals(List.of(), stores.snapshots().byRun(a));
        assertEquals(List.of("{\"n\": 2}"), stores.decisions().byRun(b));
        assertEquals(List.of("{\"nav\": 2}"), stores.snapshots().byRun(b));
        assertEquals(Optional.of("{\"n\": 3}"), stores.decisions().find("dl-" + u));
    }

    @Test
    void portfolio_saveDefinition_roundTripsEqual() {
        PortfolioDefinition def = new PortfolioDefinition("P" + u, new BigDecimal("1000000.00"), D1, Ticker.of("SPY"),
                List.of(TargetWeight.of("AAPL", "Technology", 0.6), TargetWeight.of("XOM", "Energy", 0.4)),
                Thresholds.seedDefaults(), new ThresholdBounds(0.02, 0.05), new CostModel(1, 2, 0.1));
        stores.portfolios().saveDefinition(def);
        assertEquals(Optional.of(def), stores.portfolios().definition("P" + u));
        assertTrue(stores.portfolios().portfolioIds().contains("P" + u));
        assertEquals(Optional.empty(), stores.portfolios().definition("none" + u));
    }

    @Test
    void portfolio_withCashFlows_roundTripsEqual() {
        PortfolioDefinition def = new PortfolioDefinition("F" + u, new BigDecimal("1000000.00"), D1, Ticker.of("SPY"),
                List.of(TargetWeight.of("AAPL", "Technology", 0.6), TargetWeight.of("XOM", "Energy", 0.4)),
                Thresholds.seedDefaults(), new ThresholdBounds(0.02, 0.05), new CostModel(1, 2, 0.1),
                List.of(io.rebalancer.domain.CashFlow.recurring(5000, io.rebalancer.domain.CashFlow.Schedule.MONTHLY),
                        io.rebalancer.domain.CashFlow.once(-20000.5, D1.plusDays(40)),
                        new io.rebalancer.domain.CashFlow(1000, io.rebalancer.domain.CashFlow.Schedule.QUARTERLY,
                                null, D1, D1.plusDays(400))));
        stores.portfolios().saveDefinition(def);
        assertEquals(Optional.of(def), stores.portfolios().definition("F" + u));
    }

    @Test
    void saveBars_upsertByTickerAndDate_replacesAndReadsBack() {
        Ticker t = ticker("A");
        stores.prices().saveBars(List.of(bar(t, D1, 10), bar(t, D2, 11)));
        stores.prices().saveBars(List.of(bar(t, D2, 12), bar(t, D3, 13)));
        assertEquals(Optional.of(bar(t, D2, 12)), stores.prices().bar(t, D2));
        assertEquals(Optional.of(bar(t, D1, 10)), stores.prices().bar(t, D1));
        assertFalse(stores.prices().latestDate().orElseThrow().isBefore(D3));
        assertEquals(Optional.empty(), stores.prices().bar(t, LocalDate.of(2024, 1, 5)));
        assertEquals(List.of(D1, D2, D3), stores.prices().tradingDays(D1, D3).stream()
                .filter(d -> stores.prices().bar(t, d).isPresent()).toList());
        Ticker missing = ticker("M");
        assertEquals(Map.of(t, bar(t, D3, 13)), stores.prices().bars(List.of(t, missing), D3));
    }

    @Test
    void saveBars_conflictingDuplicateInBatch_writesNothing() {
        Ticker t = ticker("B");
        StoreException e = assertThrows(StoreException.class,
                () -> stores.prices().saveBars(List.of(bar(t, D1, 10), bar(t, D2, 11), bar(t, D2, 99))));
        assertTrue(e.getMessage().contains(t + " on " + D2), e.getMessage());
        assertEquals(Optional.empty(), stores.prices().bar(t, D1));
    }

    @Test
    void history_allTickersComplete_buildsAlignedArrays() {
        Ticker a = ticker("C");
        Ticker b = ticker("D");
        LocalDate nextYear = LocalDate.of(2025, 1, 2);
        stores.prices().saveBars(List.of(bar(a, D1, 10), bar(a, D2, 11), bar(a, nextYear, 12),
                bar(b, D1, 20), bar(b, D2, 21), bar(b, nextYear, 22)));
        PriceHistory h = stores.prices().history(List.of(b, a), D1, nextYear);
        assertEquals(List.of(D1, D2, nextYear), h.dates());
        assertEquals(List.of(b.symbol(), a.symbol()), h.tickers());
        assertEquals(22.0, h.close(b.symbol(), 2));
        assertEquals(11 * 0.98, h.adjClose(a.symbol(), 1), 1e-12);
        assertEquals(1000.0, h.volume(a.symbol(), 0));
        assertEquals(List.of(D2), stores.prices().history(List.of(a), D2, D2).dates());
    }

    @Test
    void history_tickerMissingADayOthersHave_throwsNamingTickerAndFirstMissingDate() {
        Ticker a = ticker("E");
        Ticker b = ticker("F");
        stores.prices().saveBars(List.of(bar(a, D1, 10), bar(a, D2, 11), bar(a, D3, 12), bar(b, D1, 20), bar(b, D3, 22)));
        StoreException e = assertThrows(StoreException.class, () -> stores.prices().history(List.of(a, b), D1, D3));
        assertTrue(e.getMessage().contains(b.symbol() + " has no price on 2024-01-03"), e.getMessage());
        StoreException none = assertThrows(StoreException.class,
                () -> stores.prices().history(List.of(a, ticker("G")), D1, D3));
        assertTrue(none.getMessage().contains("no prices stored for " + ticker("G")), none.getMessage());
    }

    @Test
    void marketDays_saveAndRange_roundTrip() {
        // dates far in the future so a shared real database's data does not interfere
        LocalDate m1 = LocalDate.of(2999, 1, 2).plusDays(Math.abs(u.hashCode() % 300));
        List<MarketDay> days = List.of(new MarketDay(m1, 20.5, 0.0001), new MarketDay(m1.plusDays(1), 21, -0.00001));
        stores.prices().saveMarketDays(days);
        assertEquals(days, stores.prices().marketDays(m1, m1.plusDays(1)));
        stores.prices().saveMarketDays(List.of(new MarketDay(m1, 30, 0.0001)));
        assertEquals(30.0, stores.prices().marketDays(m1, m1).get(0).vix());
    }
}
