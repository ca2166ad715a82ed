package io.rebalancer.analytics;

/**
 * One segment (e.g. sector) in one period of a Brinson-Fachler attribution: portfolio and benchmark
 * weights at the start of the period and the segment's returns over it (fractions).
 */
public record SegmentReturn(String period, String segment, double wp, double wb, double rp, double rb) {

    public SegmentReturn {
        Checks.text(period, "period");
        Checks.text(segment, "segment");
        Checks.finite(wp, "wp of " + segment + " in " + period);
        Checks.finite(wb, "wb of " + segment + " in " + period);
        Checks.finite(rp, "rp of " + segment + " in " + period);
        Checks.finite(rb, "rb of " + segment + " in " + period);
    }

    public static SegmentReturn of(String period, String segment, double wp, double wb, double rp, double rb) {
        return new SegmentReturn(period, segment, wp, wb, rp, rb);
    }
}
