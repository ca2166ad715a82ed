package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Input: portfolio drift = sum |w - t| / 2 (cash included) and the largest position and sector drifts. */
public record PortfolioDrift(double total, double maxAbsPositionDrift, String maxPositionTicker, double maxAbsSectorDrift, String maxSector) {
}
