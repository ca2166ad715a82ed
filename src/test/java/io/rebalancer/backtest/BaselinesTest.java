package io.rebalancer.backtest;

import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.CostModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Each baseline on a hand-made 50/50 market of two assets, no costs, NAV 1,000 at the close of 2024-01-30.
 * Prices (A, B): 01-30 (10, 10), 01-31 (12, 10), 02-01 (12, 8), 02-02 (15, 8), 03-01 (15, 10), 04-01 (12, 10),
 * 04-02 (24, 10). Expected NAVs worked by hand (shares x price, rebalancing to 50/50 of the NAV at the close):
 * <ul>
 *   <li>buy_and_hold: 50 A + 50 B throughout; 04-02: 50 x 24 + 50 x 10 = 1,700.</li>
 *   <li>monthly: rebalances 02-01 (NAV 1,000: 41.667 A, 62.5 B), 03-01 (NAV 1,250: already 41.667 A, 62.5 B),
 *       04-01 (NAV 1,125: 46.875 A, 56.25 B); 04-02: 46.875 x 24 + 56.25 x 10 = 1,687.5.</li>
 *   <li>quarterly: only 04-01 (NAV 1,100 as buy and hold: 45.833 A, 55 B); 04-02: 1,100 + 550 = 1,650.</li>
 *   <li>annual: no first trading day of January after the start: 1,700 as buy and hold.</li>
 *   <li>band_abs_3: |w - t| > 3 pp every day from 01-31: 1,100, 990, 1,113.75, 1,252.96875, 1,127.671875,
 *       1,691.5078125.</li>
 *   <li>band_5_25: 01-31 (4.55 pp) holds; then rebalances every day: 1,100, 1,000, 1,125, 1,265.625, 1,139.0625,
 *       1,708.59375.</li>
 * </ul>
 */
class BaselinesTest {
    private static final List<java.time.LocalDate> DATES = TinyMarket.dates("2024-01-30", "2024-01-31", "2024-02-01",
            "2024-02-02", "2024-03-01", "2024-04-01", "2024-04-02");
    private static final double[] A = {10, 12, 12, 15, 15, 12, 24};
    private static final double[] B = {10, 10, 8, 8, 10, 10, 10};

    private static StrategyLedger run(String name) {
        PriceHistory h = TinyMarket.history(DATES, A, B, null);
        return BacktestEngine.baseline(TinyMarket.context(h, TinyMarket.portfolio(0.5, CostModel.none()), 1000), name);
    }

    @Test
    void buyAndHold_tinyMarket_holdsTheStartingShares() {
        assertArrayEquals(new double[] {1000, 1100, 1000, 1150, 1250, 1100, 1700}, run("buy_and_hold").nav, 1e-9);
        assertTrue(run("buy_and_hold").rebalanceDays.isEmpty());
    }

    @Test
    void monthly_tinyMarket_matchesHandNav() {
        StrategyLedger l = run("monthly");
        assertArrayEquals(new double[] {1000, 1100, 1000, 1125, 1250, 1125, 1687.5}, l.nav, 1e-9);
        // on 03-01 the book is exactly at 50/50 (625 + 625), so the rebalance needs no trade and is not counted
        assertEquals(List.of(2, 5), l.rebalanceDays);
    }

    @Test
    void quarterly_tinyMarket_rebalancesOnlyOnFirstDayOfApril() {
        StrategyLedger l = run("quarterly");
        assertEquals(1650, l.nav[6], 1e-9);
        assertEquals(List.of(5), l.rebalanceDays);
    }

    @Test
    void annual_noNewYearInRange_equalsBuyAndHold() {
        StrategyLedger l = run("annual");
        assertEquals(1700, l.nav[6], 1e-9);
        assertTrue(l.rebalanceDays.isEmpty());
    }

    @Test
    void bandAbs3_tinyMarket_matchesHandNav() {
        StrategyLedger l = run("band_abs_3");
        assertArrayEquals(new double[] {1000, 1100, 990, 1113.75, 1252.96875, 1127.671875, 1691.5078125}, l.nav, 1e-9);
        assertEquals(List.of(1, 2, 3, 4, 5, 6), l.rebalanceDays);
    }

    @Test
    void band525_tinyMarket_matchesHandNav() {
        StrategyLedger l = run("band_5_25");
        assertArrayEquals(new double[] {1000, 1100, 1000, 1125, 1265.625, 1139.0625, 1708.59375}, l.nav, 1e-9);
        assertEquals(List.of(2, 3, 4, 5, 6), l.rebalanceDays);
    }

    @Test
    void band525_relativeDriftOverQuarterOfTarget_triggersBelowFivePoints() {
        // 2.8 pp on a 10 % target is 28 % relative: the 5/25 rule fires, the 3 pp absolute band does not
        double[] w = {0.128, 0.872};
        double[] t = {0.10, 0.90};
        assertTrue(Baselines.rule("band_5_25").rebalance(null, null, w, t));
        assertFalse(Baselines.rule("band_abs_3").rebalance(null, null, w, t));
    }

    @Test
    void calendarRules_monthBoundaries_fireOnFirstTradingDayOnly() {
        var jan2 = java.time.LocalDate.of(2024, 1, 2);
        var dec29 = java.time.LocalDate.of(2023, 12, 29);
        var jan3 = java.time.LocalDate.of(2024, 1, 3);
        var feb1 = java.time.LocalDate.of(2024, 2, 1);
        var jan31 = java.time.LocalDate.of(2024, 1, 31);
        assertTrue(Baselines.rule("annual").rebalance(jan2, dec29, null, null));
        assertTrue(Baselines.rule("quarterly").rebalance(jan2, dec29, null, null));
        assertFalse(Baselines.rule("annual").rebalance(jan3, jan2, null, null));
        assertFalse(Baselines.rule("quarterly").rebalance(feb1, jan31, null, null));
        assertTrue(Baselines.rule("monthly").rebalance(feb1, jan31, null, null));
    }

    @Test
    void rule_unknownName_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> Baselines.rule("weekly"));
    }

    /**
     * Tracking error to the always-at-target (50/50 every close) portfolio, by hand: band_5_25 holds 50 A + 50 B
     * through 01-31 (weights 54.5/45.5) and is at target at every later close, so its daily returns equal the
     * target mix's except on 02-01: -100/1100 against -0.1, a difference of 1/110. Six differences, one of them
     * x = 1/110: sample sd = x / sqrt(6), annualised x sqrt(252 / 6) = sqrt(42) / 110 = 0.0589158.
     */
    @Test
    void trackingError_band525_matchesHandValue() {
        PriceHistory h = TinyMarket.history(DATES, A, B, null);
        BacktestContext ctx = TinyMarket.context(h, TinyMarket.portfolio(0.5, CostModel.none()), 1000);
        StrategyLedger l = BacktestEngine.baseline(ctx, "band_5_25");
        assertArrayEquals(new double[] {0.1, -0.1, 0.125, 0.125, -0.1, 0.5}, ctx.targetReturns(), 1e-12);
        StrategyMetrics m = l.metrics(null, ctx.rfReturns(), ctx.benchmarkReturns(), ctx.targetReturns());
        assertEquals(Math.sqrt(42) / 110, m.trackingError(), 1e-12);
        assertEquals(0.0589158, m.trackingError(), 1e-7);
    }
}
