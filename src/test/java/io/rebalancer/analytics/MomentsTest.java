package io.rebalancer.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Tear-sheet statistics of {@link Moments}.
 *
 * <p>Published examples: the pandas API reference of {@code DataFrame.skew} (rows [1, 2, 1] -> 1.732051 and
 * [2, 3, 3] -> -1.732051) and {@code DataFrame.kurt} (columns [1, 2, 2, 3] -> 1.5 and [3, 4, 4, 4] -> 4.0).
 * {@code R} and {@code B}: values computed independently with numpy 1.17 from pandas' {@code nanops.nanskew} /
 * {@code nankurt} formulas and quantstats {@code stats.py} (commit fbd10da: {@code omega}, {@code win_rate},
 * {@code greeks}, {@code information_ratio}) ported line by line (src/test/resources/tearsheet/expected_values.py); omega and win rate also by hand.
 */
class MomentsTest {
    static final double[] R = {0.01, -0.02, 0.03, -0.01, 0.05, 0.0, 0.015, -0.005};
    static final double[] B = {0.005, -0.01, 0.02, -0.005, 0.015, 0.001, 0.01, -0.002};

    @Test
    void skew_pandasDocumentationExamples_matchPublishedValues() {
        assertEquals(1.732051, Moments.skew(new double[] {1, 2, 1}), 5e-7);
        assertEquals(-1.732051, Moments.skew(new double[] {2, 3, 3}), 5e-7);
        assertEquals(0, Moments.skew(new double[] {1, 3, 5}), 1e-15);
    }

    @Test
    void kurtosis_pandasDocumentationExamples_matchPublishedValues() {
        assertEquals(1.5, Moments.kurtosis(new double[] {1, 2, 2, 3}), 1e-12);
        assertEquals(4.0, Moments.kurtosis(new double[] {3, 4, 4, 4}), 1e-12);
    }

    @Test
    void skewAndKurtosis_returnSeries_matchPandasFormulaInNumpy() {
        assertEquals(0.746207704833935, Moments.skew(R), 1e-12);
        assertEquals(0.114273567860558, Moments.kurtosis(R), 1e-12);
    }

    @Test
    void skewAndKurtosis_tooShortOrFlat_nanOrZero() {
        assertTrue(Double.isNaN(Moments.skew(new double[] {0.01, 0.02})));
        assertTrue(Double.isNaN(Moments.kurtosis(new double[] {0.01, 0.02, 0.03})));
        assertEquals(0, Moments.skew(new double[] {0.01, 0.01, 0.01}));
        assertEquals(0, Moments.kurtosis(new double[] {0.01, 0.01, 0.01, 0.01}));
    }

    @Test
    void winRate_zeroDaysLeftOut_positiveOverNonZero() {
        // by hand: 4 positive (.01 .03 .05 .015) of 7 non-zero days; the 0.0 day does not count
        assertEquals(4.0 / 7, Moments.winRate(R), 1e-15);
        assertTrue(Double.isNaN(Moments.winRate(new double[] {0, 0})));
    }

    @Test
    void omega_thresholdZero_gainsOverLosses() {
        // by hand: gains .01 + .03 + .05 + .015 = .105, losses .02 + .01 + .005 = .035 -> 3
        assertEquals(3.0, Moments.omega(R, 0), 1e-12);
        assertTrue(Double.isNaN(Moments.omega(new double[] {0.01, 0.02}, 0)));
    }

    @Test
    void bestAndWorst_returnSeries_extremes() {
        assertEquals(0.05, Moments.best(R));
        assertEquals(-0.02, Moments.worst(R));
        assertTrue(Double.isNaN(Moments.best(new double[0])));
    }

    @Test
    void alpha_againstBenchmark_matchesQuantstatsGreeks() {
        assertEquals(0.00256968048946276, Moments.alpha(R, B), 1e-12);
        assertEquals(2.05642420122366, ReturnStats.beta(R, B), 1e-12);
    }

    @Test
    void informationRatio_againstBenchmark_isQuantstatsRatioTimesSqrt252() {
        assertEquals(0.324277329380499 * Math.sqrt(252), Moments.informationRatio(R, B), 1e-10);
        assertEquals(5.14774301614187, Moments.informationRatio(R, B), 1e-10);
    }

    @Test
    void trackingError_againstBenchmark_isSampleSdOfActiveTimesSqrt252() {
        assertEquals(0.22029071700823, Moments.trackingError(R, B), 1e-12);
    }

    @Test
    void informationRatio_misalignedBenchmark_throwsNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Moments.informationRatio(R, new double[] {0.01}));
        assertTrue(e.getMessage().contains("benchmark returns"), e.getMessage());
    }
}
