package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Conclusion (decide): the scenario to carry out, its turnover (fraction of NAV), and why. */
public record ScenarioChosen(ScenarioType type, double turnover, String reason, String rule) {
    public boolean deferred() {
        return type == ScenarioType.DEFER;
    }
}
