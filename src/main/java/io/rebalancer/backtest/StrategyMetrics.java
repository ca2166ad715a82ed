package io.rebalancer.backtest;

import io.rebalancer.analytics.TearSheet;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metric contract of a backtested strategy (docs/METRICS.md, "Backtest metrics"). Fractions throughout
 * except {@code finalNav} and {@code costs} (currency) and the counts. {@code turnover} is annual and one-way:
 * the sum over rebalances of (buys + sells) / 2 / NAV before trading, divided by the years (n / 252).
 * {@code trackingError} is annualised, against the always-at-target portfolio (NaN when its returns are unknown);
 * {@code certaintyEquivalent} the annualised CRRA certainty-equivalent return at {@link #DEFAULT_CRRA_GAMMA}.
 * {@code tearSheet} (null when the run's dates are not known) adds the tear-sheet metrics (docs/METRICS.md).
 */
public record StrategyMetrics(double finalNav, double cagr, double volatility, double sharpe, double sharpeArithmetic,
                              double sortino, double calmar, double maxDrawdown, double var95Historical,
                              double cvar95, double var95Gaussian, double var95CornishFisher, double beta,
                              double turnover, int trades, double costs, int rebalances,
                              double avgAbsDrift, double maxAbsDrift, double trackingError,
                              double certaintyEquivalent, TearSheet tearSheet) {
    /** Relative risk aversion of {@code certaintyEquivalent} in metrics.json. */
    public static final double DEFAULT_CRRA_GAMMA = 3;

    /** Without tracking error, certainty equivalent (NaN) and tear sheet: the earlier shape, kept for existing callers. */
    public StrategyMetrics(double finalNav, double cagr, double volatility, double sharpe, double sharpeArithmetic,
                           double sortino, double calmar, double maxDrawdown, double var95Historical,
                           double cvar95, double var95Gaussian, double var95CornishFisher, double beta,
                           double turnover, int trades, double costs, int rebalances,
                           double avgAbsDrift, double maxAbsDrift) {
        this(finalNav, cagr, volatility, sharpe, sharpeArithmetic, sortino, calmar, maxDrawdown, var95Historical,
                cvar95, var95Gaussian, var95CornishFisher, beta, turnover, trades, costs, rebalances, avgAbsDrift,
                maxAbsDrift, Double.NaN, Double.NaN, null);
    }

    /** The same metrics with another final NAV (a run with cash flows: the performance is time-weighted). */
    public StrategyMetrics withFinalNav(double nav) {
        return new StrategyMetrics(nav, cagr, volatility, sharpe, sharpeArithmetic, sortino, calmar, maxDrawdown,
                var95Historical, cvar95, var95Gaussian, var95CornishFisher, beta, turnover, trades, costs, rebalances,
                avgAbsDrift, maxAbsDrift, trackingError, certaintyEquivalent, tearSheet);
    }

    /** The metrics under their contract names (snake_case), in contract order, as in metrics.json. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("final_nav", finalNav);
        m.put("cagr", cagr);
        m.put("volatility", volatility);
        m.put("sharpe", sharpe);
        m.put("sharpe_arithmetic", sharpeArithmetic);
        m.put("sortino", sortino);
        m.put("calmar", calmar);
        m.put("max_drawdown", maxDrawdown);
        m.put("var95_historical", var95Historical);
        m.put("cvar95", cvar95);
        m.put("var95_gaussian", var95Gaussian);
        m.put("var95_cornish_fisher", var95CornishFisher);
        m.put("beta", beta);
        m.put("turnover", turnover);
        m.put("trades", trades);
        m.put("costs", costs);
        m.put("rebalances", rebalances);
        m.put("avg_abs_drift", avgAbsDrift);
        m.put("max_abs_drift", maxAbsDrift);
        m.put("tracking_error", trackingError);
        m.put("certainty_equivalent", certaintyEquivalent);
        if (tearSheet != null) {
            m.putAll(tearSheet.toMap());
        }
        return m;
    }
}
