package io.rebalancer.analytics;

import java.util.Arrays;

/**
 * Rolling statistics over a trailing window of daily returns; value i covers returns i - window + 1 .. i and is NaN
 * for the first window - 1 returns. The formulas are the whole-run ones (sample sd with n - 1, OLS beta), computed
 * from sums that slide with the window (one pass, so a 10-year series costs microseconds per window).
 */
public final class Rolling {
    private static final double SQRT_PERIODS = Math.sqrt(ReturnStats.PERIODS_PER_YEAR);

    private Rolling() {
    }

    /** Arithmetic Sharpe {@code mean / sd * sqrt(252)} of each window (rf 0, as quantstats' {@code rolling_sharpe}). */
    public static double[] sharpe(double[] r, int window) {
        double[][] m = moments(r, r, window);
        double[] out = nan(r.length);
        for (int i = window - 1; i < r.length; i++) {
            double sd = Math.sqrt(m[1][i]);
            out[i] = sd > 0 ? m[0][i] / sd * SQRT_PERIODS : Double.NaN;
        }
        return out;
    }

    /** Annualised volatility (sample sd times sqrt(252)) of each window. */
    public static double[] volatility(double[] r, int window) {
        double[][] m = moments(r, r, window);
        double[] out = nan(r.length);
        for (int i = window - 1; i < r.length; i++) {
            out[i] = Math.sqrt(m[1][i]) * SQRT_PERIODS;
        }
        return out;
    }

    /** OLS beta {@code cov(r, b) / var(b)} on the benchmark over each window; NaN where the benchmark is flat. */
    public static double[] beta(double[] r, double[] benchmark, int window) {
        Checks.finite(benchmark, "benchmark returns");
        Checks.sameLength(r, "returns", benchmark, "benchmark returns");
        double[][] m = moments(r, benchmark, window);
        double[] out = nan(r.length);
        for (int i = window - 1; i < r.length; i++) {
            out[i] = m[3][i] > 0 ? m[2][i] / m[3][i] : Double.NaN;
        }
        return out;
    }

    /** Per window ending at i: mean of r, sample variance of r, sample covariance of r and b, sample variance of b. */
    private static double[][] moments(double[] r, double[] b, int window) {
        Checks.finite(r, "returns");
        if (window < 2) {
            throw new IllegalArgumentException("window = " + window + " must be at least 2 returns");
        }
        int n = r.length;
        double[][] out = new double[4][n];
        double sr = 0;
        double srr = 0;
        double sb = 0;
        double sbb = 0;
        double srb = 0;
        for (int i = 0; i < n; i++) {
            sr += r[i];
            srr += r[i] * r[i];
            sb += b[i];
            sbb += b[i] * b[i];
            srb += r[i] * b[i];
            if (i >= window) {
                int j = i - window;
                sr -= r[j];
                srr -= r[j] * r[j];
                sb -= b[j];
                sbb -= b[j] * b[j];
                srb -= r[j] * b[j];
            }
            if (i >= window - 1) {
                double k = window;
                out[0][i] = sr / k;
                out[1][i] = Math.max(0, (srr - sr * sr / k) / (k - 1));
                out[2][i] = (srb - sr * sb / k) / (k - 1);
                out[3][i] = Math.max(0, (sbb - sb * sb / k) / (k - 1));
            }
        }
        return out;
    }

    private static double[] nan(int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        return out;
    }
}
