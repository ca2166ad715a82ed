package io.rebalancer.service;

import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.Execution;
import io.rebalancer.domain.Holdings;
import io.rebalancer.domain.PortfolioDefinition;

import java.time.LocalDate;
import java.util.List;

/**
 * A portfolio's live state on one trading day: prices up to and including it (the last day of {@code history}),
 * VIX and rates on those days, and the holdings at its close (inception purchase, dividends, paper executions).
 * {@code latest} when the day was not asked for but defaulted to the latest stored one; {@code executions} are all
 * the portfolio's recorded paper executions (the holdings count only those on or before the day).
 */
public record LiveView(PortfolioDefinition definition, LocalDate asOf, boolean latest, PriceHistory history,
                       MarketContext market, Holdings holdings, List<Execution> executions) {
    /** Index of the as-of day in {@link #history()}. */
    public int day() {
        return history.size() - 1;
    }
}
