package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Conclusion (monitor): regime suggested by the VIX level, given the previous regime (hysteresis). */
public record VixSignal(Regime regime, String rule) {
}
