package io.rebalancer.analytics;

import java.util.Arrays;

/** Immutable sample covariance matrix (divisor n-1) of daily returns, one row per asset. */
public final class CovarianceMatrix {

    private final double[][] cov;

    private CovarianceMatrix(double[][] cov) {
        this.cov = cov;
    }

    /**
     * Sample covariance of assets' daily returns.
     *
     * @param returnsByAsset {@code returnsByAsset[i]} is asset i's return series; all of equal length (at least 2)
     */
    public static CovarianceMatrix sample(double[][] returnsByAsset) {
        if (returnsByAsset == null || returnsByAsset.length == 0) {
            throw new IllegalArgumentException("returnsByAsset must hold at least one asset, got "
                    + (returnsByAsset == null ? "null" : "0 assets"));
        }
        int k = returnsByAsset.length;
        int n = -1;
        for (int i = 0; i < k; i++) {
            Checks.finite(returnsByAsset[i], "returnsByAsset[" + i + "]");
            if (n < 0) {
                n = returnsByAsset[i].length;
            } else if (returnsByAsset[i].length != n) {
                throw new IllegalArgumentException("returnsByAsset[" + i + "] has " + returnsByAsset[i].length
                        + " returns but returnsByAsset[0] has " + n + "; all assets need equal lengths");
            }
        }
        if (n < 2) {
            throw new IllegalArgumentException("covariance needs at least 2 returns per asset, got " + n);
        }
        double[][] centred = new double[k][n];
        for (int i = 0; i < k; i++) {
            double m = ReturnStats.meanUnchecked(returnsByAsset[i]);
            for (int t = 0; t < n; t++) {
                centred[i][t] = returnsByAsset[i][t] - m;
            }
        }
        double[][] cov = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                double s = 0;
                for (int t = 0; t < n; t++) {
                    s += centred[i][t] * centred[j][t];
                }
                cov[i][j] = s / (n - 1);
                cov[j][i] = cov[i][j];
            }
        }
        return new CovarianceMatrix(cov);
    }

    /** Number of assets. */
    public int size() {
        return cov.length;
    }

    /** Covariance of daily returns of assets i and j. */
    public double get(int i, int j) {
        checkIndex(i, "i");
        checkIndex(j, "j");
        return cov[i][j];
    }

    /** w' Σ w: daily variance of a portfolio with the given weights. */
    public double portfolioVariance(double[] weights) {
        Checks.finite(weights, "weights");
        if (weights.length != cov.length) {
            throw new IllegalArgumentException("weights has " + weights.length + " values but the matrix has "
                    + cov.length + " assets");
        }
        double v = 0;
        for (int i = 0; i < cov.length; i++) {
            double row = 0;
            for (int j = 0; j < cov.length; j++) {
                row += cov[i][j] * weights[j];
            }
            v += weights[i] * row;
        }
        return v;
    }

    /** Ex-ante tracking error sqrt(a' Σ a * 252) for active weights a = portfolio - target (annualised fraction). */
    public double annualizedTrackingError(double[] activeWeights) {
        return Math.sqrt(Math.max(0, portfolioVariance(activeWeights)) * ReturnStats.PERIODS_PER_YEAR);
    }

    private void checkIndex(int i, String name) {
        if (i < 0 || i >= cov.length) {
            throw new IndexOutOfBoundsException(name + " = " + i + " is outside 0.." + (cov.length - 1));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CovarianceMatrix other && Arrays.deepEquals(cov, other.cov);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(cov);
    }

    @Override
    public String toString() {
        return "CovarianceMatrix" + Arrays.deepToString(cov);
    }
}
