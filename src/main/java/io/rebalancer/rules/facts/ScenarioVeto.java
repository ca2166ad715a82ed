package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Conclusion (analyze): a scenario that may not be chosen, and why. */
public record ScenarioVeto(ScenarioType type, String reason, String rule) {
}
