package io.rebalancer.cli;

import io.rebalancer.agents.CycleRecord;
import io.rebalancer.domain.Ticker;
import io.rebalancer.market.PriceSourceException;
import io.rebalancer.market.YahooChartClient;
import io.rebalancer.market.YahooPriceUpdate;
import io.rebalancer.service.CycleOutcome;
import io.rebalancer.service.ExecutionService;
import io.rebalancer.service.LiveCycleService;
import io.rebalancer.service.PortfolioBusyException;
import io.rebalancer.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import static io.rebalancer.cli.CycleConsoleReport.f;
import static io.rebalancer.cli.CycleConsoleReport.pct;

/**
 * The operator's loop in one long-lived process: (optionally) fetch prices, run a cycle on every new trading day,
 * (optionally) execute it, sleep, repeat. The rules and the store are opened once, so each cycle costs well under
 * a second. A fetch that fails is reported and the loop goes on with the stored days.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Run a cycle on every new trading day, in a loop: optionally fetch prices first and execute the"
                + " decision on paper. One line per check; Ctrl-C stops it.")
public class WatchCommand implements Callable<Integer> {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--portfolio", defaultValue = "PORT_A_TechGrowth", description = "Portfolio id (default: ${DEFAULT-VALUE})")
    String portfolio;

    @Option(names = "--execute", description = "Execute each rebalance on paper (and continue GRADUAL plans)")
    boolean execute;

    @Option(names = "--fetch", description = "Fetch new prices from Yahoo before each check (see 'data fetch')")
    boolean fetch;

    @Option(names = "--source-url", description = "Base URL of the chart API for --fetch (default: $"
            + DataFetchCommand.ENV_URL + ", else " + YahooChartClient.DEFAULT_BASE_URL + ")")
    String sourceUrl;

    @Option(names = "--every", defaultValue = "PT15M", description = "Pause between checks, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration every;

    @Option(names = "--checks", description = "Stop after this many checks (default: run until stopped)")
    Integer checks;

    @Override
    public Integer call() throws InterruptedException {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("--every must be positive, was " + every);
        }
        if (checks != null && checks < 1) {
            throw new IllegalArgumentException("--checks must be at least 1, was " + checks);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext app = new AppContext(store).preloadRules()) {
            Stores stores = app.stores();
            LiveCycleService.portfolio(stores, portfolio);
            LiveCycleService cycles = app.liveCycles();
            ExecutionService broker = new ExecutionService(stores);
            LocalDate done = null;
            for (int i = 1; checks == null || i <= checks; i++) {
                if (i > 1) {
                    Thread.sleep(every.toMillis());
                }
                String now = LocalDateTime.now().format(CLOCK);
                if (fetch) {
                    out.println(now + "  " + fetch(stores));
                }
                LocalDate latest = stores.prices().latestDate().orElse(null);
                if (latest == null || latest.equals(done)) {
                    out.println(now + "  no new trading day" + (latest == null ? "" : " since " + latest));
                } else {
                    try {
                        CycleOutcome o = cycles.run(portfolio, null);
                        done = latest;
                        out.println(now + "  " + summary(o.record(), o.alreadyRecorded()));
                        RunCommand.staleNote(stores).ifPresent(n -> out.println(now + "  note: " + n
                                + (fetch ? "" : " (or watch --fetch)")));
                        if (execute) {
                            executed(broker, o.record()).ifPresent(e -> out.println(now + "  " + e));
                        }
                    } catch (PortfolioBusyException e) {
                        out.println(now + "  skipped: " + e.getMessage());
                    }
                }
                out.flush();
            }
            return ExitCodes.OK;
        }
    }

    private String fetch(Stores stores) {
        LocalDate latest = stores.prices().latestDate().orElse(LocalDate.now().minusYears(1));
        LocalDate last = DataFetchCommand.lastClosedDay(ZonedDateTime.now(ZoneId.of("America/New_York")));
        if (!latest.isBefore(last)) {
            return "prices up to date (" + latest + ")";
        }
        String url = DataFetchCommand.sourceUrl(sourceUrl);
        List<Ticker> tickers = LiveCycleService.tickers(LiveCycleService.portfolio(stores, portfolio));
        try {
            YahooPriceUpdate.Result r = YahooPriceUpdate.run(stores, new YahooChartClient(url), tickers,
                    latest.plusDays(1), last);
            return "fetched " + r.bars() + " bars and " + r.marketDays() + " market days up to " + last;
        } catch (PriceSourceException e) {
            return "fetch failed, going on with the stored days: " + e.getMessage();
        }
    }

    private static String summary(CycleRecord r, boolean recorded) {
        CycleRecord.Decision d = r.decision();
        return f("%s %s %-9s %-9s %-9s %-9s %3d trades %8s  cycle %s%s", r.asOf(), r.portfolioId(),
                r.monitor().regime().regime(), r.monitor().verdict(), d.action(),
                d.chosen() == null ? "-" : d.chosen().type(), d.tradeCount(), pct(d.turnover()), r.cycleId(),
                recorded ? " (recorded before)" : "");
    }

    private static Optional<String> executed(ExecutionService broker, CycleRecord r) {
        return broker.executeDay(r).map(e -> (e.alreadyExecuted() ? "already executed: " : "executed: ") + e.execution().fills().size()
                + " fills" + (e.execution().tranches() > 1 ? f(" (tranche %d of %d)", e.execution().tranche(),
                e.execution().tranches()) : "") + f(", cash %s -> %s", e.before().cash(), e.after().cash()));
    }
}
