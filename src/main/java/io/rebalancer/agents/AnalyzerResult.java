package io.rebalancer.agents;

import io.rebalancer.domain.ScenarioType;
import io.rebalancer.rules.PhaseResult;
import io.rebalancer.rules.facts.Recommendation;
import io.rebalancer.rules.facts.ScenarioScore;
import io.rebalancer.rules.facts.ScenarioVeto;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The analyze phase: each simulated scenario, its score and vetoes, and the recommendation. */
public record AnalyzerResult(Map<ScenarioType, SimulatedScenario> scenarios, List<ScenarioScore> scores,
                             List<ScenarioVeto> vetoes, Recommendation recommendation, PhaseResult phase) {

    public Optional<ScenarioScore> score(ScenarioType type) {
        return scores.stream().filter(s -> s.type() == type).findFirst();
    }

    public List<ScenarioVeto> vetoes(ScenarioType type) {
        return vetoes.stream().filter(v -> v.type() == type).toList();
    }
}
