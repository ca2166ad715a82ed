package io.rebalancer.service;

import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.Dividends;
import io.rebalancer.domain.Execution;
import io.rebalancer.domain.Fill;
import io.rebalancer.domain.Holdings;
import io.rebalancer.domain.InitialHoldings;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.Ticker;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The live holdings of a portfolio on a date: the initial purchase at the inception close, then day by day the
 * cash dividends on each ex-date (on the shares held at the previous close) and the paper executions filled at
 * that day's close, up to and including the date.
 */
public final class LiveHoldings {
    private LiveHoldings() {
    }

    public static Holdings on(PortfolioDefinition def, PriceHistory history, LocalDate asOf) {
        return on(def, history, asOf, List.of());
    }

    public static Holdings on(PortfolioDefinition def, PriceHistory history, LocalDate asOf, List<Execution> executions) {
        int start = history.indexOf(def.inception());
        if (start < 0) {
            throw new NotFoundException("no prices on the inception date " + def.inception() + " of " + def.id()
                    + ": the initial holdings are bought at the inception's closes, so live commands need it to be a"
                    + " trading day in the stored prices (backtests do not)");
        }
        int end = history.indexOf(asOf);
        Map<Ticker, Double> closes = new LinkedHashMap<>();
        for (Ticker t : def.tickers()) {
            closes.put(t, history.close(t.symbol(), start));
        }
        Holdings initial = InitialHoldings.of(def, closes, def.inception());
        Map<Ticker, Long> shares = new TreeMap<>(initial.shares());
        BigDecimal cash = initial.cash();
        cash = apply(executions, def.inception().minusDays(1), def.inception(), shares, cash);
        for (int d = start + 1; d <= end; d++) {
            for (Ticker t : def.tickers()) {
                String s = t.symbol();
                double perShare = Dividends.perShare(history.close(s, d - 1), history.adjClose(s, d - 1),
                        history.close(s, d), history.adjClose(s, d));
                if (perShare > 0) {
                    long held = shares.getOrDefault(t, 0L);
                    cash = cash.add(BigDecimal.valueOf(perShare * held).setScale(2, RoundingMode.HALF_EVEN));
                }
            }
            cash = apply(executions, history.dates().get(d - 1), history.dates().get(d), shares, cash);
        }
        return new Holdings(def.id(), asOf, shares, cash);
    }

    /** Applies the executions dated in (after, upTo]; returns the new cash. */
    private static BigDecimal apply(List<Execution> executions, LocalDate after, LocalDate upTo,
            Map<Ticker, Long> shares, BigDecimal cash) {
        for (Execution e : executions) {
            if (e.date().isAfter(after) && !e.date().isAfter(upTo)) {
                for (Fill f : e.fills()) {
                    shares.merge(f.ticker(), f.sharesChange(), Long::sum);
                }
                cash = cash.add(e.cashChange());
            }
        }
        return cash;
    }
}
