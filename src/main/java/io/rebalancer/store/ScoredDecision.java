package io.rebalancer.store;

import io.rebalancer.domain.Checks;
import io.rebalancer.domain.Regime;
import io.rebalancer.domain.ScenarioType;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How one live decision turned out once its horizon passed: the regime it was made in, the scenario the
 * portfolio followed, its regret and its active return over DEFER (fractions), kept so that later cycles need
 * not score it again.
 *
 * @param decided    the decision's as-of day
 * @param maturedOn  the last day of its horizon
 */
public record ScoredDecision(String cycleId, String portfolioId, LocalDate decided, LocalDate maturedOn, Regime regime,
                             ScenarioType chosen, double regret, double activeReturn) {
    public ScoredDecision {
        Checks.notBlank("cycle id", cycleId);
        Checks.notBlank("portfolio id", portfolioId);
        Objects.requireNonNull(decided, "decided");
        Objects.requireNonNull(maturedOn, "maturedOn");
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(chosen, "chosen");
        Checks.nonNegative("regret of " + cycleId, regret);
        if (!maturedOn.isAfter(decided)) {
            throw new IllegalArgumentException("decision " + cycleId + " matures on " + maturedOn + ", not after "
                    + decided);
        }
    }
}
