package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Conclusion (analyze): the best scenario that is not vetoed, with a confidence 0-1. */
public record Recommendation(ScenarioType type, double score, double runnerUpScore, double confidence, String reason, String rule) {
}
