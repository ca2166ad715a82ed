package io.rebalancer.sweep;

import java.util.Map;

/**
 * The agent's outcome of one sweep task, flat for a Parquet row: the variant (id, label, axis values), the sample
 * and the agent's metrics over it (fractions, as in metrics.json), and the task's wall time.
 */
public record SweepRow(String variantId, String variantLabel, Map<String, Double> axisValues, String rulesHash,
                       String sampleId, String portfolio, String from, String to, int days, double finalNav,
                       double cagr, double volatility, double sharpe, double maxDrawdown, double turnover,
                       int trades, double costs, int rebalances, double trackingError, double certaintyEquivalent,
                       double avgAbsDrift, double maxAbsDrift, long millis) implements java.io.Serializable {
    public SweepRow {
        axisValues = Map.copyOf(axisValues);
    }

    /** The agent's figures the issue-10 targets compare. */
    public io.rebalancer.evaluation.TargetCheck.Figures figures() {
        return new io.rebalancer.evaluation.TargetCheck.Figures(sharpe, avgAbsDrift, maxAbsDrift);
    }

    /** The value of a suite metric's column in this row. */
    public double metric(io.rebalancer.evaluation.SuiteMetric m) {
        return switch (m) {
            case SHARPE -> sharpe;
            case CAGR -> cagr;
            case TRACKING_ERROR -> trackingError;
            case CERTAINTY_EQUIVALENT -> certaintyEquivalent;
            case AVG_ABS_DRIFT -> avgAbsDrift;
            case MAX_ABS_DRIFT -> maxAbsDrift;
            case TURNOVER -> turnover;
            case COSTS -> costs;
        };
    }
}
