package io.rebalancer.optimise;

import org.ojalgo.matrix.decomposition.Eigenvalue;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;

/** The checks a covariance matrix must pass before it goes into the optimiser's quadratic programme. */
final class Covariances {
    static {
        QuietOjAlgo.ensure();
    }

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
        if (!(smallest >= -TOLERANCE * trace)) {
            throw new IllegalArgumentException("covariance must be positive semi-definite: its smallest eigenvalue was "
                    + smallest);
        }
        return copy;
    }

    private static double smallestEigenvalue(double[][] s) {
        if (s.length == 1) {
            return s[0][0];
        }
        Eigenvalue<Double> eigen = Eigenvalue.R064.make(true);
        if (!eigen.decompose(R064Store.FACTORY.rows(s))) {
            return Double.NaN;
        }
        MatrixStore<Double> d = eigen.getD();
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < s.length; i++) {
            smallest = Math.min(smallest, d.doubleValue(i, i));
        }
        return smallest;
    }
}
