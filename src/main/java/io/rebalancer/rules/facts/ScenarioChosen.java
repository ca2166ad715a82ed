package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Conclusion (decide): the scenario to carry out, and why. */
public record ScenarioChosen(ScenarioType type, String reason, String rule) {
}
