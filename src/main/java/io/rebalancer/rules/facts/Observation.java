package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Conclusion (monitor): something worth reporting that does not trigger analysis by itself. */
public record Observation(String code, String reason, String rule) {
}
