package io.rebalancer.query;

import java.util.List;

/**
 * Why a stored decision came out as it did: its summary, the reasoning lines, the triggers, the rules that fired in
 * order by phase, each scenario's score and vetoes, the recommendation, the chosen scenario and timing with their
 * reasons, the trade plan and the threshold changes.
 */
public record DecisionExplanation(DecisionSummary decision, double nav, double cash, double vix, String regimeReason,
                                  List<String> reasoning, List<String> triggers, List<Firing> firedRules,
                                  List<ScenarioRow> scenarios, String recommended, double confidence,
                                  String recommendationReason, String choiceReason, String timingReason,
                                  List<PlanRow> plan, List<String> thresholdChanges) {
    public DecisionExplanation {
        reasoning = List.copyOf(reasoning);
        triggers = List.copyOf(triggers);
        firedRules = List.copyOf(firedRules);
        scenarios = List.copyOf(scenarios);
        plan = List.copyOf(plan);
        thresholdChanges = List.copyOf(thresholdChanges);
    }

    public record Firing(String phase, String group, String rule) {
    }

    /** A simulated scenario: score 0-10 (null when vetoed before scoring), turnover and drift after as fractions. */
    public record ScenarioRow(String type, Double score, int tradeCount, double turnover, double cost,
                              double driftAfter, List<String> vetoes) {
        public ScenarioRow {
            vetoes = List.copyOf(vetoes);
        }
    }

    public record PlanRow(String priority, String ticker, String side, double shares, double price, double value,
                          double cost, String rationale) {
    }
}
