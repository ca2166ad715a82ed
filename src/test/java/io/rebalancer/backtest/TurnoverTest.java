package io.rebalancer.backtest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Annual one-way turnover (docs/METRICS.md): per rebalance (buys + sells) / 2 / NAV before trading, summed over the
 * run and divided by the years (n / 252). Worked by hand.
 */
class TurnoverTest {
    @Test
    void oneWayTurnover_buys100Sells100OnNav1000_isTenPercent() {
        SimPortfolio.Fill fill = new SimPortfolio.Fill(1000);
        fill.add(100, 0);
        fill.add(100, 0);
        assertEquals(0.10, fill.oneWayTurnover(), 1e-15);
    }

    @Test
    void annualTurnover_twoRebalancesOverTwoYears_isHalfTheirSum() {
        int n = 504;
        double[] nav = new double[n + 1];
        double[] t = new double[n + 1];
        java.util.Arrays.fill(nav, 100);
        t[10] = 0.10;
        t[300] = 0.05;
        StrategyMetrics m = BacktestMetrics.of(nav, null, null, t, new int[n + 1], null, null);
        assertEquals(0.075, m.turnover(), 1e-15);
        assertEquals(0.075, BacktestMetrics.annualTurnover(t, n), 1e-15);
    }

    @Test
    void metrics_tradesAndRebalances_countTradesAndTradingDays() {
        double[] nav = {100, 101, 102, 103};
        int[] trades = {0, 3, 0, 2};
        double[] costs = {0, 1.5, 0, 0.5};
        double[] drift = {0, 0.02, 0.04, 0};
        StrategyMetrics m = BacktestMetrics.of(nav, null, null, new double[4], trades, costs, drift);
        assertEquals(5, m.trades());
        assertEquals(2, m.rebalances());
        assertEquals(2.0, m.costs(), 1e-15);
        assertEquals(0.015, m.avgAbsDrift(), 1e-15);
        assertEquals(0.04, m.maxAbsDrift(), 1e-15);
        assertEquals(103, m.finalNav(), 0);
    }
}
