package io.rebalancer.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The paper account of a portfolio at the latest close: cash, shares per position and every executed order, oldest
 * first ({@code kind} DECISION for a decision's fills, ORDER for one placed by hand).
 */
public record BalanceReport(String portfolioId, LocalDate asOf, BigDecimal cash, double nav, Map<String, Long> positions,
                            List<ExecutedOrder> orders) {
    public BalanceReport {
        positions = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(positions));
        orders = List.copyOf(orders);
    }

    public record ExecutedOrder(String executionId, String kind, String cycleId, LocalDate date, int tranche,
                                int tranches, String clientOrderId, String ticker, String side, long shares,
                                BigDecimal price, BigDecimal value, BigDecimal cost) {
    }
}
