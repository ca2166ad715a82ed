package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Input: the portfolio's own thresholds (see io.rebalancer.domain.Thresholds for units). */
public record BaseThresholds(double driftCritical, double driftHigh, double driftMedium, double varWarning, double varCritical, double sharpeWarning, double sharpeCritical, double maxTurnover, int cooldownDays, double betaLimit) {
}
