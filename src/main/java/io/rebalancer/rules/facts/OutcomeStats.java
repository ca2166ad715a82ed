package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/**
 * Input (decide): how past decisions of one scenario in one regime turned out, over non-overlapping horizons:
 * count, mean regret and mean cost-adjusted active return over the horizon (fractions), share with non-positive
 * regret, and how many of them matured since the previous cycle ({@code fresh}), so that learning rules act on
 * new evidence only.
 *
 * <p>{@code activeT} is the t-statistic of the mean active return, {@code mean / (sd / sqrt(count))} with the sample
 * sd (NaN below two outcomes or when every outcome is equal). The active return of a rebalance is its return minus
 * deferring's; of a deferral, deferring's return minus a full rebalance's. {@code meanRegretReturn} and
 * {@code meanRegretTracking} split the mean regret into the return the best alternative would have added and the
 * tracking-error penalty it would have saved ({@code meanRegret = meanRegretReturn + meanRegretTracking}).
 */
public record OutcomeStats(Regime regime, ScenarioType type, int count, double meanRegret, double meanOutcome,
                           double hitRate, int fresh, double activeT, double meanRegretReturn,
                           double meanRegretTracking) {

    /** Statistics whose decisions are all new evidence, without the t-statistic and the regret split (NaN). */
    public OutcomeStats(Regime regime, ScenarioType type, int count, double meanRegret, double meanOutcome,
                        double hitRate) {
        this(regime, type, count, meanRegret, meanOutcome, hitRate, count);
    }

    /** Without the t-statistic and the regret split (NaN): the earlier shape. */
    public OutcomeStats(Regime regime, ScenarioType type, int count, double meanRegret, double meanOutcome,
                        double hitRate, int fresh) {
        this(regime, type, count, meanRegret, meanOutcome, hitRate, fresh, Double.NaN, Double.NaN, Double.NaN);
    }

    /** The t-statistic of a mean: {@code mean / (sd / sqrt(n))}; NaN for fewer than two values or a zero sd. */
    public static double tStatistic(int n, double sum, double sumOfSquares) {
        if (n < 2) {
            return Double.NaN;
        }
        double mean = sum / n;
        double var = (sumOfSquares - n * mean * mean) / (n - 1);
        if (!(var > 1e-30)) {
            return Double.NaN;
        }
        return mean / Math.sqrt(var / n);
    }
}
