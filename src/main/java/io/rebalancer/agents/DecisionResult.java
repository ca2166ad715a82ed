package io.rebalancer.agents;

import io.rebalancer.rules.PhaseResult;
import io.rebalancer.rules.facts.ScenarioChosen;
import io.rebalancer.rules.facts.TimingDecided;

import java.util.List;

/**
 * The decide phase: the chosen scenario and timing (both null when the monitor found nothing to do), the plan in
 * priority order, the threshold changes applied and the memory for the next cycle.
 */
public record DecisionResult(ScenarioChosen chosen, TimingDecided timing, List<PlannedTrade> plan,
                             List<AppliedThresholdChange> thresholdChanges, AgentMemory memoryAfter,
                             PhaseResult phase) {
    public DecisionResult {
        plan = List.copyOf(plan);
        thresholdChanges = List.copyOf(thresholdChanges);
    }

    /** True when trades are to be made now or in tranches. */
    public boolean rebalances() {
        return rebalances(chosen, timing, plan);
    }

    static boolean rebalances(ScenarioChosen chosen, TimingDecided timing, List<PlannedTrade> plan) {
        return chosen != null && !chosen.deferred() && !plan.isEmpty()
                && timing != null && timing.timing() != io.rebalancer.domain.Timing.DEFER;
    }
}
