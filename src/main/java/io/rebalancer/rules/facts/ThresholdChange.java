package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Conclusion (decide): an adaptive change to the drift thresholds. durationDays 0 means persistent; the change is applied within the analyst's bounds. */
public record ThresholdChange(String kind, double delta, int durationDays, String reason, String rule) {
}
