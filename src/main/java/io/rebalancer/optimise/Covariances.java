package io.rebalancer.optimise;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/** The checks a covariance matrix must pass before it goes into the optimiser's quadratic programme. */
final class Covariances {
    // relative to the trace: a sample covariance of perfectly collinear assets comes out with eigenvalues of
    // -1e-17 or so instead of 0 (rounding), which must pass; a truly indefinite matrix is far below this
    private static final double TOLERANCE = 1e-9;

    private Covariances() {
    }

    /** A copy of {@code s} once it is square, finite, symmetric and positive semi-definite; else why it is not. */
    static double[][] checkedCopy(double[][] s) {
        int n = s.length;
        double[][] copy = new double[n][];
        double trace = 0;
        for (int i = 0; i < n; i++) {
            if (s[i] == null || s[i].length != n) {
                throw new IllegalArgumentException("covariance must be square: row " + i + " of " + n + " has "
                        + (s[i] == null ? "no" : String.valueOf(s[i].length)) + " entries");
            }
            copy[i] = s[i].clone();
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(s[i][j])) {
                    throw new IllegalArgumentException("covariance entry [" + i + "][" + j + "] must be finite, was "
                            + s[i][j]);
                }
            }
            trace += Math.abs(s[i][i]);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(s[i][j] - s[j][i]) > TOLERANCE * trace) {
                    throw new IllegalArgumentException("covariance must be symmetric: entry [" + i + "][" + j + "] was "
                            + s[i][j] + " but [" + j + "][" + i + "] was " + s[j][i]);
                }
            }
        }
        double smallest = smallestEigenvalue(copy);
        if (smallest < -TOLERANCE * trace) {
            throw new IllegalArgumentException("covariance must be positive semi-definite: its smallest eigenvalue was "
                    + smallest);
        }
        return copy;
    }

    private static double smallestEigenvalue(double[][] s) {
        if (s.length == 1) {
            return s[0][0];
        }
        double smallest = Double.POSITIVE_INFINITY;
        for (double e : new EigenDecomposition(new Array2DRowRealMatrix(s, true)).getRealEigenvalues()) {
            smallest = Math.min(smallest, e);
        }
        return smallest;
    }
}
