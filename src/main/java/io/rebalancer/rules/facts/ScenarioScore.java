package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Conclusion (analyze): a scenario's score 0-10 with its components (each 0-10). */
public record ScenarioScore(ScenarioType type, double score, double driftScore, double costScore, double riskScore, double fitScore, String rule) {
}
