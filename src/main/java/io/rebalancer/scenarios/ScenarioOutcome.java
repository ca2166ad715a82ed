package io.rebalancer.scenarios;

import java.util.List;
import java.util.Map;

/** What a scenario produced, in the terms of {@link ScenarioSpec.Expect}; "none" where nothing was concluded. */
public record ScenarioOutcome(String regime, String verdict, String recommended, String chosen, String timing,
                              List<String> vetoed, List<String> thresholdChanges, Map<String, String> priorities,
                              List<String> fired) {
}
