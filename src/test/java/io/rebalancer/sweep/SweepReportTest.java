package io.rebalancer.sweep;

import io.rebalancer.evaluation.SuiteMetric;
import io.rebalancer.evaluation.TargetCheck.Figures;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Target counts and the hindsight frontier on a hand-made sweep: two variants x three samples whose figures are
 * chosen so that each target holds or fails on a known subset (worked out by hand in the comments; tolerance
 * 0.005 on the Sharpe as in the shipped suites).
 */
class SweepReportTest {
    private static final double TOL = 0.005;

    /** annual (Sharpe, avg drift, max drift), band_abs_3 (the same) per sample. */
    private static Map<String, SweepBaseline> baselines() {
        Map<String, SweepBaseline> b = new LinkedHashMap<>();
        b.put("s1", new SweepBaseline("s1", new Figures(1.00, 0.05, 0.12), new Figures(0.98, 0.03, 0.06)));
        b.put("s2", new SweepBaseline("s2", new Figures(0.50, 0.04, 0.10), new Figures(0.60, 0.02, 0.04)));
        b.put("s3", new SweepBaseline("s3", new Figures(0.80, 0.05, 0.10), new Figures(0.70, 0.03, 0.05)));
        return b;
    }

    private static SweepRow row(String variant, String sample, double sharpe, double avg, double max) {
        return new SweepRow(variant, variant, Map.of("critical_drift", variant.equals("vA") ? 2.0 : 20.0), "h",
                sample, "P", "2020-01-02", "2020-12-31", 252, 1e6, 0.1, 0.2, sharpe, -0.3, 0.1, 10, 100, 2, 0.02,
                0.05, avg, max, 1);
    }

    private static List<SweepRow> rows() {
        return List.of(
                // vA: s1 gap 1.00 - max(1.00, 0.98) = 0, level; avg 0.04 < 0.05; max 0.06 <= 0.06 (equal): all met
                row("vA", "s1", 1.00, 0.04, 0.06),
                // s2 gap 0.58 - 0.60 = -0.02, not level; avg 0.05 not < 0.04; max 0.03 <= 0.04
                row("vA", "s2", 0.58, 0.05, 0.03),
                // s3 gap 0.70 - 0.80 = -0.10; avg 0.04 < 0.05; max 0.20 > 0.05
                row("vA", "s3", 0.70, 0.04, 0.20),
                // vB: s1 gap +0.10, level; avg 0.06 not < 0.05; max 0.20 > 0.06
                row("vB", "s1", 1.10, 0.06, 0.20),
                // s2 gap 0.596 - 0.60 = -0.004, level within 0.005; avg 0.01 < 0.04; max 0.04 <= 0.04: all met
                row("vB", "s2", 0.596, 0.01, 0.04),
                // s3 gap 0.81 - 0.80 = +0.01, level; avg 0.06 not < 0.05; max 0.04 <= 0.05
                row("vB", "s3", 0.81, 0.06, 0.04));
    }

    @Test
    void rank_withBaselines_countsEachTargetPerVariant() {
        List<SweepReport.Line> lines = SweepReport.rank(rows(), SuiteMetric.SHARPE, List.of("critical_drift"),
                baselines(), TOL);
        // mean Sharpe: vB (1.10 + 0.596 + 0.81) / 3 = 0.8353 ahead of vA (1.00 + 0.58 + 0.70) / 3 = 0.76
        assertEquals(List.of("vB", "vA"), lines.stream().map(SweepReport.Line::variantId).toList());
        SweepReport.Targets b = lines.get(0).targets();
        assertEquals(List.of(3, 3, 1, 2, 1), List.of(b.checked(), b.sharpeLevel(), b.avgDriftBelowAnnual(),
                b.maxDriftWithinBand(), b.met()));
        assertEquals((0.10 - 0.004 + 0.01) / 3, b.meanSharpeGap(), 1e-12);
        SweepReport.Targets a = lines.get(1).targets();
        assertEquals(List.of(3, 1, 2, 2, 1), List.of(a.checked(), a.sharpeLevel(), a.avgDriftBelowAnnual(),
                a.maxDriftWithinBand(), a.met()));
        assertEquals((0 - 0.02 - 0.10) / 3, a.meanSharpeGap(), 1e-12);
    }

    @Test
    void frontier_bestVariantPerSample_samplesWhereSomeVariantMeetsTheTargets() {
        SweepReport.Frontier f = SweepReport.frontier(rows(), baselines(), TOL);
        // s1 by vA and s2 by vB meet all three; s3 only the Sharpe and max drift (vB), not the average drift
        assertEquals(3, f.samples());
        assertEquals(List.of("s1", "s2"), f.allMet());
        assertEquals(List.of("s1", "s2", "s3"), f.sharpeAndMaxDrift());
        assertEquals("Hindsight frontier: on 2 of 3 samples some variant meets all three targets (s1, s2); on 3 the"
                + " Sharpe and max-drift targets together (s1, s2, s3).", SweepReport.frontierText(f));
    }

    @Test
    void text_withBaselines_showsTheCountsAndTheFrontier() {
        List<SweepReport.Line> lines = SweepReport.rank(rows(), SuiteMetric.SHARPE, List.of("critical_drift"),
                baselines(), TOL);
        String text = SweepReport.text("t", SuiteMetric.SHARPE, lines, SweepReport.frontier(rows(), baselines(), TOL),
                10);
        String vb = text.lines().filter(l -> l.contains("vB")).findFirst().orElseThrow();
        assertTrue(vb.endsWith("+0.0353     3/3     1/3     2/3     1/3"), vb);
        assertTrue(text.contains("Hindsight frontier: on 2 of 3 samples"), text);
    }

    @Test
    void rank_withoutBaselines_noTargetColumns() {
        List<SweepReport.Line> lines = SweepReport.rank(rows(), SuiteMetric.SHARPE, List.of("critical_drift"));
        assertEquals(0, lines.get(0).targets().checked());
        String text = SweepReport.text("t", SuiteMetric.SHARPE, lines, null, 10);
        assertTrue(!text.contains("Gap") && !text.contains("frontier"), text);
    }

    @Test
    void check_rowOfAnotherSample_rejected() {
        SweepBaseline s1 = baselines().get("s1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s1.check(row("vA", "s2", 1, 0, 0), TOL));
        assertEquals("row of sample s2 checked against the baselines of s1", e.getMessage());
    }
}
