package io.rebalancer.domain;

import static io.rebalancer.domain.Checks.inRange;

/**
 * The analyst's thresholds for one portfolio. Drift and turnover are fractions of NAV (0.03 = 3 %),
 * VaR is a one-day return (negative), Sharpe is annualised.
 */
public record Thresholds(
        double driftCritical, double driftHigh, double driftMedium,
        double varWarning, double varCritical,
        double sharpeWarning, double sharpeCritical,
        double maxTurnover, int cooldownDays, double betaLimit) {

    public Thresholds {
        inRange("driftCritical", driftCritical, 0, 1);
        inRange("driftHigh", driftHigh, 0, 1);
        inRange("driftMedium", driftMedium, 0, 1);
        if (!(driftMedium <= driftHigh && driftHigh <= driftCritical)) {
            throw new IllegalArgumentException("drift thresholds must satisfy medium <= high <= critical, were "
                    + driftMedium + ", " + driftHigh + ", " + driftCritical);
        }
        inRange("varWarning", varWarning, -1, 0);
        inRange("varCritical", varCritical, -1, 0);
        if (varCritical > varWarning) {
            throw new IllegalArgumentException("varCritical must be at or below varWarning, were "
                    + varCritical + " and " + varWarning);
        }
        inRange("sharpeWarning", sharpeWarning, -100, 100);
        inRange("sharpeCritical", sharpeCritical, -100, 100);
        inRange("maxTurnover", maxTurnover, 0, 2);
        inRange("cooldownDays", cooldownDays, 0, 3650);
        inRange("betaLimit", betaLimit, 0, 10);
    }

    /** The seed portfolio's thresholds: drift 3/2.5/1.5 %, VaR -3/-4 %, Sharpe 1/0, turnover 20 %, 3 days, beta 1.5. */
    public static Thresholds seedDefaults() {
        return new Thresholds(0.03, 0.025, 0.015, -0.03, -0.04, 1.0, 0.0, 0.20, 3, 1.5);
    }
}
