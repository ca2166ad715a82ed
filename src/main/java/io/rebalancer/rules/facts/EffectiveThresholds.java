package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Conclusion (monitor): thresholds in force this cycle, after regime scaling and adaptive offsets. */
public record EffectiveThresholds(double driftCritical, double driftHigh, double driftMedium, double varWarning, double varCritical, double sharpeWarning, double sharpeCritical, double maxTurnover, int cooldownDays, double betaLimit, String rule) {
}
