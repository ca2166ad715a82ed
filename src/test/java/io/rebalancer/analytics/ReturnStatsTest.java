package io.rebalancer.analytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Return, risk and ratio formulas of {@link ReturnStats}.
 *
 * <p>Fixtures marked "empyrical" come from quantopian/empyrical {@code empyrical/tests/test_stats.py}
 * (commit 0a9fa5848a3ed519be0f514df9e3a04fb7b37ad3, class TestStats): {@code mixed_returns} =
 * [nan, 1, 10, -4, 2, 3, 2, 1, -10] %, {@code positive_returns} = [1, 2, 1, 1, 1, 1, 1, 1, 1] %,
 * {@code negative_returns} = [0, -6, -7, -1, -9, -2, -6, -8, -5] %, {@code simple_benchmark} =
 * [0, 1, 0, 1, 0, 1, 0, 1, 0] %. empyrical drops the leading NaN, so our {@code MIXED} holds the 8 real
 * returns. Values where our contract differs from empyrical were recomputed independently in plain Python
 * (statistics module, no numpy) and the difference is stated next to the assertion.
 */
class ReturnStatsTest {

    static final double[] MIXED = pct(1, 10, -4, 2, 3, 2, 1, -10);
    static final double[] POSITIVE = pct(1, 2, 1, 1, 1, 1, 1, 1, 1);
    static final double[] NEGATIVE = pct(0, -6, -7, -1, -9, -2, -6, -8, -5);
    static final double[] SIMPLE_BENCHMARK = pct(0, 1, 0, 1, 0, 1, 0, 1, 0);
    /** Tiny hand series: mean 0.002, deviations .018 -.012 .028 -.042 .008, Σd² = 0.00308, var 0.00077. */
    static final double[] TINY = {0.02, -0.01, 0.03, -0.04, 0.01};

    static double[] pct(double... v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i] / 100;
        }
        return r;
    }

    static double[] nav(double[] r) {
        double[] n = new double[r.length + 1];
        n[0] = 1;
        for (int i = 0; i < r.length; i++) {
            n[i + 1] = n[i] * (1 + r[i]);
        }
        return n;
    }

    @Test
    void simpleReturns_threePrices_givesTwoReturns() {
        // by hand: 110/100 - 1 = 0.10, 99/110 - 1 = -0.10
        assertArrayEquals(new double[] {0.10, -0.10}, ReturnStats.simpleReturns(new double[] {100, 110, 99}), 1e-15);
    }

    @Test
    void simpleReturns_nonPositivePrice_throwsNamingIndexAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReturnStats.simpleReturns(new double[] {100, 0, 99}));
        assertTrue(e.getMessage().contains("prices[1] = 0.0"), e.getMessage());
    }

    @Test
    void mean_nanElement_throwsNamingIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReturnStats.mean(new double[] {0.01, Double.NaN}));
        assertTrue(e.getMessage().contains("returns[1] = NaN"), e.getMessage());
    }

    @Test
    void sampleStdDev_tinySeries_matchesHandValue() {
        // by hand: sqrt(0.00308 / 4) = sqrt(0.00077)
        assertEquals(0.002, ReturnStats.mean(TINY), 1e-15);
        assertEquals(Math.sqrt(0.00077), ReturnStats.sampleStdDev(TINY), 1e-15);
    }

    @Test
    void sampleStdDev_singleValue_isNaN() {
        assertTrue(Double.isNaN(ReturnStats.sampleStdDev(new double[] {0.01})));
    }

    @Test
    void annualizedVolatility_mixedReturns_matchesEmpyrical() {
        // empyrical test_annual_volatility(mixed_returns, DAILY) = 0.9136465399704637 (ddof=1, sqrt(252)): same contract
        assertEquals(0.9136465399704637, ReturnStats.annualizedVolatility(MIXED), 1e-12);
    }

    @Test
    void cagr_mixedReturns_usesNumberOfReturnsAsPeriods() {
        // Contract: n = 8 returns -> 1.0389310917004804^(252/8) - 1 = 2.330292797300439 (plain Python).
        // empyrical annual_return(mixed_returns) = 1.9135925373194231 counts the leading NaN as a 9th period:
        // the same NAV with a zero return prepended reproduces it (checked below).
        assertEquals(2.330292797300439, ReturnStats.cagr(nav(MIXED)), 1e-12);
        assertEquals(1.9135925373194231, ReturnStats.cagr(nav(pct(0, 1, 10, -4, 2, 3, 2, 1, -10))), 1e-8);
    }

    @Test
    void cagr_oneYearDoubling_isOneHundredPercent() {
        double[] nav = new double[253];
        for (int i = 0; i < nav.length; i++) {
            nav[i] = Math.pow(2, i / 252.0);
        }
        assertEquals(1.0, ReturnStats.cagr(nav), 1e-12);
    }

    @Test
    void maxDrawdown_empyricalFixtures_matchPublishedValues() {
        // empyrical test_max_drawdown
        assertEquals(-0.1, ReturnStats.maxDrawdown(nav(MIXED)), 1e-8);
        assertEquals(-0.36590730349873601, ReturnStats.maxDrawdown(nav(NEGATIVE)), 1e-8);
        assertEquals(-0.10, ReturnStats.maxDrawdown(nav(pct(10, -10, 10))), 1e-8);
        assertEquals(0.0, ReturnStats.maxDrawdown(nav(POSITIVE)), 0);
        assertEquals(0.0, ReturnStats.maxDrawdown(nav(SIMPLE_BENCHMARK)), 0);
    }

    @Test
    void maxDrawdown_peakThenTrough_isNegativeFraction() {
        // by hand: peak 120, trough 90 -> 90/120 - 1 = -0.25 (later 100 < 120 is a smaller drawdown)
        assertEquals(-0.25, ReturnStats.maxDrawdown(new double[] {100, 120, 90, 110, 100}), 1e-15);
    }

    @Test
    void calmar_mixedReturns_isCagrOverAbsDrawdown() {
        // empyrical test_calmar(mixed_returns) = 19.135925373194233 = its annual_return / 0.1; with the contract's
        // CAGR (n = 8) the ratio is 2.330292797300439 / 0.1.
        double[] nav = nav(MIXED);
        double calmar = ReturnStats.calmar(ReturnStats.cagr(nav), ReturnStats.maxDrawdown(nav));
        assertEquals(23.30292797300439, calmar, 1e-10);
        assertEquals(19.135925373194233, ReturnStats.calmar(1.9135925373194231, -0.1), 1e-8);
    }

    @Test
    void calmar_noDrawdown_isNaN() {
        assertTrue(Double.isNaN(ReturnStats.calmar(0.1, 0)));
    }

    @Test
    void sharpeArithmetic_empyricalFixtures_matchPublishedValues() {
        // empyrical test_sharpe_ratio: empyrical's sharpe_ratio is the arithmetic form mean/sd(ddof=1)*sqrt(252)
        assertEquals(1.7238613961706866, ReturnStats.sharpeArithmetic(MIXED, null), 1e-8);
        assertEquals(52.915026221291804, ReturnStats.sharpeArithmetic(POSITIVE, null), 1e-8);
        assertEquals(-24.406808633910085, ReturnStats.sharpeArithmetic(NEGATIVE, null), 1e-8);
        // risk_free = simple_benchmark, aligned to the 8 non-NaN mixed returns
        double[] rf = java.util.Arrays.copyOfRange(SIMPLE_BENCHMARK, 1, 9);
        assertEquals(0.34111411441060574, ReturnStats.sharpeArithmetic(MIXED, rf), 1e-8);
    }

    @Test
    void sharpeGeometric_mixedReturns_matchesSharpeRatioAnnualizedFormula() {
        // Contract = PerformanceAnalytics SharpeRatio.annualized(geometric=TRUE):
        // Return.annualized(excess) / StdDev.annualized(excess). empyrical has no geometric Sharpe; values from
        // plain Python: (prod(1+e))^(252/n) - 1 = 2.330292797300439 (same as CAGR when rf = 0) divided by
        // vol 0.9136465399704637 -> 2.550540822248145.
        assertEquals(2.550540822248145, ReturnStats.sharpeGeometric(MIXED, null), 1e-12);
        assertEquals(2.330292797300439 / 0.9136465399704637, ReturnStats.sharpeGeometric(MIXED, null), 1e-12);
        assertEquals(-1.981066412255711, ReturnStats.sharpeGeometric(NEGATIVE, null), 1e-12);
        double[] rf = java.util.Arrays.copyOfRange(SIMPLE_BENCHMARK, 1, 9);
        assertEquals(-0.06405825159599164, ReturnStats.sharpeGeometric(MIXED, rf), 1e-12);
    }

    @Test
    void sharpeGeometric_tinySeries_matchesHandValue() {
        // by hand: prod(1+r) = 1.02*0.99*1.03*0.96*1.01 = 1.0084751424, ^(252/5) - 1 = 0.5301216972,
        // sd*sqrt(252) = sqrt(0.00077*252) = 0.4404997162; ratio 1.2034552523
        assertEquals(1.203455252338548, ReturnStats.sharpeGeometric(TINY, null), 1e-12);
        // arithmetic: 0.002 / sqrt(0.00077) * sqrt(252) = 1.1441551071
        assertEquals(0.002 / Math.sqrt(0.00077) * Math.sqrt(252), ReturnStats.sharpeArithmetic(TINY, null), 1e-12);
    }

    @Test
    void sharpeArithmetic_misalignedRiskFree_throwsNamingLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReturnStats.sharpeArithmetic(MIXED, new double[3]));
        assertTrue(e.getMessage().contains("8") && e.getMessage().contains("3"), e.getMessage());
    }

    @Test
    void sortino_empyricalFixtures_matchPublishedValues() {
        // empyrical test_sortino: mean(r-MAR)*252 / (sqrt(mean(min(r-MAR,0)^2)) * sqrt(252)), means over all n
        assertEquals(2.605531251673693, ReturnStats.sortino(MIXED, 0), 1e-8);
        assertEquals(-13.532743075043401, ReturnStats.sortino(NEGATIVE, 0), 1e-8);
        // required_return = flat_line_1 (1 % a day)
        assertEquals(-1.3934779588919977, ReturnStats.sortino(MIXED, 0.01), 1e-8);
        // empyrical: positive_returns -> inf
        assertEquals(Double.POSITIVE_INFINITY, ReturnStats.sortino(POSITIVE, 0));
    }

    @Test
    void sortino_tinySeries_matchesHandValue() {
        // by hand: mean 0.002*252 = 0.504; downside sqrt((0.01^2 + 0.04^2)/5) = sqrt(0.00034); times sqrt(252)
        double expected = 0.504 / (Math.sqrt(0.00034) * Math.sqrt(252));
        assertEquals(expected, ReturnStats.sortino(TINY, 0), 1e-12);
        assertEquals(1.7218321295506538, expected, 1e-12);
    }

    @Test
    void beta_empyricalFixture_matchesPublishedValue() {
        // empyrical test_alpha_beta(mixed_returns, negative_returns[1:]) -> beta -0.71296296296296313
        double[] bench = java.util.Arrays.copyOfRange(NEGATIVE, 1, 9);
        assertEquals(-0.71296296296296313, ReturnStats.beta(MIXED, bench), 1e-8);
    }

    @Test
    void beta_twiceBenchmarkPlusConstant_isTwo() {
        double[] b = {0.01, -0.02, 0.03};
        double[] r = {0.025, -0.035, 0.065}; // 2b + 0.005
        assertEquals(2.0, ReturnStats.beta(r, b), 1e-12);
    }

    @Test
    void beta_flatBenchmark_isNaN() {
        assertTrue(Double.isNaN(ReturnStats.beta(new double[] {0.01, 0.02}, new double[] {0.01, 0.01})));
    }

    @Test
    void trailing_fewerValuesThanRequested_returnsAll() {
        assertArrayEquals(new double[] {1, 2}, ReturnStats.trailing(new double[] {1, 2}, 5));
        assertArrayEquals(new double[] {2, 3}, ReturnStats.trailing(new double[] {1, 2, 3}, 2));
        assertArrayEquals(new double[0], ReturnStats.trailing(new double[] {1, 2, 3}, 0));
    }

    @Test
    void trailing_negativeCount_throwsNamingValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReturnStats.trailing(new double[] {1}, -1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }

    @Test
    void trackingError_fourDays_matchesHandValue() {
        // by hand: differences .005 -.010 .010 -.001, mean .001, deviations .004 -.011 .009 -.002,
        // sum of squares 222e-6, / 3 = 74e-6, sd = 0.0086023, x sqrt(252) = 0.136558
        double te = ReturnStats.trackingError(new double[] {0.01, -0.02, 0.03, 0.0},
                new double[] {0.005, -0.01, 0.02, 0.001});
        assertEquals(Math.sqrt(74e-6) * Math.sqrt(252), te, 1e-12);
        assertEquals(0.136558, te, 1e-6);
    }

    @Test
    void trackingError_identicalSeries_isZero() {
        assertEquals(0, ReturnStats.trackingError(TINY, TINY.clone()), 0);
    }

    @Test
    void trackingError_misaligned_throwsNamingLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReturnStats.trackingError(new double[] {0.01, 0.02}, new double[] {0.01}));
        assertTrue(e.getMessage().contains("2") && e.getMessage().contains("1"), e.getMessage());
    }

    @Test
    void certaintyEquivalent_gammaThree_matchesHandValue() {
        // by hand: 1.1^-2 = 0.8264463, 0.9^-2 = 1.2345679, mean 1.0305071, ^(-1/2) = 0.9850868 a day,
        // compounded over 252 days: 0.9850868^252 - 1 = -0.97732
        double ce = ReturnStats.certaintyEquivalent(new double[] {0.1, -0.1}, 3);
        assertEquals(Math.pow(0.9850868183, 252) - 1, ce, 1e-8);
        assertEquals(-0.97732, ce, 1e-5);
    }

    @Test
    void certaintyEquivalent_gammaOne_isTheGeometricMeanSoEqualsCagr() {
        // log utility: the daily CE is the geometric mean return, so compounded over 252 days it is the CAGR
        double[] nav = {100, 101, 98.98, 101.9494, 101.9494};
        double[] r = ReturnStats.simpleReturns(nav);
        assertEquals(ReturnStats.cagr(nav), ReturnStats.certaintyEquivalent(r, 1), 1e-12);
    }

    @Test
    void certaintyEquivalent_moreRiskAversion_lowerValue() {
        assertTrue(ReturnStats.certaintyEquivalent(TINY, 5) < ReturnStats.certaintyEquivalent(TINY, 2));
    }

    @Test
    void certaintyEquivalent_nonPositiveGamma_throwsNamingGamma() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReturnStats.certaintyEquivalent(TINY, 0));
        assertTrue(e.getMessage().contains("gamma = 0"), e.getMessage());
    }
}
