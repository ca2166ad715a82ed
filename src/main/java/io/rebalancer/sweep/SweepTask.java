package io.rebalancer.sweep;

/** One backtest of a sweep: variant {@code variant} of the grid on sample {@code sample} of the suite (indexes). */
public record SweepTask(int variant, int sample) implements java.io.Serializable {
}
