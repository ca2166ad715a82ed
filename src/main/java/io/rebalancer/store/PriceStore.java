package io.rebalancer.store;

import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.MarketDay;
import io.rebalancer.domain.PriceBar;
import io.rebalancer.domain.Ticker;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Daily bars per ticker and market-wide days (VIX, risk-free rate). */
public interface PriceStore {
    /**
     * Upserts bars by (ticker, date). The whole batch is validated first (a batch naming one (ticker, date)
     * twice with different values is rejected); nothing is written if it fails.
     */
    void saveBars(List<PriceBar> bars);

    /** Upserts market days by date. */
    void saveMarketDays(List<MarketDay> days);

    /** The latest date with any stored bar. */
    Optional<LocalDate> latestDate();

    /** Dates in [from, to] on which any ticker has a bar, ascending. */
    List<LocalDate> tradingDays(LocalDate from, LocalDate to);

    /** The ticker's bar on the date, if it has one. */
    default Optional<PriceBar> bar(Ticker ticker, LocalDate date) {
        java.util.Objects.requireNonNull(ticker, "ticker");
        java.util.Objects.requireNonNull(date, "date");
        return Optional.ofNullable(bars(List.of(ticker), date).get(ticker));
    }

    /** The bars that exist for the tickers on the date (tickers without one are absent from the map). */
    Map<Ticker, PriceBar> bars(Collection<Ticker> tickers, LocalDate date);

    /**
     * Close, adjusted close and volume of the tickers on every date in [from, to] on which any of them has a
     * bar. Throws {@link StoreException} naming the ticker and its first missing date if a ticker lacks a day
     * the others have, or has no bars at all in the range.
     */
    PriceHistory history(List<Ticker> tickers, LocalDate from, LocalDate to);

    /** Market days in [from, to], ascending. */
    List<MarketDay> marketDays(LocalDate from, LocalDate to);
}
