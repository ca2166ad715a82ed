package io.rebalancer.domain;

import static io.rebalancer.domain.Checks.nonNegative;

/**
 * Transaction cost of a trade: commission and half the bid-ask spread in basis points of traded value, plus
 * square-root market impact {@code impactCoefficient * sigma_daily * sqrt(shares / ADV)} as a fraction of value.
 */
public record CostModel(double commissionBps, double halfSpreadBps, double impactCoefficient) {
    public CostModel {
        nonNegative("commissionBps", commissionBps);
        nonNegative("halfSpreadBps", halfSpreadBps);
        nonNegative("impactCoefficient", impactCoefficient);
    }

    /** The seed portfolio's costs: 1 bp commission, 2 bp half-spread, impact coefficient 0.1. */
    public static CostModel seedDefaults() {
        return new CostModel(1, 2, 0.1);
    }

    public static CostModel none() {
        return new CostModel(0, 0, 0);
    }

    /** Cost in currency of trading {@code value} (absolute) given participation and daily volatility. */
    public double cost(double value, double participation, double dailyVolatility) {
        double absValue = Math.abs(value);
        double linear = absValue * (commissionBps + halfSpreadBps) / 10_000.0;
        double impact = impactCoefficient <= 0 || participation <= 0 ? 0
                : absValue * impactCoefficient * dailyVolatility * Math.sqrt(participation);
        return linear + impact;
    }

    /** Linear part only (commission plus half spread), for trades without volume data. */
    public double linearCost(double value) {
        return cost(value, 0, 0);
    }
}
