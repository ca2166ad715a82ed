package io.rebalancer.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brinson-Fachler (1985) arithmetic attribution per period and segment, linked over periods with Carino or GRAP.
 *
 * <p>Per period t and segment i, with Rp = Σ wp·rp and Rb = Σ wb·rb of the period: allocation =
 * (wp - wb)(rb - Rb), selection = wb(rp - rb), interaction = (wp - wb)(rp - rb); their sum over segments is
 * Rp - Rb. Linked effects sum to the cumulative arithmetic excess Π(1 + Rp) - Π(1 + Rb).
 */
public final class BrinsonFachler {

    /** Tolerance for portfolio and benchmark weights of a period summing to 1. */
    public static final double WEIGHT_TOLERANCE = 1e-6;

    private BrinsonFachler() {
    }

    /**
     * Attributes the rows (any order; periods are linked in order of first appearance).
     *
     * @throws IllegalArgumentException if rows is empty, a (period, segment) repeats, or a period's weights do
     *     not sum to 1 within {@link #WEIGHT_TOLERANCE}
     */
    public static AttributionResult attribute(List<SegmentReturn> rows, Linking linking) {
        if (rows == null || rows.isEmpty()) {
            throw new IllegalArgumentException("rows must hold at least one segment return, got " + rows);
        }
        if (linking == null) {
            throw new IllegalArgumentException("linking must not be null");
        }
        Map<String, List<SegmentReturn>> byPeriod = groupByPeriod(rows);
        Set<String> segments = new LinkedHashSet<>();
        int periods = byPeriod.size();
        double[] rp = new double[periods];
        double[] rb = new double[periods];
        List<List<SegmentEffect>> effects = new ArrayList<>();
        int t = 0;
        for (Map.Entry<String, List<SegmentReturn>> e : byPeriod.entrySet()) {
            List<SegmentReturn> period = e.getValue();
            checkWeights(e.getKey(), period);
            for (SegmentReturn s : period) {
                rp[t] += s.wp() * s.rp();
                rb[t] += s.wb() * s.rb();
                segments.add(s.segment());
            }
            List<SegmentEffect> periodEffects = new ArrayList<>(period.size());
            for (SegmentReturn s : period) {
                double activeWeight = s.wp() - s.wb();
                periodEffects.add(SegmentEffect.of(s.period(), s.segment(), activeWeight * (s.rb() - rb[t]),
                        s.wb() * (s.rp() - s.rb()), activeWeight * (s.rp() - s.rb())));
            }
            effects.add(periodEffects);
            t++;
        }
        double[] factors = linking == Linking.CARINO ? carinoFactors(rp, rb) : grapFactors(rp, rb);
        AttributionResult result = new AttributionResult(linking, List.copyOf(byPeriod.keySet()), List.copyOf(segments),
                effects, rp, rb, factors);
        checkFinite(result);
        return result;
    }

    /** Returns so large that the products overflow give Infinity or NaN: refused rather than printed. */
    private static void checkFinite(AttributionResult r) {
        for (String p : r.periods()) {
            if (!Double.isFinite(r.portfolioReturn(p)) || !Double.isFinite(r.benchmarkReturn(p))
                    || !Double.isFinite(r.linkingFactor(p))) {
                throw new IllegalArgumentException("period " + p + " gives a return or linking factor that is not a"
                        + " finite number (portfolio " + r.portfolioReturn(p) + ", benchmark " + r.benchmarkReturn(p)
                        + "); are the returns fractions (0.01 for 1 %)?");
            }
        }
        for (SegmentEffect e : r.linkedBySegment()) {
            if (!Double.isFinite(e.total()) || !Double.isFinite(e.allocation()) || !Double.isFinite(e.selection())
                    || !Double.isFinite(e.interaction())) {
                throw new IllegalArgumentException("segment " + e.segment() + " gives a linked effect that is not a"
                        + " finite number; are the returns fractions (0.01 for 1 %)?");
            }
        }
        if (!Double.isFinite(r.cumulativeExcess())) {
            throw new IllegalArgumentException("the cumulative excess return is not a finite number");
        }
    }

    /** Carino: k_t / K with k = (ln(1+Rp) - ln(1+Rb)) / (Rp - Rb), or 1 / (1+R) when Rp = Rb. */
    static double[] carinoFactors(double[] rp, double[] rb) {
        double cumP = 1;
        double cumB = 1;
        for (int t = 0; t < rp.length; t++) {
            if (rp[t] <= -1 || rb[t] <= -1) {
                throw new IllegalArgumentException("Carino linking needs period returns above -100%, period " + t
                        + " has Rp = " + rp[t] + ", Rb = " + rb[t]);
            }
            cumP *= 1 + rp[t];
            cumB *= 1 + rb[t];
        }
        double bigK = carinoK(cumP - 1, cumB - 1);
        double[] f = new double[rp.length];
        for (int t = 0; t < rp.length; t++) {
            f[t] = carinoK(rp[t], rb[t]) / bigK;
        }
        return f;
    }

    /** GRAP: Π_{s<t}(1 + Rp_s) · Π_{s>t}(1 + Rb_s). */
    static double[] grapFactors(double[] rp, double[] rb) {
        int n = rp.length;
        double[] f = new double[n];
        double before = 1;
        for (int t = 0; t < n; t++) {
            f[t] = before;
            before *= 1 + rp[t];
        }
        double after = 1;
        for (int t = n - 1; t >= 0; t--) {
            f[t] *= after;
            after *= 1 + rb[t];
        }
        return f;
    }

    private static double carinoK(double rp, double rb) {
        if (rp == rb) {
            return 1 / (1 + rp);
        }
        return (Math.log1p(rp) - Math.log1p(rb)) / (rp - rb);
    }

    private static Map<String, List<SegmentReturn>> groupByPeriod(List<SegmentReturn> rows) {
        Map<String, List<SegmentReturn>> byPeriod = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (SegmentReturn r : rows) {
            if (r == null) {
                throw new IllegalArgumentException("rows must not contain null");
            }
            if (!seen.add(r.period() + "\u0000" + r.segment())) {
                throw new IllegalArgumentException("segment '" + r.segment() + "' appears twice in period '"
                        + r.period() + "'");
            }
            byPeriod.computeIfAbsent(r.period(), p -> new ArrayList<>()).add(r);
        }
        return byPeriod;
    }

    private static void checkWeights(String period, List<SegmentReturn> rows) {
        double wp = 0;
        double wb = 0;
        for (SegmentReturn r : rows) {
            wp += r.wp();
            wb += r.wb();
        }
        if (Math.abs(wp - 1) > WEIGHT_TOLERANCE) {
            throw new IllegalArgumentException("portfolio weights of period '" + period + "' sum to " + wp
                    + ", expected 1 (±" + WEIGHT_TOLERANCE + ")");
        }
        if (Math.abs(wb - 1) > WEIGHT_TOLERANCE) {
            throw new IllegalArgumentException("benchmark weights of period '" + period + "' sum to " + wb
                    + ", expected 1 (±" + WEIGHT_TOLERANCE + ")");
        }
    }
}
