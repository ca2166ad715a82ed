package io.rebalancer.market;

import io.rebalancer.domain.MarketDay;
import io.rebalancer.domain.PriceBar;
import io.rebalancer.domain.Ticker;
import io.rebalancer.store.Stores;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Brings the store up to date from Yahoo: daily bars of the given tickers, and the market days (VIX from
 * {@code ^VIX}, the T-bill rate from {@code ^IRX}, 13-week bill, percent a year, as {@code rate / 100 / 252} a
 * trading day like backtest-data's DTB3). A day without an ^IRX close carries the previous rate forward. Every
 * symbol is fetched and checked before anything is written.
 */
public final class YahooPriceUpdate {
    static final String VIX = "^VIX";
    static final String TBILL = "^IRX";
    /** Calendar days fetched before {@code from} to find a day the store holds too. */
    static final int OVERLAP_DAYS = 10;

    private YahooPriceUpdate() {
    }

    public record Result(int bars, int tickers, int marketDays, LocalDate from, LocalDate to) {
    }

    public static Result run(Stores stores, YahooChartClient client, List<Ticker> tickers, LocalDate from,
            LocalDate to) {
        List<PriceBar> bars = new ArrayList<>();
        // the stored trading days just before the fetch, where fetched and stored days meet
        List<LocalDate> storedDays = stores.prices().tradingDays(from.minusDays(OVERLAP_DAYS), from.minusDays(1));
        for (Ticker t : tickers) {
            YahooChartClient.Chart chart = client.daily(t.symbol(), from.minusDays(OVERLAP_DAYS), to);
            for (YahooChartClient.Split split : chart.splits()) {
                if (!split.date().isBefore(from)) {
                    // Yahoo restates every earlier close on the new basis; stored closes and share counts are not
                    throw new PriceSourceException(t + " split " + split.ratio() + " on " + split.date()
                            + "; splits are not applied to stored prices and holdings yet, so nothing is fetched"
                            + " across one (re-import the ticker's whole history with 'data import' instead)", null);
                }
            }
            List<YahooChartClient.Day> days = chart.days();
            double scale = adjustmentScale(stores, t, days, storedDays);
            Optional<PriceBar> before = lastStoredBefore(stores, t, storedDays);
            String previousDay = before.map(b -> b.date().toString()).orElse(null);
            double previousClose = before.map(PriceBar::close).orElse(Double.NaN);
            for (YahooChartClient.Day d : days) {
                if (d.date().isBefore(from)) {
                    continue;
                }
                if (previousDay != null) {
                    Optional<String> jump = PriceJump.refusal(previousDay, previousClose, d.date().toString(),
                            d.close());
                    if (jump.isPresent()) {
                        throw new PriceSourceException("Yahoo's " + t + " " + jump.get() + "; nothing is fetched"
                                + " (if the move is real, load the ticker's history with 'data import')", null);
                    }
                }
                previousDay = d.date().toString();
                previousClose = d.close();
                try {
                    bars.add(d.toBar(t, scale));
                } catch (IllegalArgumentException e) {
                    throw new PriceSourceException("Yahoo's " + t + " bar is invalid: " + e.getMessage(), e);
                }
            }
        }
        List<MarketDay> market = marketDays(stores, client.daily(VIX, from, to).days(),
                client.daily(TBILL, from.minusDays(14), to).days(), from);
        stores.prices().saveBars(bars);
        stores.prices().saveMarketDays(market);
        return new Result(bars.size(), tickers.size(), market.size(), from, to);
    }

    /**
     * Yahoo rescales every earlier adjusted close at each new dividend, so fetched adjusted closes and stored ones
     * need not share a basis, and the ratio adj/close would jump at the seam like a dividend that was never paid.
     * The factor that makes the fetched ratio equal the stored one on the latest of {@code storedDays} both have
     * puts the new days on the stored basis; ratio steps inside the fetched days (real dividends) stay as they are.
     */
    static double adjustmentScale(Stores stores, Ticker t, List<YahooChartClient.Day> fetched,
            List<LocalDate> storedDays) {
        for (int i = storedDays.size() - 1; i >= 0; i--) {
            LocalDate day = storedDays.get(i);
            Optional<PriceBar> stored = stores.prices().bar(t, day);
            Optional<YahooChartClient.Day> same = fetched.stream().filter(d -> d.date().equals(day)).findFirst();
            if (stored.isPresent() && same.isPresent()) {
                double storedRatio = stored.get().adjClose() / stored.get().close();
                return storedRatio / (same.get().adjClose() / same.get().close());
            }
        }
        return 1.0;
    }

    /** The stored bar of the latest of {@code storedDays} that holds one for {@code t}. */
    private static Optional<PriceBar> lastStoredBefore(Stores stores, Ticker t, List<LocalDate> storedDays) {
        for (int i = storedDays.size() - 1; i >= 0; i--) {
            Optional<PriceBar> stored = stores.prices().bar(t, storedDays.get(i));
            if (stored.isPresent()) {
                return stored;
            }
        }
        return Optional.empty();
    }

    static List<MarketDay> marketDays(Stores stores, List<YahooChartClient.Day> vix, List<YahooChartClient.Day> tbill,
            LocalDate from) {
        Map<LocalDate, Double> rates = new TreeMap<>();
        tbill.forEach(d -> rates.put(d.date(), d.close() / 100 / 252));
        Double last = stores.prices().marketDays(from.minusDays(30), from.minusDays(1)).stream()
                .reduce((a, b) -> b).map(MarketDay::rfDaily).orElse(null);
        List<MarketDay> out = new ArrayList<>();
        for (Map.Entry<LocalDate, Double> r : rates.entrySet()) {
            if (r.getKey().isBefore(from)) {
                last = r.getValue();
            }
        }
        for (YahooChartClient.Day d : vix) {
            Double rate = rates.get(d.date());
            if (rate != null) {
                last = rate;
            }
            if (last == null) {
                throw new PriceSourceException("no T-bill rate (" + TBILL + ") on or before " + d.date()
                        + " in Yahoo's answer or the store", null);
            }
            try {
                out.add(new MarketDay(d.date(), d.close(), last));
            } catch (IllegalArgumentException e) {
                throw new PriceSourceException("Yahoo's " + VIX + " or " + TBILL + " value is invalid: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
