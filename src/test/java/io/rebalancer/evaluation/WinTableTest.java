package io.rebalancer.evaluation;

import io.rebalancer.backtest.StrategyMetrics;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Win counts and target checks on hand-made metrics (the expected counts are read off the figures below). */
class WinTableTest {
    /** Only the figures the suite compares; the rest NaN. */
    static StrategyMetrics m(double sharpe, double avgDrift, double maxDrift, double te, double turnover) {
        double n = Double.NaN;
        return new StrategyMetrics(1, 0.1, 0.2, sharpe, n, n, n, n, n, n, n, n, n, turnover, 0, 10, 0, avgDrift,
                maxDrift, te, 0.05, null);
    }

    static SampleResult sample(String id, StrategyMetrics agent, StrategyMetrics annual, StrategyMetrics band) {
        Map<String, StrategyMetrics> s = new LinkedHashMap<>();
        s.put("agent", agent);
        s.put("annual", annual);
        s.put("band_abs_3", band);
        return new SampleResult(SampleSpec.of(id, "P", LocalDate.of(2020, 1, 2), LocalDate.of(2020, 12, 31)), "P",
                LocalDate.of(2020, 1, 2), LocalDate.of(2020, 12, 31), 253, s, 0, 0, 0);
    }

    // sample 1: agent Sharpe 1.00 vs annual 0.98 (win), band 1.003 (tie within 0.005)
    // sample 2: agent Sharpe 0.90 vs annual 0.95 (loss), band 0.90 (tie)
    private final List<SampleResult> samples = List.of(
            sample("one", m(1.00, 0.010, 0.030, 0.004, 0.05), m(0.98, 0.030, 0.090, 0.010, 0.02),
                    m(1.003, 0.020, 0.031, 0.006, 0.03)),
            sample("two", m(0.90, 0.012, 0.040, 0.005, 0.06), m(0.95, 0.011, 0.100, 0.012, 0.02),
                    m(0.90, 0.020, 0.035, 0.005, 0.03)));

    @Test
    void of_twoSamples_countsWinsTiesLossesAndMeanDifference() {
        WinTable w = WinTable.of(samples, 0.005);
        WinTable.Cell annualSharpe = w.rows().get("annual").get(SuiteMetric.SHARPE);
        assertEquals(List.of(1, 0, 1), List.of(annualSharpe.wins(), annualSharpe.ties(), annualSharpe.losses()));
        assertEquals(((1.00 - 0.98) + (0.90 - 0.95)) / 2, annualSharpe.meanDifference(), 1e-12);
        WinTable.Cell bandSharpe = w.rows().get("band_abs_3").get(SuiteMetric.SHARPE);
        assertEquals(2, bandSharpe.ties());
        // drift is better when lower: agent 0.010 < annual 0.030 (win), 0.012 > 0.011 (loss)
        WinTable.Cell annualDrift = w.rows().get("annual").get(SuiteMetric.AVG_ABS_DRIFT);
        assertEquals(1, annualDrift.wins());
        assertEquals(1, annualDrift.losses());
        // tracking error: 0.004 < 0.006 (win), 0.005 = 0.005 (tie)
        WinTable.Cell bandTe = w.rows().get("band_abs_3").get(SuiteMetric.TRACKING_ERROR);
        assertEquals(List.of(1, 1, 0), List.of(bandTe.wins(), bandTe.ties(), bandTe.losses()));
        assertEquals(List.of("annual", "band_abs_3"), List.copyOf(w.rows().keySet()));
    }

    @Test
    void targetCheck_handSamples_metOnlyWhereAllThreeHold() {
        TargetCheck one = TargetCheck.of(samples.get(0), 0.005);
        // best of annual 0.98 and band 1.003 is 1.003: gap -0.003, within the tolerance
        assertEquals(-0.003, one.sharpeGap(), 1e-12);
        assertTrue(one.sharpeLevel());
        assertTrue(one.avgDriftBelowAnnual());
        assertTrue(one.maxDriftWithinBand());
        assertTrue(one.met());
        TargetCheck two = TargetCheck.of(samples.get(1), 0.005);
        assertEquals(-0.05, two.sharpeGap(), 1e-12);
        assertFalse(two.sharpeLevel());
        assertFalse(two.avgDriftBelowAnnual());
        assertFalse(two.maxDriftWithinBand());
        assertEquals((-0.003 - 0.05) / 2, TargetCheck.meanGap(List.of(one, two)), 1e-12);
    }
}
