package io.rebalancer.backtest;

import io.rebalancer.analytics.PerformanceMetrics;
import io.rebalancer.analytics.ReturnStats;
import io.rebalancer.analytics.TearSheet;

import java.time.LocalDate;
import java.util.List;

/**
 * Computes {@link StrategyMetrics} from a strategy's daily series (docs/METRICS.md, "Backtest metrics").
 * Performance figures come from {@link PerformanceMetrics} over all returns of the run; the trading figures
 * are sums over the run's days.
 */
public final class BacktestMetrics {
    private BacktestMetrics() {
    }

    /**
     * @param nav              NAV at each close, first = start (at least two values)
     * @param rf               daily risk-free rate of each return (length nav.length - 1) or null
     * @param benchmarkReturns benchmark daily returns aligned to the NAV returns, or null (beta NaN)
     * @param oneWayTurnover   per day: (buys + sells) / 2 / NAV before trading; null for none
     * @param trades           per day: number of trades; null for none
     * @param costs            per day: costs paid (currency); null for none
     * @param drift            per day: portfolio drift at the close; null when unknown (NaN drift figures)
     */
    public static StrategyMetrics of(double[] nav, double[] rf, double[] benchmarkReturns, double[] oneWayTurnover,
                                     int[] trades, double[] costs, double[] drift) {
        return of(null, nav, rf, benchmarkReturns, oneWayTurnover, trades, costs, drift, null);
    }

    /**
     * As above, with the tear-sheet metrics ({@link TearSheet}) when {@code dates} (one per NAV value) is given,
     * and the tracking error against {@code targetReturns}: the daily returns of the always-at-target portfolio
     * (rebalanced to target at every close, no costs) aligned to the NAV returns; null gives NaN.
     */
    public static StrategyMetrics of(List<LocalDate> dates, double[] nav, double[] rf, double[] benchmarkReturns,
                                     double[] oneWayTurnover, int[] trades, double[] costs, double[] drift,
                                     double[] targetReturns) {
        PerformanceMetrics p = PerformanceMetrics.of(nav, rf, benchmarkReturns);
        int n = nav.length - 1;
        double years = (double) n / ReturnStats.PERIODS_PER_YEAR;
        double turnoverSum = 0;
        double costSum = 0;
        int tradeCount = 0;
        int rebalances = 0;
        for (int k = 0; k < nav.length; k++) {
            double t = oneWayTurnover == null ? 0 : oneWayTurnover[k];
            int c = trades == null ? 0 : trades[k];
            turnoverSum += t;
            costSum += costs == null ? 0 : costs[k];
            tradeCount += c;
            if (c > 0) {
                rebalances++;
            }
        }
        double avgDrift = Double.NaN;
        double maxDrift = Double.NaN;
        if (drift != null) {
            double sum = 0;
            maxDrift = 0;
            for (double d : drift) {
                sum += d;
                maxDrift = Math.max(maxDrift, d);
            }
            avgDrift = sum / drift.length;
        }
        double[] returns = ReturnStats.simpleReturns(nav);
        double te = targetReturns == null ? Double.NaN : ReturnStats.trackingError(returns, targetReturns);
        double ce = ReturnStats.certaintyEquivalent(returns, StrategyMetrics.DEFAULT_CRRA_GAMMA);
        return new StrategyMetrics(p.finalNav(), p.cagr(), p.volatility(), p.sharpe(), p.sharpeArithmetic(),
                p.sortino(), p.calmar(), p.maxDrawdown(), p.var95Historical(), p.cvar95(),
                p.var95Gaussian(), p.var95CornishFisher(), p.beta(),
                years > 0 ? turnoverSum / years : Double.NaN, tradeCount, costSum, rebalances, avgDrift, maxDrift, te, ce,
                dates == null ? null : TearSheet.of(dates, nav, benchmarkReturns));
    }

    /** Annual one-way turnover: sum of the per-day one-way turnovers divided by the years (n / 252). */
    public static double annualTurnover(double[] oneWayTurnover, int returns) {
        double sum = 0;
        for (double t : oneWayTurnover) {
            sum += t;
        }
        return sum / ((double) returns / ReturnStats.PERIODS_PER_YEAR);
    }
}
