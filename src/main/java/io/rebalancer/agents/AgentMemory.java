package io.rebalancer.agents;

import io.rebalancer.domain.Regime;

import java.time.LocalDate;
import java.util.List;

/**
 * What the agent carries from one cycle to the next: the adaptive drift offsets (persistent, and temporary until
 * a date), the last regime and the dates of the latest rebalances (newest last, at most {@link #KEPT}).
 * Offsets are fractions of NAV added to the drift thresholds.
 */
public record AgentMemory(double persistentOffset, double temporaryOffset, LocalDate temporaryUntil,
                          Regime lastRegime, List<LocalDate> rebalanceDates) {
    public static final int KEPT = 20;

    public AgentMemory {
        rebalanceDates = rebalanceDates == null ? List.of() : List.copyOf(rebalanceDates);
    }

    public static AgentMemory fresh() {
        return new AgentMemory(0, 0, null, null, List.of());
    }

    public boolean temporaryActive(LocalDate asOf) {
        return temporaryUntil != null && !asOf.isAfter(temporaryUntil);
    }

    public LocalDate lastRebalance() {
        return rebalanceDates.isEmpty() ? null : rebalanceDates.get(rebalanceDates.size() - 1);
    }
}
