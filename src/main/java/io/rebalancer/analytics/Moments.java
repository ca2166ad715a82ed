package io.rebalancer.analytics;

/**
 * Distribution and benchmark-relative statistics of daily simple returns that a tear sheet reports (docs/METRICS.md,
 * "Tear sheet"). Skew and kurtosis are the bias-corrected sample forms pandas' {@code Series.skew()} and
 * {@code Series.kurt()} compute (and quantstats reports); the others follow quantstats' {@code stats.py}, except the
 * information ratio, which is annualised here. Invalid input throws {@link IllegalArgumentException}; too short
 * input gives NaN.
 */
public final class Moments {
    private static final double SQRT_PERIODS = Math.sqrt(ReturnStats.PERIODS_PER_YEAR);

    private Moments() {
    }

    /**
     * Adjusted Fisher-Pearson skewness {@code G1 = sqrt(n(n-1))/(n-2) * m3 / m2^1.5}, m_k the population central
     * moments (pandas {@code nanskew}); 0 when every value is equal, NaN for fewer than 3 values.
     */
    public static double skew(double[] r) {
        Checks.finite(r, "returns");
        int n = r.length;
        if (n < 3) {
            return Double.NaN;
        }
        double mean = ReturnStats.meanUnchecked(r);
        double s2 = 0;
        double s3 = 0;
        for (double v : r) {
            double d = v - mean;
            s2 += d * d;
            s3 += d * d * d;
        }
        if (s2 == 0) {
            return 0;
        }
        double m2 = s2 / n;
        double m3 = s3 / n;
        return Math.sqrt((double) n * (n - 1)) / (n - 2) * m3 / Math.pow(m2, 1.5);
    }

    /**
     * Bias-corrected sample excess kurtosis (pandas {@code nankurt}, 0 for a normal distribution):
     * {@code n(n+1)(n-1) S4 / ((n-2)(n-3) S2^2) - 3(n-1)^2 / ((n-2)(n-3))}, S_k the sums of k-th powers of the
     * deviations from the mean; 0 when every value is equal, NaN for fewer than 4 values.
     */
    public static double kurtosis(double[] r) {
        Checks.finite(r, "returns");
        int n = r.length;
        if (n < 4) {
            return Double.NaN;
        }
        double mean = ReturnStats.meanUnchecked(r);
        double s2 = 0;
        double s4 = 0;
        for (double v : r) {
            double d = v - mean;
            s2 += d * d;
            s4 += d * d * d * d;
        }
        if (s2 == 0) {
            return 0;
        }
        double nn = n;
        double adj = 3 * (nn - 1) * (nn - 1) / ((nn - 2) * (nn - 3));
        return nn * (nn + 1) * (nn - 1) * s4 / ((nn - 2) * (nn - 3) * s2 * s2) - adj;
    }

    /** Positive returns over non-zero returns (quantstats {@code win_rate}); NaN when every return is zero. */
    public static double winRate(double[] r) {
        Checks.finite(r, "returns");
        int positive = 0;
        int nonZero = 0;
        for (double v : r) {
            if (v > 0) {
                positive++;
            }
            if (v != 0) {
                nonZero++;
            }
        }
        return nonZero == 0 ? Double.NaN : (double) positive / nonZero;
    }

    /**
     * Omega ratio at a daily threshold: sum of the gains above it over the sum of the losses below it (quantstats
     * {@code omega} with {@code required_return} already daily); NaN when nothing falls below the threshold.
     */
    public static double omega(double[] r, double threshold) {
        Checks.finite(r, "returns");
        Checks.finite(threshold, "threshold");
        double gains = 0;
        double losses = 0;
        for (double v : r) {
            double d = v - threshold;
            if (d > 0) {
                gains += d;
            } else if (d < 0) {
                losses -= d;
            }
        }
        return losses > 0 ? gains / losses : Double.NaN;
    }

    /** Best (largest) value; NaN when empty. */
    public static double best(double[] r) {
        Checks.finite(r, "returns");
        double best = Double.NaN;
        for (double v : r) {
            best = Double.isNaN(best) ? v : Math.max(best, v);
        }
        return best;
    }

    /** Worst (smallest) value; NaN when empty. */
    public static double worst(double[] r) {
        Checks.finite(r, "returns");
        double worst = Double.NaN;
        for (double v : r) {
            worst = Double.isNaN(worst) ? v : Math.min(worst, v);
        }
        return worst;
    }

    /**
     * Tracking error to a benchmark, annualised: {@code sd(r - b) * sqrt(252)} with the sample sd (PerformanceAnalytics
     * {@code TrackingError}); NaN for fewer than two returns.
     */
    public static double trackingError(double[] r, double[] benchmark) {
        return ReturnStats.sampleStdDevUnchecked(active(r, benchmark)) * SQRT_PERIODS;
    }

    /**
     * Information ratio, annualised: {@code mean(r - b) / sd(r - b) * sqrt(252)} = annualised mean active return over
     * the tracking error. quantstats' {@code information_ratio} is the same ratio without the {@code sqrt(252)}.
     * NaN when the active returns do not vary.
     */
    public static double informationRatio(double[] r, double[] benchmark) {
        double[] a = active(r, benchmark);
        double sd = ReturnStats.sampleStdDevUnchecked(a);
        return sd > 0 ? ReturnStats.meanUnchecked(a) / sd * SQRT_PERIODS : Double.NaN;
    }

    /**
     * Alpha to a benchmark, annualised arithmetically: {@code (mean(r) - beta * mean(b)) * 252}, beta the OLS slope
     * (quantstats {@code greeks}; no risk-free rate). NaN when the benchmark does not vary.
     */
    public static double alpha(double[] r, double[] benchmark) {
        active(r, benchmark);
        double beta = ReturnStats.beta(r, benchmark);
        return (ReturnStats.meanUnchecked(r) - beta * ReturnStats.meanUnchecked(benchmark)) * ReturnStats.PERIODS_PER_YEAR;
    }

    private static double[] active(double[] r, double[] benchmark) {
        Checks.finite(r, "returns");
        Checks.finite(benchmark, "benchmark returns");
        Checks.sameLength(r, "returns", benchmark, "benchmark returns");
        double[] a = new double[r.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = r[i] - benchmark[i];
        }
        return a;
    }
}
