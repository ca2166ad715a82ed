package io.rebalancer.service;

import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.Dividends;
import io.rebalancer.domain.Holdings;
import io.rebalancer.domain.InitialHoldings;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.Ticker;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The live holdings of a portfolio on a date: the initial purchase at the inception close, plus cash dividends
 * credited on each ex-date after inception up to and including the date (no trades are executed live yet).
 */
final class LiveHoldings {
    private LiveHoldings() {
    }

    static Holdings on(PortfolioDefinition def, PriceHistory history, LocalDate asOf) {
        int start = history.indexOf(def.inception());
        if (start < 0) {
            throw new NotFoundException("no prices on the inception date " + def.inception() + " of " + def.id());
        }
        int end = history.indexOf(asOf);
        Map<Ticker, Double> closes = new LinkedHashMap<>();
        for (Ticker t : def.tickers()) {
            closes.put(t, history.close(t.symbol(), start));
        }
        Holdings initial = InitialHoldings.of(def, closes, def.inception());
        BigDecimal cash = initial.cash();
        for (Ticker t : def.tickers()) {
            long shares = initial.sharesOf(t);
            String s = t.symbol();
            for (int d = start + 1; d <= end; d++) {
                double perShare = Dividends.perShare(history.close(s, d - 1), history.adjClose(s, d - 1),
                        history.close(s, d), history.adjClose(s, d));
                if (perShare > 0) {
                    cash = cash.add(BigDecimal.valueOf(perShare * shares).setScale(2, RoundingMode.HALF_EVEN));
                }
            }
        }
        return new Holdings(def.id(), asOf, initial.shares(), cash);
    }
}
