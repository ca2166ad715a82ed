package io.rebalancer.analytics;

/**
 * Rolling statistics over a trailing window of daily returns; value i covers returns i - window + 1 .. i and is NaN
 * for the first window - 1 returns. Each window is computed afresh with the same formulas as the whole-run figures.
 */
public final class Rolling {
    private Rolling() {
    }

    /** Arithmetic Sharpe {@code mean / sd * sqrt(252)} of each window (rf 0, as quantstats' {@code rolling_sharpe}). */
    public static double[] sharpe(double[] r, int window) {
        return apply(r, null, window, (w, b) -> ReturnStats.sharpeArithmetic(w, null));
    }

    /** Annualised volatility (sample sd times sqrt(252)) of each window. */
    public static double[] volatility(double[] r, int window) {
        return apply(r, null, window, (w, b) -> ReturnStats.annualizedVolatility(w));
    }

    /** OLS beta on the benchmark over each window. */
    public static double[] beta(double[] r, double[] benchmark, int window) {
        Checks.finite(benchmark, "benchmark returns");
        Checks.sameLength(r, "returns", benchmark, "benchmark returns");
        return apply(r, benchmark, window, ReturnStats::beta);
    }

    private interface Stat {
        double of(double[] window, double[] benchmarkWindow);
    }

    private static double[] apply(double[] r, double[] b, int window, Stat stat) {
        Checks.finite(r, "returns");
        if (window < 2) {
            throw new IllegalArgumentException("window = " + window + " must be at least 2 returns");
        }
        double[] out = new double[r.length];
        java.util.Arrays.fill(out, Double.NaN);
        for (int i = window - 1; i < r.length; i++) {
            double[] w = java.util.Arrays.copyOfRange(r, i - window + 1, i + 1);
            double[] bw = b == null ? null : java.util.Arrays.copyOfRange(b, i - window + 1, i + 1);
            out[i] = stat.of(w, bw);
        }
        return out;
    }
}
