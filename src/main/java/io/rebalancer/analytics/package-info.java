/**
 * Portfolio analytics: pure functions and small immutable values.
 *
 * <p>Returns, volatility, drawdown, Sharpe (geometric and arithmetic), Sortino, VaR (historical,
 * Gaussian, Cornish-Fisher), CVaR, beta, covariance and tracking error, Brinson-Fachler attribution
 * with Carino or GRAP linking, and an immutable, look-ahead-safe {@link io.rebalancer.analytics.PriceHistory}.
 * The metric contract (formulas, units, sign conventions) is in {@code docs/METRICS.md}.
 *
 * <p>Conventions: daily simple returns as fractions (0.01 = 1 %), 252 periods a year. Invalid input
 * (null, NaN or infinite values, mismatched lengths, out-of-range parameters) throws
 * {@link java.lang.IllegalArgumentException} with a message naming the bad value; input that is valid
 * but too short for a statistic (for example one return for a standard deviation) yields
 * {@link java.lang.Double#NaN}. Tablesaw and commons-math3 are used only inside this package.
 */
package io.rebalancer.analytics;
