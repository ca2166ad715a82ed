package io.rebalancer.backtest;

import java.util.ArrayList;
import java.util.List;

/** Per-day record of one strategy: NAV and drift at each close, what it traded, and the run totals. */
final class StrategyLedger {
    final String name;
    final double[] nav;
    final double[] drift;
    final double[] oneWayTurnover;
    final double[] cost;
    final int[] trades;
    final List<Integer> rebalanceDays = new ArrayList<>();

    StrategyLedger(String name, int days) {
        this.name = name;
        this.nav = new double[days];
        this.drift = new double[days];
        this.oneWayTurnover = new double[days];
        this.cost = new double[days];
        this.trades = new int[days];
    }

    void fill(int k, SimPortfolio.Fill fill) {
        if (fill == null || fill.trades == 0) {
            return;
        }
        oneWayTurnover[k] += fill.oneWayTurnover();
        cost[k] += fill.cost;
        trades[k] += fill.trades;
        if (rebalanceDays.isEmpty() || rebalanceDays.get(rebalanceDays.size() - 1) != k) {
            rebalanceDays.add(k);
        }
    }

    void close(int k, double navValue, double driftValue) {
        nav[k] = navValue;
        drift[k] = driftValue;
    }

    StrategyMetrics metrics(List<java.time.LocalDate> dates, double[] rf, double[] benchmarkReturns,
                            double[] targetReturns) {
        return BacktestMetrics.of(dates, nav, rf, benchmarkReturns, oneWayTurnover, trades, cost, drift, targetReturns);
    }
}
