package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/**
 * Conclusion (analyze): how the regime values a scenario, from cost_benefit.drl.xlsx. Benefit = (riskAversion / 2)
 * x (tracking-error variance before - after), cost = modelled trading cost / (horizonDays / 252); both in bp of
 * NAV a year. A scenario is worth trading only when its net benefit exceeds {@code minNetBp}.
 */
public record CostBenefit(Regime regime, double riskAversion, int horizonDays, double minNetBp, String rule) {
    public CostBenefit {
        if (!(riskAversion > 0)) {
            throw new IllegalArgumentException("cost-benefit for " + regime + " (" + rule + "): Risk aversion must be positive, was " + riskAversion);
        }
        if (horizonDays <= 0) {
            throw new IllegalArgumentException("cost-benefit for " + regime + " (" + rule + "): Holding horizon (trading days) must be positive, was " + horizonDays);
        }
        if (!Double.isFinite(minNetBp)) {
            throw new IllegalArgumentException("cost-benefit for " + regime + " (" + rule + "): Minimum net benefit (bp a year) must be a number, was " + minNetBp);
        }
    }

    public double horizonYears() {
        return horizonDays / 252.0;
    }

    /** bp of NAV a year that removing tracking-error variance {@code before^2 - after^2} (annualised TE) is worth. */
    public double benefitBp(double teBefore, double teAfter) {
        if (!Double.isFinite(teBefore) || !Double.isFinite(teAfter)) {
            return 0.0;
        }
        return riskAversion / 2 * (teBefore * teBefore - teAfter * teAfter) * 10_000;
    }

    /** A one-off cost (fraction of NAV) spread over the holding horizon, in bp of NAV a year. */
    public double costBp(double cost) {
        return cost / horizonYears() * 10_000;
    }
}
