package io.rebalancer.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The paper execution of one decision: its fills at the close of {@code date}. Its id is the decision's cycle
 * id, so a decision is executed at most once. {@code tranche} of {@code tranches} is 1 of 1 for an immediate plan.
 */
public record Execution(String cycleId, String portfolioId, LocalDate date, int tranche, int tranches,
                        List<Fill> fills) {
    public Execution {
        Checks.notBlank("cycle id", cycleId);
        Checks.notBlank("portfolio id", portfolioId);
        Objects.requireNonNull(date, "date");
        if (tranches < 1 || tranche < 1 || tranche > tranches) {
            throw new IllegalArgumentException("tranche must be in 1.." + tranches + ", was " + tranche);
        }
        fills = List.copyOf(fills);
        if (fills.isEmpty()) {
            throw new IllegalArgumentException("execution of " + cycleId + " has no fills");
        }
        if (fills.stream().map(Fill::clientOrderId).distinct().count() != fills.size()) {
            throw new IllegalArgumentException("execution of " + cycleId + " repeats a client order id");
        }
    }

    /** Net cash change of all fills. */
    public BigDecimal cashChange() {
        return fills.stream().map(Fill::cashChange).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal tradedValue() {
        return fills.stream().map(Fill::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal cost() {
        return fills.stream().map(Fill::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
