package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/**
 * Conclusion (monitor): thresholds in force this cycle: the regime's row of thresholds.drl.xlsx with the adaptive
 * offset on the drift levels (fractions of NAV). A position's band is {@link #band(double)}.
 */
public record EffectiveThresholds(double driftCritical, double relativeBand, double tradeTo, double driftHigh,
                                  double driftMedium, double cashBand, double varWarning, double varCritical,
                                  double sharpeWarning, double maxTurnover, int cooldownDays, double betaLimit,
                                  String review, String rule) {

    /** Tolerated |weight - target| of a position: the absolute critical drift or the relative band, whichever is tighter. */
    public double band(double target) {
        return Math.min(driftCritical, relativeBand * target);
    }

    /** Where BAND_EDGE takes a position outside its band: this far from target, on the side it drifted to. */
    public double edge(double target) {
        return tradeTo * band(target);
    }
}
