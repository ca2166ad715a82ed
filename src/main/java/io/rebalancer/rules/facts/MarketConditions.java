package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Input: VIX close, 21-day realised volatility of the benchmark (annualised), benchmark drawdown from its 252-day peak, VIX percentile over 252 days (0-1). */
public record MarketConditions(double vix, double realizedVol, double benchmarkDrawdown, double vixPercentile) {
}
