package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Input: the regime concluded by the previous cycle (null on the first cycle). */
public record PreviousRegime(Regime regime) {
}
