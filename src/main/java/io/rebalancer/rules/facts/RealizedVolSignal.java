package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Conclusion (monitor): regime suggested by realised volatility. */
public record RealizedVolSignal(Regime regime, String rule) {
}
