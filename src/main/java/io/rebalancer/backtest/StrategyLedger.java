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
    /** External cash flow of each day (contributions positive, withdrawals negative), at the start of the day. */
    final double[] flow;
    private boolean anyFlow;
    final List<Integer> rebalanceDays = new ArrayList<>();

    StrategyLedger(String name, int days) {
        this.name = name;
        this.nav = new double[days];
        this.drift = new double[days];
        this.oneWayTurnover = new double[days];
        this.cost = new double[days];
        this.trades = new int[days];
        this.flow = new double[days];
    }

    void flow(int k, double amount) {
        flow[k] = amount;
        anyFlow |= amount != 0;
    }

    /**
     * The NAV with the external flows taken out: {@code u_0 = nav_0}, {@code u_k = u_(k-1) x (nav_k - flow_k) /
     * nav_(k-1)}, the time-weighted (unit value) series the performance metrics are computed on. The NAV itself
     * when there were no flows.
     */
    double[] unitValue() {
        if (!anyFlow) {
            return nav;
        }
        double[] u = new double[nav.length];
        u[0] = nav[0];
        for (int k = 1; k < u.length; k++) {
            u[k] = u[k - 1] * (nav[k] - flow[k]) / nav[k - 1];
        }
        return u;
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
        StrategyMetrics m = BacktestMetrics.of(dates, unitValue(), rf, benchmarkReturns, oneWayTurnover, trades, cost,
                drift, targetReturns);
        return anyFlow ? m.withFinalNav(nav[nav.length - 1]) : m;
    }
}
