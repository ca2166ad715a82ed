package io.rebalancer.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One paper execution of a decision: its fills at the close of {@code date}. {@code tranche} of {@code tranches}
 * is 1 of 1 for an immediate plan; a GRADUAL plan has one execution per tranche. {@link #id()} is unique, so a
 * tranche is never filled twice.
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

    /** The cycle id for the first tranche, {@code cycleId#k} for tranche k. */
    public String id() {
        return tranche == 1 ? cycleId : cycleId + "#" + tranche;
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
