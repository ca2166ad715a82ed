package io.rebalancer.cli;

import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.Ticker;
import io.rebalancer.market.PriceSourceException;
import io.rebalancer.market.YahooChartClient;
import io.rebalancer.market.YahooPriceUpdate;
import io.rebalancer.service.LiveCycleService;
import io.rebalancer.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;

@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Fetch daily prices, VIX and the T-bill rate from Yahoo's chart API into the store, from the"
                + " day after the latest stored day to the last closed trading day. Everything is fetched and checked"
                + " before anything is written; offline, the store keeps what it has and 'run' uses its latest day.",
        footer = {"", "Examples:", "  rebalancer data fetch", "  rebalancer data fetch --ticker NVDA --from 2026-01-02"})
class DataFetchCommand implements Callable<Integer> {
    static final String ENV_URL = "REBALANCER_YAHOO_URL";
    /** The New York close plus a margin: a bar of today before then is still moving. */
    private static final LocalTime DAY_COMPLETE = LocalTime.of(16, 30);

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--ticker", description = "Ticker to fetch (repeatable; default: every ticker of every stored"
            + " portfolio and its benchmark)")
    List<String> tickers;

    @Option(names = "--from", description = "First day, yyyy-MM-dd (default: the day after the latest stored day)")
    LocalDate from;

    @Option(names = "--to", description = "Last day, yyyy-MM-dd (default: the last trading day whose close is known)")
    LocalDate to;

    @Option(names = "--source-url", description = "Base URL of the chart API (default: $" + ENV_URL + ", else "
            + YahooChartClient.DEFAULT_BASE_URL + ")")
    String sourceUrl;

    @Override
    public Integer call() {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
        try (AppContext app = new AppContext(store)) {
            Stores stores = app.stores();
            LocalDate latest = stores.prices().latestDate().orElse(null);
            LocalDate first = from != null ? from : latest == null ? LocalDate.now().minusYears(1) : latest.plusDays(1);
            LocalDate last = to != null ? to : lastClosedDay(ZonedDateTime.now(ZoneId.of("America/New_York")));
            PrintWriter out = spec.commandLine().getOut();
            if (first.isAfter(last)) {
                out.println("Already up to date: the latest stored day is " + latest + ".");
                out.flush();
                return ExitCodes.OK;
            }
            String url = sourceUrl(sourceUrl);
            List<Ticker> symbols = tickers(stores);
            YahooPriceUpdate.Result r;
            try {
                r = YahooPriceUpdate.run(stores, new YahooChartClient(url), symbols, first, last);
            } catch (PriceSourceException e) {
                throw new PriceSourceException(e.getMessage() + "; nothing was written"
                        + (latest == null ? "" : ", and 'run' uses the latest stored day, " + latest), e);
            }
            out.println("Fetched " + r.bars() + " daily bars of " + r.tickers() + " ticker" + (r.tickers() == 1 ? "" : "s")
                    + " and " + r.marketDays()
                    + " market days (VIX, T-bill) for " + first + " .. " + last + " from " + url + "; the latest stored"
                    + " day is now " + stores.prices().latestDate().map(LocalDate::toString).orElse("none") + ".");
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** The chart API's base URL: the option, else $REBALANCER_YAHOO_URL, else Yahoo's. */
    static String sourceUrl(String option) {
        String env = System.getenv(ENV_URL);
        return option != null ? option : env != null && !env.isBlank() ? env : YahooChartClient.DEFAULT_BASE_URL;
    }

    static LocalDate lastClosedDay(ZonedDateTime nowInNewYork) {
        return nowInNewYork.toLocalTime().isBefore(DAY_COMPLETE) ? nowInNewYork.toLocalDate().minusDays(1)
                : nowInNewYork.toLocalDate();
    }

    private List<Ticker> tickers(Stores stores) {
        if (tickers != null && !tickers.isEmpty()) {
            return tickers.stream().map(Ticker::of).distinct().toList();
        }
        TreeSet<Ticker> all = new TreeSet<>();
        for (String id : stores.portfolios().portfolioIds()) {
            PortfolioDefinition def = LiveCycleService.portfolio(stores, id);
            all.addAll(LiveCycleService.tickers(def));
        }
        return List.copyOf(all);
    }
}
