package io.rebalancer.agents;

import io.rebalancer.domain.ScenarioType;
import io.rebalancer.rules.Phase;
import io.rebalancer.rules.PhaseResult;
import io.rebalancer.rules.RuleEngine;
import io.rebalancer.rules.facts.Recommendation;
import io.rebalancer.rules.facts.ReviewDue;
import io.rebalancer.rules.facts.ScenarioScore;
import io.rebalancer.rules.facts.ScenarioVeto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Phase 2: simulate FULL, PARTIAL, SECTOR, BAND_EDGE, OPTIMAL and DEFER; the rules value, veto and recommend. */
public final class AnalyzerAgent {
    private final RuleEngine rules;

    public AnalyzerAgent(RuleEngine rules) {
        this.rules = rules;
    }

    AnalyzerResult analyze(MonitorResult monitor, ScenarioSimulator simulator) {
        Map<ScenarioType, SimulatedScenario> scenarios = simulator.simulateAll(monitor.thresholds(), monitor.value());
        List<Object> facts = new ArrayList<>();
        scenarios.values().forEach(s -> facts.add(s.metrics()));
        facts.add(monitor.thresholds());
        facts.add(monitor.value());
        facts.add(monitor.regime());
        facts.add(monitor.history());
        facts.addAll(monitor.triggers());
        facts.addAll(monitor.phase().all(ReviewDue.class));
        PhaseResult result = rules.fire(Phase.ANALYZE, facts);
        Recommendation recommendation = MonitorAgent.required(result, Recommendation.class);
        return new AnalyzerResult(scenarios, result.all(ScenarioScore.class), result.all(ScenarioVeto.class),
                recommendation, result);
    }
}
