package io.rebalancer.domain;

import java.util.Objects;

/**
 * A stored portfolio with what the book keeps about it besides its definition: the model it follows (null for a
 * portfolio defined on its own) and whether it may trade. For an account on a model, {@code definition} holds the
 * model version in force on its inception, which fixes its initial purchase; later cycles use the version in force
 * on their day.
 */
public record Account(PortfolioDefinition definition, String model, boolean doNotTrade) {
    public Account {
        Objects.requireNonNull(definition, "definition");
        if (model != null) {
            Checks.notBlank("model id", model);
        }
    }

    public String id() {
        return definition.id();
    }

    /** The definition in force on {@code day}: the model's version in force then, else the stored definition. */
    public PortfolioDefinition on(java.util.List<ModelVersion> versions, java.time.LocalDate day) {
        if (model == null || day == null) {
            return definition;
        }
        return ModelVersion.inForce(versions, day)
                .map(v -> v.applyTo(definition.id(), definition.basis(), definition.inception())).orElse(definition);
    }

    public static Account standalone(PortfolioDefinition definition) {
        return new Account(definition, null, false);
    }
}
