package io.rebalancer.domain;

import static io.rebalancer.domain.Checks.inRange;

/** Analyst-set limits on how far adaptive rules may move the critical drift threshold (fractions of NAV). */
public record ThresholdBounds(double minDriftCritical, double maxDriftCritical) {
    public ThresholdBounds {
        inRange("minDriftCritical", minDriftCritical, 0, 1);
        inRange("maxDriftCritical", maxDriftCritical, 0, 1);
        if (minDriftCritical > maxDriftCritical) {
            throw new IllegalArgumentException("minDriftCritical " + minDriftCritical
                    + " is above maxDriftCritical " + maxDriftCritical);
        }
    }

    /** The seed portfolio's bounds: the critical drift may move within 2 % .. 5 %. */
    public static ThresholdBounds seedDefaults() {
        return new ThresholdBounds(0.02, 0.05);
    }

    public double clamp(double driftCritical) {
        return Math.max(minDriftCritical, Math.min(maxDriftCritical, driftCritical));
    }
}
