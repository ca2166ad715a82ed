package io.rebalancer.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A portfolio as the analyst defines it: targets by ticker and sector, basis, inception date, thresholds,
 * the bounds adaptive rules stay within, the cost model and the contributions and withdrawals it declares. Cash
 * is implicit with a 0 % target.
 */
public record PortfolioDefinition(
        String id,
        BigDecimal basis,
        LocalDate inception,
        Ticker benchmark,
        List<TargetWeight> targets,
        Thresholds thresholds,
        ThresholdBounds bounds,
        CostModel costs,
        List<CashFlow> cashFlows) {

    /** Tolerance on the sum of target weights (fractions). */
    public static final double WEIGHT_SUM_TOLERANCE = 1e-6;
    public static final String CASH_SECTOR = "Cash";

    public PortfolioDefinition {
        Checks.notBlank("portfolio id", id);
        Objects.requireNonNull(basis, "basis");
        if (basis.signum() <= 0) {
            throw new IllegalArgumentException("basis of " + id + " must be positive, was " + basis);
        }
        Objects.requireNonNull(inception, "inception");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(bounds, "bounds");
        Objects.requireNonNull(costs, "costs");
        cashFlows = cashFlows == null ? List.of() : List.copyOf(cashFlows);
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("portfolio " + id + " has no targets");
        }
        Set<Ticker> seen = new LinkedHashSet<>();
        double sum = 0;
        for (TargetWeight t : targets) {
            if (!seen.add(t.ticker())) {
                throw new IllegalArgumentException("portfolio " + id + " lists " + t.ticker() + " twice");
            }
            sum += t.weight();
        }
        if (Math.abs(sum - 1.0) > WEIGHT_SUM_TOLERANCE) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "targets of %s sum to %.4f %%, not 100 %%", id, sum * 100));
        }
    }

    /** Without cash flows: the earlier shape. */
    public PortfolioDefinition(String id, BigDecimal basis, LocalDate inception, Ticker benchmark,
                               List<TargetWeight> targets, Thresholds thresholds, ThresholdBounds bounds,
                               CostModel costs) {
        this(id, basis, inception, benchmark, targets, thresholds, bounds, costs, List.of());
    }

    /** The same portfolio charged {@code other} costs. */
    public PortfolioDefinition withCosts(CostModel other) {
        return new PortfolioDefinition(id, basis, inception, benchmark, targets, thresholds, bounds, other, cashFlows);
    }

    /** 16 hex digits of a SHA-256 over every field: equal definitions, and only those, share it. */
    public String fingerprint() {
        try {
            byte[] sha = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(sha).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Ticker> tickers() {
        return targets.stream().map(TargetWeight::ticker).toList();
    }

    public Optional<TargetWeight> target(Ticker ticker) {
        return targets.stream().filter(t -> t.ticker().equals(ticker)).findFirst();
    }

    public double targetWeight(Ticker ticker) {
        return target(ticker).map(TargetWeight::weight).orElse(0.0);
    }

    /** Sector of each ticker, in target order. */
    public Map<Ticker, String> sectors() {
        Map<Ticker, String> out = new LinkedHashMap<>();
        targets.forEach(t -> out.put(t.ticker(), t.sector()));
        return out;
    }

    /** Target weight of each sector, in first-appearance order. */
    public Map<String, Double> sectorTargets() {
        Map<String, Double> out = new LinkedHashMap<>();
        targets.forEach(t -> out.merge(t.sector(), t.weight(), Double::sum));
        return out;
    }
}
