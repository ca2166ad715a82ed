package io.rebalancer.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * One-day VaR and CVaR of {@link ReturnStats}. Expected values are worked by hand on a 5-return series
 * and cross-checked with an independent plain-Python implementation (statistics.NormalDist for z; R type 7
 * quantile written out). Cornish-Fisher follows PerformanceAnalytics "modified" VaR
 * (R/VaR.CornishFisher.R, braverock/PerformanceAnalytics): z_cf = z + (z²-1)S/6 + (z³-3z)K/24 - (2z³-5z)S²/36
 * with moment skewness S and moment excess kurtosis K; the contract scales z_cf by the sample sd.
 */
class ReturnStatsVarTest {

    /** Sorted: -0.04, -0.01, 0.01, 0.02, 0.03. */
    private static final double[] TINY = ReturnStatsTest.TINY;
    private static final double[] MIXED = ReturnStatsTest.MIXED;
    private static final double Z95 = -1.6448536269514722;

    @Test
    void historicalVar_tinySeries95_interpolatesType7() {
        // by hand: h = (5-1)*0.05 = 0.2 -> -0.04 + 0.2*(-0.01 - -0.04) = -0.034
        assertEquals(-0.034, ReturnStats.historicalVar(TINY, 0.95), 1e-15);
    }

    @Test
    void historicalVar_tinySeries80_interpolatesType7() {
        // by hand: h = 4*0.2 = 0.8 -> -0.04 + 0.8*0.03 = -0.016
        assertEquals(-0.016, ReturnStats.historicalVar(TINY, 0.80), 1e-15);
    }

    @Test
    void historicalVar_mixedReturns_matchesNumpyLinearPercentile() {
        // sorted mixed: -.10 -.04 .01 .01 .02 .02 .03 .10; h = 7*0.05 = 0.35 -> -0.10 + 0.35*0.06 = -0.079
        // (numpy.percentile default 'linear' == R type 7); at 90 %: h = 0.7 -> -0.10 + 0.7*0.06 = -0.058
        assertEquals(-0.079, ReturnStats.historicalVar(MIXED, 0.95), 1e-15);
        assertEquals(-0.058, ReturnStats.historicalVar(MIXED, 0.90), 1e-15);
    }

    @Test
    void historicalVar_doesNotReorderInput() {
        double[] r = TINY.clone();
        ReturnStats.historicalVar(r, 0.95);
        assertEquals(0.02, r[0]);
        assertEquals(-0.04, r[3]);
    }

    @Test
    void historicalVar_confidenceOutsideUnitInterval_throwsNamingValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReturnStats.historicalVar(TINY, 95));
        assertTrue(e.getMessage().contains("95"), e.getMessage());
    }

    @Test
    void historicalVar_empty_isNaN() {
        assertTrue(Double.isNaN(ReturnStats.historicalVar(new double[0], 0.95)));
    }

    @Test
    void cvar_tinySeries_isMeanOfTailAtOrBelowVar() {
        // VaR80 = -0.016: only -0.04 is at or below -> CVaR = -0.04; VaR95 = -0.034 -> same tail
        assertEquals(-0.04, ReturnStats.cvar(TINY, 0.80), 1e-15);
        assertEquals(-0.04, ReturnStats.cvar(TINY, 0.95), 1e-15);
        // confidence 0.5: VaR = median 0.01 -> tail {-0.04, -0.01, 0.01}, mean -0.04/3
        assertEquals(-0.04 / 3, ReturnStats.cvar(TINY, 0.5), 1e-15);
    }

    @Test
    void gaussianVar_tinySeries_isMeanPlusZTimesSampleSd() {
        // by hand: 0.002 + (-1.6448536269514722) * sqrt(0.00077) = -0.04364283579767...
        assertEquals(0.002 + Z95 * Math.sqrt(0.00077), ReturnStats.gaussianVar(TINY, 0.95), 1e-12);
        assertEquals(-0.04364283579767438, ReturnStats.gaussianVar(TINY, 0.95), 1e-12);
        assertEquals(-0.08841843556165406, ReturnStats.gaussianVar(MIXED, 0.95), 1e-12);
    }

    @Test
    void cornishFisherVar_tinySeries_matchesHandMoments() {
        // by hand: population m2 = 0.00308/5 = 0.000616, m3 = -4.752e-5/5 = -9.504e-6,
        // m4 = 3.85616e-6/5 = 7.71232e-7; S = m3/m2^1.5 = -0.62163486, K = m4/m2^2 - 3 = -0.96753247;
        // z_cf = z + (z²-1)S/6 + (z³-3z)K/24 - (2z³-5z)S²/36 = -1.83382516; VaR = 0.002 + z_cf*sqrt(0.00077)
        double s = -9.504e-6 / Math.pow(0.000616, 1.5);
        double k = 7.71232e-7 / (0.000616 * 0.000616) - 3;
        double z = Z95;
        double zcf = z + (z * z - 1) * s / 6 + (z * z * z - 3 * z) * k / 24 - (2 * z * z * z - 5 * z) * s * s / 36;
        assertEquals(-0.6216348579624363, s, 1e-12);
        assertEquals(-0.9675324675324668, k, 1e-12);
        assertEquals(-1.8338251617693493, zcf, 1e-12);
        assertEquals(0.002 + zcf * Math.sqrt(0.00077), ReturnStats.cornishFisherVar(TINY, 0.95), 1e-12);
        assertEquals(-0.04888658307876992, ReturnStats.cornishFisherVar(TINY, 0.95), 1e-12);
    }

    @Test
    void cornishFisherVar_mixedReturns_matchesIndependentPython() {
        // plain Python: S = -0.3650572690, K = 0.1195347317, z_cf(95) = -1.7437083867
        assertEquals(-0.09410795425301809, ReturnStats.cornishFisherVar(MIXED, 0.95), 1e-12);
        assertEquals(-0.0697278764131267, ReturnStats.cornishFisherVar(MIXED, 0.90), 1e-12);
    }

    @Test
    void cornishFisherVar_symmetricSeries_keepsOnlyKurtosisTerm() {
        // symmetric series: mean 0, S = 0, so z_cf = z + (z³-3z)K/24 and VaR = z_cf * sd
        double[] sym = {-0.02, -0.01, 0.0, 0.01, 0.02};
        double sd = ReturnStats.sampleStdDev(sym);
        // population m2 = 0.0002, m4 = (2*1.6e-7 + 2*1e-8)/5 = 6.8e-8, K = 6.8e-8/4e-8 - 3 = -1.3
        double k = -1.3;
        double expected = Z95 * sd + (Z95 * Z95 * Z95 - 3 * Z95) * k / 24 * sd;
        assertEquals(expected, ReturnStats.cornishFisherVar(sym, 0.95), 1e-12);
    }
}
