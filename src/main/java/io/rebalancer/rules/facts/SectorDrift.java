package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Input: one sector's weight against its target (fractions of NAV). */
public record SectorDrift(String sector, double weight, double target, double drift, double absDrift) {
}
