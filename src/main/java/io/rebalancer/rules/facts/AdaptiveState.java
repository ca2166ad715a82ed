package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Input: the adaptive drift offset carried between cycles (persistent part and a temporary part still active or not), and the analyst's bounds for the critical drift threshold. */
public record AdaptiveState(double persistentOffset, double temporaryOffset, boolean temporaryActive, double minDriftCritical, double maxDriftCritical) {
}
