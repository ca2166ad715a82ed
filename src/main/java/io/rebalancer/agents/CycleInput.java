package io.rebalancer.agents;

import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.Ticker;
import io.rebalancer.rules.facts.OutcomeStats;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one cycle sees. {@code history} must end on {@code asOf}: the agents cannot look past it.
 * {@code shares} may be fractional in backtests; {@code cash} is in currency.
 */
public record CycleInput(
        PortfolioDefinition portfolio,
        LocalDate asOf,
        PriceHistory history,
        PriceBasis priceBasis,
        Map<Ticker, Double> shares,
        double cash,
        double vix,
        double vixPercentile,
        double[] rfDaily,
        AgentMemory memory,
        List<OutcomeStats> outcomes,
        boolean wholeShares) {

    public CycleInput {
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(priceBasis, "priceBasis");
        Objects.requireNonNull(memory, "memory");
        shares = Map.copyOf(shares);
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        if (history.dates().isEmpty() || !history.dates().get(history.dates().size() - 1).equals(asOf)) {
            throw new IllegalArgumentException("price history must end on the as-of date " + asOf);
        }
        for (Ticker t : portfolio.tickers()) {
            if (!history.tickers().contains(t.symbol())) {
                throw new IllegalArgumentException("no price history for " + t + " of " + portfolio.id());
            }
        }
        if (!Double.isFinite(vix) || vix < 0) {
            throw new IllegalArgumentException("VIX on " + asOf + " must be a non-negative number, was " + vix);
        }
    }

    public int asOfIndex() {
        return history.size() - 1;
    }

    public double price(Ticker ticker) {
        return priceBasis == PriceBasis.CLOSE ? history.close(ticker.symbol(), asOfIndex())
                : history.adjClose(ticker.symbol(), asOfIndex());
    }

    /** Rebalances within the last {@code window} trading days, as-of included. */
    public int rebalancesWithin(int window) {
        int start = Math.max(0, asOfIndex() - window + 1);
        LocalDate from = history.dates().get(start);
        return (int) memory.rebalanceDates().stream().filter(d -> !d.isBefore(from) && !d.isAfter(asOf)).count();
    }

    /** Trading days after the last rebalance up to and including as-of; a large number if there was none. */
    public int daysSinceLastRebalance() {
        if (memory.lastRebalance() == null) {
            return 9_999;
        }
        int last = history.indexOnOrBefore(memory.lastRebalance());
        return last < 0 ? 9_999 : asOfIndex() - last;
    }
}
