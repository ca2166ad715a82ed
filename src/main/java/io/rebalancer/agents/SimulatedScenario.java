package io.rebalancer.agents;

import io.rebalancer.domain.Trade;
import io.rebalancer.rules.facts.ScenarioMetrics;

import java.util.List;

/** One scenario carried out on paper: its trades, the book after them and the metrics the rules score. */
public record SimulatedScenario(ScenarioMetrics metrics, List<Trade> trades, Book after) {
    public SimulatedScenario {
        trades = List.copyOf(trades);
    }
}
