package io.rebalancer.evaluation;

import io.rebalancer.backtest.StrategyMetrics;

import java.util.function.ToDoubleFunction;

/** The columns of the win table, each with the direction in which it is better. */
public enum SuiteMetric {
    SHARPE("sharpe", true, StrategyMetrics::sharpe),
    CAGR("cagr", true, StrategyMetrics::cagr),
    TRACKING_ERROR("tracking_error", false, StrategyMetrics::trackingError),
    CERTAINTY_EQUIVALENT("certainty_equivalent", true, StrategyMetrics::certaintyEquivalent),
    AVG_ABS_DRIFT("avg_abs_drift", false, StrategyMetrics::avgAbsDrift),
    MAX_ABS_DRIFT("max_abs_drift", false, StrategyMetrics::maxAbsDrift),
    TURNOVER("turnover", false, StrategyMetrics::turnover),
    COSTS("costs", false, StrategyMetrics::costs);

    private final String key;
    private final boolean higherIsBetter;
    private final ToDoubleFunction<StrategyMetrics> value;

    SuiteMetric(String key, boolean higherIsBetter, ToDoubleFunction<StrategyMetrics> value) {
        this.key = key;
        this.higherIsBetter = higherIsBetter;
        this.value = value;
    }

    /** The metrics.json / suite.json name. */
    public String key() {
        return key;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public double of(StrategyMetrics m) {
        return value.applyAsDouble(m);
    }

    /**
     * +1 when {@code agent} is better than {@code other}, -1 when worse, 0 when within {@code tolerance}
     * (or either is NaN).
     */
    public int compare(double agent, double other, double tolerance) {
        if (Double.isNaN(agent) || Double.isNaN(other) || Math.abs(agent - other) <= tolerance) {
            return 0;
        }
        return (agent > other) == higherIsBetter ? 1 : -1;
    }
}
