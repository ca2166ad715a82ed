package io.rebalancer.analytics;

/**
 * Brinson-Fachler effects of one segment in one period (or linked over all periods, or summed over segments),
 * as fractions of the portfolio; {@code total = allocation + selection + interaction}.
 */
public record SegmentEffect(String period, String segment, double allocation, double selection, double interaction,
        double total) {

    public SegmentEffect {
        Checks.text(period, "period");
        Checks.text(segment, "segment");
    }

    static SegmentEffect of(String period, String segment, double allocation, double selection, double interaction) {
        return new SegmentEffect(period, segment, allocation, selection, interaction,
                allocation + selection + interaction);
    }
}
