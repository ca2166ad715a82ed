package io.rebalancer.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a model that many accounts follow: targets, thresholds, adaptive bounds, costs and benchmark, in
 * force from {@code effectiveFrom} until the next version of the same model. The cycle of a day uses the version
 * in force on that day, so a decision keeps the version it was made with.
 */
public record ModelVersion(
        String model,
        LocalDate effectiveFrom,
        Ticker benchmark,
        List<TargetWeight> targets,
        Thresholds thresholds,
        ThresholdBounds bounds,
        CostModel costs) {

    public ModelVersion {
        Checks.notBlank("model id", model);
        Objects.requireNonNull(effectiveFrom, "effective_from");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(bounds, "bounds");
        Objects.requireNonNull(costs, "costs");
        targets = List.copyOf(targets);
    }

    /** The model's terms on an account: its id, basis and inception with this version's targets and thresholds. */
    public PortfolioDefinition applyTo(String accountId, java.math.BigDecimal basis, LocalDate inception) {
        return new PortfolioDefinition(accountId, basis, inception, benchmark, targets, thresholds, bounds, costs);
    }

    /** Storage key: model id and effective date. */
    public String key() {
        return model + "@" + effectiveFrom;
    }

    /** The version in force on {@code day}: the latest effective on or before it; empty when none is yet. */
    public static Optional<ModelVersion> inForce(List<ModelVersion> versions, LocalDate day) {
        return versions.stream().filter(v -> !v.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(ModelVersion::effectiveFrom));
    }
}
