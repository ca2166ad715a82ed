package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Conclusion (monitor): the market regime of this cycle. */
public record RegimeClassified(Regime regime, String reason, String rule) {
}
