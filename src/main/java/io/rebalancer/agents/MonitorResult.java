package io.rebalancer.agents;

import io.rebalancer.domain.Verdict;
import io.rebalancer.rules.PhaseResult;
import io.rebalancer.rules.facts.*;

import java.util.List;

/** The monitor phase: the facts it was given and what its rules concluded. */
public record MonitorResult(DriftFacts drift, RiskSnapshot risk, MarketConditions market,
                            RegimeThresholds regimeThresholds, CostBenefit value,
                            AdaptiveState adaptive, PreviousRegime previousRegime, RebalanceHistory history,
                            RegimeClassified regime, EffectiveThresholds thresholds, List<Trigger> triggers,
                            List<Observation> observations, MonitorVerdict verdict, PhaseResult phase) {

    public boolean triggered() {
        return verdict.verdict() == Verdict.TRIGGERED;
    }
}
