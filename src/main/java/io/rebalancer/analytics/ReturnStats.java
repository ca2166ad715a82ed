package io.rebalancer.analytics;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Return statistics on daily simple returns (fractions, 0.01 = 1 %), 252 periods a year.
 *
 * <p>Every method is a pure function of its arguments; inputs are never modified. See
 * {@code docs/METRICS.md} for the contract. Invalid input throws {@link IllegalArgumentException};
 * input too short for the statistic gives {@link Double#NaN}.
 */
public final class ReturnStats {

    /** Trading periods per year used for annualisation. */
    public static final int PERIODS_PER_YEAR = 252;

    private static final double SQRT_PERIODS = Math.sqrt(PERIODS_PER_YEAR);
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private ReturnStats() {
    }

    /** Simple returns p[i+1]/p[i] - 1; length n-1 (empty for fewer than two prices). */
    public static double[] simpleReturns(double[] prices) {
        Checks.positive(prices, "prices");
        if (prices.length < 2) {
            return new double[0];
        }
        double[] r = new double[prices.length - 1];
        for (int i = 1; i < prices.length; i++) {
            r[i - 1] = prices[i] / prices[i - 1] - 1;
        }
        return r;
    }

    /** Arithmetic mean; NaN when empty. */
    public static double mean(double[] r) {
        Checks.finite(r, "returns");
        return meanUnchecked(r);
    }

    /** Sample standard deviation (divisor n-1); NaN for fewer than two values. */
    public static double sampleStdDev(double[] r) {
        Checks.finite(r, "returns");
        return sampleStdDevUnchecked(r);
    }

    /** Sample standard deviation times sqrt(252). */
    public static double annualizedVolatility(double[] r) {
        return sampleStdDev(r) * SQRT_PERIODS;
    }

    /** (nav_end / nav_start)^(252 / n) - 1 with n = nav.length - 1 daily returns; NaN for fewer than two NAVs. */
    public static double cagr(double[] nav) {
        Checks.positive(nav, "nav");
        if (nav.length < 2) {
            return Double.NaN;
        }
        int n = nav.length - 1;
        return Math.pow(nav[n] / nav[0], (double) PERIODS_PER_YEAR / n) - 1;
    }

    /** Largest peak-to-trough fall of the NAV as a negative fraction (e.g. -0.25); 0 if the NAV never falls. */
    public static double maxDrawdown(double[] nav) {
        Checks.positive(nav, "nav");
        double peak = Double.NEGATIVE_INFINITY;
        double worst = 0;
        for (double v : nav) {
            peak = Math.max(peak, v);
            worst = Math.min(worst, v / peak - 1);
        }
        return worst;
    }

    /** CAGR / |max drawdown|; NaN when there is no drawdown (as empyrical). */
    public static double calmar(double cagr, double maxDrawdown) {
        Checks.finite(cagr, "cagr");
        Checks.finite(maxDrawdown, "maxDrawdown");
        if (maxDrawdown > 0) {
            throw new IllegalArgumentException("maxDrawdown = " + maxDrawdown + " must be <= 0 (drawdowns are negative)");
        }
        return maxDrawdown == 0 ? Double.NaN : cagr / Math.abs(maxDrawdown);
    }

    /**
     * PerformanceAnalytics {@code SharpeRatio.annualized(R, Rf, geometric = TRUE)}: with excess e = r - rf,
     * (prod(1 + e)^(252 / n) - 1) / (sd(e) * sqrt(252)). {@code rfDaily} may be null (zero).
     */
    public static double sharpeGeometric(double[] r, double[] rfDaily) {
        double[] e = excess(r, rfDaily);
        if (e.length < 2) {
            return Double.NaN;
        }
        double growth = 1;
        for (double x : e) {
            growth *= 1 + x;
        }
        double annualReturn = Math.pow(growth, (double) PERIODS_PER_YEAR / e.length) - 1;
        return annualReturn / (sampleStdDevUnchecked(e) * SQRT_PERIODS);
    }

    /** mean(e) / sd(e) * sqrt(252) with e = r - rf (empyrical {@code sharpe_ratio}). {@code rfDaily} may be null. */
    public static double sharpeArithmetic(double[] r, double[] rfDaily) {
        double[] e = excess(r, rfDaily);
        if (e.length < 2) {
            return Double.NaN;
        }
        return meanUnchecked(e) / sampleStdDevUnchecked(e) * SQRT_PERIODS;
    }

    /**
     * mean(r - MAR) * 252 / (sqrt(mean(min(r - MAR, 0)^2)) * sqrt(252)), both means over all n returns.
     * +Infinity when nothing falls below MAR and the mean excess is positive (as empyrical).
     */
    public static double sortino(double[] r, double mar) {
        Checks.finite(r, "returns");
        Checks.finite(mar, "mar");
        if (r.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        double downsideSquares = 0;
        for (double x : r) {
            double d = x - mar;
            sum += d;
            if (d < 0) {
                downsideSquares += d * d;
            }
        }
        double downsideRisk = Math.sqrt(downsideSquares / r.length) * SQRT_PERIODS;
        return sum / r.length * PERIODS_PER_YEAR / downsideRisk;
    }

    /**
     * One-day historical VaR as a (normally negative) return: the (1 - confidence) quantile of the
     * returns, R type 7 (linear interpolation between order statistics). NaN when empty.
     */
    public static double historicalVar(double[] r, double confidence) {
        Checks.finite(r, "returns");
        Checks.confidence(confidence);
        if (r.length == 0) {
            return Double.NaN;
        }
        double[] x = r.clone();
        Arrays.sort(x);
        return quantileType7(x, 1 - confidence);
    }

    /** mean + z * sample sd, z = inverse standard normal of (1 - confidence) (negative). */
    public static double gaussianVar(double[] r, double confidence) {
        Checks.finite(r, "returns");
        double z = lowerTailZ(confidence);
        return meanUnchecked(r) + z * sampleStdDevUnchecked(r);
    }

    /**
     * Modified (Cornish-Fisher) VaR: mean + z_cf * sample sd with
     * z_cf = z + (z^2-1)S/6 + (z^3-3z)K/24 - (2z^3-5z)S^2/36, S the moment skewness and K the moment
     * excess kurtosis (population central moments). NaN for fewer than two returns or zero dispersion.
     */
    public static double cornishFisherVar(double[] r, double confidence) {
        Checks.finite(r, "returns");
        double z = lowerTailZ(confidence);
        if (r.length < 2) {
            return Double.NaN;
        }
        double m = meanUnchecked(r);
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double x : r) {
            double d = x - m;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        m2 /= r.length;
        m3 /= r.length;
        m4 /= r.length;
        double s = m3 / Math.pow(m2, 1.5);
        double k = m4 / (m2 * m2) - 3;
        double z2 = z * z;
        double z3 = z2 * z;
        double zcf = z + (z2 - 1) * s / 6 + (z3 - 3 * z) * k / 24 - (2 * z3 - 5 * z) * s * s / 36;
        return m + zcf * sampleStdDevUnchecked(r);
    }

    /** Mean of the returns at or below the historical VaR (a negative number for a loss tail). */
    public static double cvar(double[] r, double confidence) {
        double var = historicalVar(r, confidence);
        if (Double.isNaN(var)) {
            return Double.NaN;
        }
        double sum = 0;
        int count = 0;
        for (double x : r) {
            if (x <= var) {
                sum += x;
                count++;
            }
        }
        return sum / count;
    }

    /** OLS slope of r on benchmark: cov(r, b) / var(b). NaN for fewer than two points or a flat benchmark. */
    public static double beta(double[] r, double[] benchmark) {
        Checks.finite(r, "returns");
        Checks.finite(benchmark, "benchmark");
        Checks.sameLength(r, "returns", benchmark, "benchmark");
        if (r.length < 2) {
            return Double.NaN;
        }
        double mr = meanUnchecked(r);
        double mb = meanUnchecked(benchmark);
        double cov = 0;
        double varB = 0;
        for (int i = 0; i < r.length; i++) {
            double db = benchmark[i] - mb;
            cov += (r[i] - mr) * db;
            varB += db * db;
        }
        return varB == 0 ? Double.NaN : cov / varB;
    }

    /**
     * Ex-post tracking error: sample sd of the daily differences {@code r - reference} times sqrt(252) (the
     * reference is, in a backtest, the always-at-target portfolio's daily return). NaN for fewer than two returns.
     */
    public static double trackingError(double[] r, double[] reference) {
        Checks.finite(r, "returns");
        Checks.finite(reference, "reference returns");
        Checks.sameLength(r, "returns", reference, "reference returns");
        double[] d = new double[r.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = r[i] - reference[i];
        }
        return sampleStdDevUnchecked(d) * SQRT_PERIODS;
    }

    /**
     * Annualised CRRA certainty-equivalent return of the daily returns: the sure daily gross return
     * {@code g} an investor with relative risk aversion {@code gamma} values as much as one day drawn from
     * {@code r}, {@code g = (mean((1 + r)^(1 - gamma)))^(1 / (1 - gamma))} ({@code exp(mean(ln(1 + r)))} for
     * gamma = 1), compounded to {@code g^252 - 1}. NaN for no returns.
     */
    public static double certaintyEquivalent(double[] r, double gamma) {
        Checks.finite(r, "returns");
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("risk aversion gamma = " + gamma + " must be a positive number");
        }
        if (r.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < r.length; i++) {
            if (!(r[i] > -1)) {
                throw new IllegalArgumentException("returns[" + i + "] = " + r[i] + " must be above -1");
            }
            sum += Math.abs(gamma - 1) < 1e-12 ? Math.log1p(r[i]) : Math.pow(1 + r[i], 1 - gamma);
        }
        double mean = sum / r.length;
        double daily = Math.abs(gamma - 1) < 1e-12 ? Math.exp(mean) : Math.pow(mean, 1 / (1 - gamma));
        return Math.pow(daily, PERIODS_PER_YEAR) - 1;
    }

    /** The last n values (a copy; all of them if there are fewer than n). */
    public static double[] trailing(double[] r, int n) {
        if (r == null) {
            throw new IllegalArgumentException("returns must not be null");
        }
        if (n < 0) {
            throw new IllegalArgumentException("n = " + n + " must not be negative");
        }
        return Arrays.copyOfRange(r, Math.max(0, r.length - n), r.length);
    }

    // ---- package-private helpers (inputs already checked) ----

    static double meanUnchecked(double[] r) {
        if (r.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double x : r) {
            sum += x;
        }
        return sum / r.length;
    }

    static double sampleStdDevUnchecked(double[] r) {
        if (r.length < 2) {
            return Double.NaN;
        }
        double m = meanUnchecked(r);
        double ss = 0;
        for (double x : r) {
            double d = x - m;
            ss += d * d;
        }
        return Math.sqrt(ss / (r.length - 1));
    }

    /** R type 7 quantile of ascending-sorted data: h = (n-1)p, x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]). */
    static double quantileType7(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double lowerTailZ(double confidence) {
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - Checks.confidence(confidence));
    }

    private static double[] excess(double[] r, double[] rfDaily) {
        Checks.finite(r, "returns");
        if (rfDaily == null) {
            return r.clone();
        }
        Checks.finite(rfDaily, "rfDaily");
        Checks.sameLength(r, "returns", rfDaily, "rfDaily");
        double[] e = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            e[i] = r[i] - rfDaily[i];
        }
        return e;
    }
}
