package io.rebalancer.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.correlation.Covariance;
import org.junit.jupiter.api.Test;

class CovarianceMatrixTest {

    // a: mean .02, deviations -.01 0 .01; b: mean .01, deviations -.01 .01 0
    private static final double[][] RETURNS = {{0.01, 0.02, 0.03}, {0.00, 0.02, 0.01}};

    @Test
    void sample_twoAssets_matchesHandValues() {
        CovarianceMatrix c = CovarianceMatrix.sample(RETURNS);
        // by hand: var a = (1e-4 + 0 + 1e-4)/2 = 1e-4; var b = 1e-4; cov = (1e-4 + 0 + 0)/2 = 5e-5
        assertEquals(2, c.size());
        assertEquals(1e-4, c.get(0, 0), 1e-18);
        assertEquals(1e-4, c.get(1, 1), 1e-18);
        assertEquals(5e-5, c.get(0, 1), 1e-18);
        assertEquals(c.get(0, 1), c.get(1, 0), 0);
    }

    @Test
    void sample_randomishSeries_matchesCommonsMath() {
        double[][] byAsset = {
            {0.012, -0.004, 0.007, 0.001, -0.010, 0.003},
            {0.008, -0.002, 0.004, 0.000, -0.006, 0.002},
            {-0.003, 0.005, -0.001, 0.002, 0.004, -0.002}};
        double[][] byObservation = new double[6][3];
        for (int i = 0; i < 3; i++) {
            for (int t = 0; t < 6; t++) {
                byObservation[t][i] = byAsset[i][t];
            }
        }
        double[][] expected = new Covariance(byObservation, true).getCovarianceMatrix().getData();
        CovarianceMatrix c = CovarianceMatrix.sample(byAsset);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(expected[i][j], c.get(i, j), 1e-18);
            }
        }
    }

    @Test
    void portfolioVariance_sixtyForty_matchesHandValue() {
        // by hand: .36*1e-4 + .16*1e-4 + 2*.6*.4*5e-5 = 7.6e-5
        assertEquals(7.6e-5, CovarianceMatrix.sample(RETURNS).portfolioVariance(new double[] {0.6, 0.4}), 1e-18);
    }

    @Test
    void annualizedTrackingError_activeTenPercent_matchesHandValue() {
        // by hand: a = (.1, -.1): a'Σa = .01e-4 + .01e-4 - 2*.01*5e-5 = 1e-6; sqrt(1e-6 * 252) = 0.0158745...
        double te = CovarianceMatrix.sample(RETURNS).annualizedTrackingError(new double[] {0.1, -0.1});
        assertEquals(Math.sqrt(252e-6), te, 1e-15);
    }

    @Test
    void annualizedTrackingError_noActiveWeight_isZero() {
        assertEquals(0.0, CovarianceMatrix.sample(RETURNS).annualizedTrackingError(new double[] {0, 0}), 0);
    }

    @Test
    void sample_unequalLengths_throwsNamingAsset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CovarianceMatrix.sample(new double[][] {{0.01, 0.02}, {0.01}}));
        assertTrue(e.getMessage().contains("returnsByAsset[1]"), e.getMessage());
    }

    @Test
    void portfolioVariance_wrongWeightCount_throwsNamingCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CovarianceMatrix.sample(RETURNS).portfolioVariance(new double[] {1}));
        assertTrue(e.getMessage().contains("1 values") && e.getMessage().contains("2 assets"), e.getMessage());
    }

    @Test
    void get_indexOutOfRange_throws() {
        assertThrows(IndexOutOfBoundsException.class, () -> CovarianceMatrix.sample(RETURNS).get(2, 0));
    }
}
