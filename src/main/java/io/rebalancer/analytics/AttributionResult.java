package io.rebalancer.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable result of {@link BrinsonFachler#attribute}: per-period per-segment effects, per-period totals,
 * period returns, and effects linked over all periods (per segment and in total). Linked effects sum to
 * {@link #cumulativeExcess()} up to floating-point rounding.
 */
public final class AttributionResult {

    /** Segment name used for sums over all segments. */
    public static final String TOTAL = "Total";
    /** Period name used for effects linked over all periods. */
    public static final String LINKED = "Linked";

    private final Linking linking;
    private final List<String> periods;
    private final List<String> segments;
    private final List<SegmentEffect> effects;
    private final Map<String, Map<String, SegmentEffect>> effectIndex;
    private final Map<String, SegmentEffect> periodTotals;
    private final Map<String, double[]> periodReturns;
    private final Map<String, Double> linkingFactors;
    private final Map<String, SegmentEffect> linkedBySegment;
    private final SegmentEffect linkedTotal;
    private final double cumulativePortfolio;
    private final double cumulativeBenchmark;

    AttributionResult(Linking linking, List<String> periods, List<String> segments,
            List<List<SegmentEffect>> effectsByPeriod, double[] rp, double[] rb, double[] factors) {
        this.linking = linking;
        this.periods = periods;
        this.segments = segments;
        List<SegmentEffect> all = new ArrayList<>();
        Map<String, Map<String, SegmentEffect>> index = new LinkedHashMap<>();
        Map<String, SegmentEffect> totals = new LinkedHashMap<>();
        Map<String, double[]> returns = new LinkedHashMap<>();
        Map<String, Double> linkFactors = new LinkedHashMap<>();
        Map<String, double[]> linkedSums = new LinkedHashMap<>();
        for (String s : segments) {
            linkedSums.put(s, new double[3]);
        }
        double cumP = 1;
        double cumB = 1;
        for (int t = 0; t < periods.size(); t++) {
            String period = periods.get(t);
            double[] sum = new double[3];
            Map<String, SegmentEffect> bySegment = new LinkedHashMap<>();
            for (SegmentEffect e : effectsByPeriod.get(t)) {
                all.add(e);
                bySegment.put(e.segment(), e);
                add(sum, e, 1);
                add(linkedSums.get(e.segment()), e, factors[t]);
            }
            index.put(period, Map.copyOf(bySegment));
            totals.put(period, SegmentEffect.of(period, TOTAL, sum[0], sum[1], sum[2]));
            returns.put(period, new double[] {rp[t], rb[t]});
            linkFactors.put(period, factors[t]);
            cumP *= 1 + rp[t];
            cumB *= 1 + rb[t];
        }
        Map<String, SegmentEffect> linked = new LinkedHashMap<>();
        double[] grand = new double[3];
        for (Map.Entry<String, double[]> e : linkedSums.entrySet()) {
            double[] v = e.getValue();
            linked.put(e.getKey(), SegmentEffect.of(LINKED, e.getKey(), v[0], v[1], v[2]));
            grand[0] += v[0];
            grand[1] += v[1];
            grand[2] += v[2];
        }
        this.effects = List.copyOf(all);
        this.effectIndex = Map.copyOf(index);
        this.periodTotals = Map.copyOf(totals);
        this.periodReturns = Map.copyOf(returns);
        this.linkingFactors = Map.copyOf(linkFactors);
        this.linkedBySegment = Map.copyOf(linked);
        this.linkedTotal = SegmentEffect.of(LINKED, TOTAL, grand[0], grand[1], grand[2]);
        this.cumulativePortfolio = cumP - 1;
        this.cumulativeBenchmark = cumB - 1;
    }

    private static void add(double[] acc, SegmentEffect e, double factor) {
        acc[0] += e.allocation() * factor;
        acc[1] += e.selection() * factor;
        acc[2] += e.interaction() * factor;
    }

    public Linking linking() {
        return linking;
    }

    /** Periods in linking order. */
    public List<String> periods() {
        return periods;
    }

    /** Segments in order of first appearance. */
    public List<String> segments() {
        return segments;
    }

    /** Every per-period per-segment effect, period by period. */
    public List<SegmentEffect> effects() {
        return effects;
    }

    /** Effects of one segment in one period. */
    public SegmentEffect effect(String period, String segment) {
        SegmentEffect e = periodMap(effectIndex, period).get(segment);
        if (e == null) {
            throw new IllegalArgumentException("segment '" + segment + "' has no row in period '" + period + "'");
        }
        return e;
    }

    /** Effects of one period summed over segments (segment {@link #TOTAL}); total = Rp - Rb of the period. */
    public SegmentEffect periodTotal(String period) {
        return periodMap(periodTotals, period);
    }

    /** Portfolio return Σ wp·rp of the period. */
    public double portfolioReturn(String period) {
        return periodMap(periodReturns, period)[0];
    }

    /** Benchmark return Σ wb·rb of the period. */
    public double benchmarkReturn(String period) {
        return periodMap(periodReturns, period)[1];
    }

    /** Multiplier applied to the period's effects when linking (Carino k_t/K or the GRAP product). */
    public double linkingFactor(String period) {
        return periodMap(linkingFactors, period);
    }

    /** Π(1 + Rp) - 1 over all periods. */
    public double cumulativePortfolioReturn() {
        return cumulativePortfolio;
    }

    /** Π(1 + Rb) - 1 over all periods. */
    public double cumulativeBenchmarkReturn() {
        return cumulativeBenchmark;
    }

    /** Cumulative arithmetic excess Π(1 + Rp) - Π(1 + Rb); the linked effects sum to it. */
    public double cumulativeExcess() {
        return cumulativePortfolio - cumulativeBenchmark;
    }

    /** Linked effects of each segment (period {@link #LINKED}), in segment order. */
    public List<SegmentEffect> linkedBySegment() {
        List<SegmentEffect> out = new ArrayList<>(segments.size());
        for (String s : segments) {
            out.add(linkedBySegment.get(s));
        }
        return List.copyOf(out);
    }

    /** Linked effects of one segment over all periods. */
    public SegmentEffect linked(String segment) {
        SegmentEffect e = linkedBySegment.get(segment);
        if (e == null) {
            throw new IllegalArgumentException("unknown segment '" + segment + "'; known: " + segments);
        }
        return e;
    }

    /** Linked effects summed over segments; {@code total()} equals {@link #cumulativeExcess()}. */
    public SegmentEffect linkedTotal() {
        return linkedTotal;
    }

    private <V> V periodMap(Map<String, V> map, String period) {
        V v = map.get(period);
        if (v == null) {
            throw new IllegalArgumentException("unknown period '" + period + "'; known: " + periods);
        }
        return v;
    }

    @Override
    public String toString() {
        return "AttributionResult[" + linking + ", periods=" + periods + ", excess=" + cumulativeExcess()
                + ", linked=" + linkedTotal + "]";
    }
}
