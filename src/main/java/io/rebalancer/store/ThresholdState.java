package io.rebalancer.store;

import io.rebalancer.domain.Checks;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Adaptive-threshold state of one portfolio, live ({@code runId == null}) or within one backtest run.
 * Offsets are fractions of NAV added to the drift thresholds.
 */
public record ThresholdState(
        String portfolioId,
        String runId,
        double persistentOffset,
        double temporaryOffset,
        LocalDate temporaryUntil,
        String lastRegime,
        LocalDate lastRebalance,
        LocalDate updatedAsOf,
        String lastCycleId) {

    public ThresholdState {
        Checks.notBlank("portfolio id", portfolioId);
        if (runId != null) {
            Checks.notBlank("run id", runId);
        }
        Checks.finite("persistentOffset", persistentOffset);
        Checks.finite("temporaryOffset", temporaryOffset);
        Objects.requireNonNull(updatedAsOf, "updatedAsOf");
        Checks.notBlank("lastCycleId", lastCycleId);
    }

    /** The state of a portfolio nothing has adapted yet. */
    public static ThresholdState initial(String portfolioId, String runId, LocalDate asOf, String cycleId) {
        return new ThresholdState(portfolioId, runId, 0, 0, null, null, null, asOf, cycleId);
    }
}
