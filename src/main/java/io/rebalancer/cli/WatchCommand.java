package io.rebalancer.cli;

import io.rebalancer.alerts.AlertRules;
import io.rebalancer.alerts.AlertService;
import io.rebalancer.alerts.AlertSink;
import io.rebalancer.alerts.JsonLinesSink;
import io.rebalancer.alerts.WebhookSink;
import io.rebalancer.alerts.WriterSink;
import io.rebalancer.calendar.NyseCalendar;
import io.rebalancer.market.YahooChartClient;
import io.rebalancer.service.ExecutionService;
import io.rebalancer.store.Stores;
import io.rebalancer.watch.WatchLoop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The operator's loop in one long-lived process ({@link WatchLoop}): cycles after each NYSE close for one portfolio
 * or all, alerts, a health file, and on SIGTERM (or Ctrl-C) the portfolio being worked on finishes before it stops.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Run a cycle for each portfolio after every NYSE close (holidays and early closes known), in a"
                + " loop: optionally fetch prices first and execute the decision on paper. Alerts the rules raise go"
                + " to the console, the store and optionally a JSON-lines file and a webhook. One line per event;"
                + " SIGTERM or Ctrl-C lets the current cycle finish, then stops.",
        footer = {"", "Examples:", "  rebalancer watch --fetch --execute", "  rebalancer watch --all --health-file watch.json",
                "  rebalancer watch --every PT1H --log-file watch.log", "  rebalancer watch --checks 1"})
public class WatchCommand implements Callable<Integer> {
    /** The environment variable holding the webhook's signing secret (never an option: it would show in ps). */
    static final String ENV_WEBHOOK_SECRET = "REBALANCER_WEBHOOK_SECRET";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--portfolio", defaultValue = "PORT_A_TechGrowth", description = "Portfolio id (default: ${DEFAULT-VALUE})")
    String portfolio;

    @Option(names = "--all", description = "Watch every stored portfolio (instead of --portfolio)")
    boolean all;

    @Option(names = "--execute", description = "Execute each rebalance on paper (and continue GRADUAL plans)")
    boolean execute;

    @Option(names = "--fetch", description = "Fetch new prices from Yahoo before each check (see 'data fetch')")
    boolean fetch;

    @Option(names = "--source-url", description = "Base URL of the chart API for --fetch (default: $"
            + DataFetchCommand.ENV_URL + ", else " + YahooChartClient.DEFAULT_BASE_URL + ")")
    String sourceUrl;

    @Option(names = "--every", defaultValue = "PT15M", description = "Longest pause between checks, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration every;

    @Option(names = "--after-close", defaultValue = "PT30M", description = "How long after a session's close it"
            + " counts as closed and is checked, so its prices can arrive (default: ${DEFAULT-VALUE})")
    Duration afterClose;

    @Option(names = "--checks", description = "Stop after this many checks (default: run until stopped)")
    Integer checks;

    @Option(names = "--health-file", description = "Keep a JSON health file here: status, last check, next check,"
            + " last cycle and last error per portfolio")
    Path healthFile;

    @Option(names = "--alerts-file", description = "Also append each new alert as a JSON line to this file")
    Path alertsFile;

    @Option(names = "--webhook", description = "Also POST each new alert as JSON to this URL, signed with HMAC-SHA256"
            + " of $" + ENV_WEBHOOK_SECRET + " (header X-Rebalancer-Signature), retried with backoff")
    URI webhook;

    @Option(names = "--log-file", paramLabel = "FILE", description = "Also append every check line, and the warnings"
            + " and errors logged, to FILE (with the date and time of each line)")
    Path logFile;

    @Override
    public Integer call() throws Exception {
        if (all && spec.commandLine().getParseResult().hasMatchedOption("--portfolio")) {
            throw new IllegalArgumentException("--all and --portfolio exclude each other: watch every stored"
                    + " portfolio, or one");
        }
        notADirectory("--health-file", healthFile);
        notADirectory("--alerts-file", alertsFile);
        notADirectory("--log-file", logFile);
        AutoCloseable file = logFile == null ? () -> { } : ConsoleLogging.addFile(logFile);
        try (file) {
            return watch();
        }
    }

    private Integer watch() throws InterruptedException {
        List<AlertSink> sinks = new ArrayList<>();
        PrintWriter out = spec.commandLine().getOut();
        java.util.function.Consumer<String> console = line -> {
            synchronized (out) {
                out.println(LocalDateTime.now().format(CLOCK) + "  " + line);
                out.flush();
                if (logFile != null) {
                    ConsoleLogging.fileOnly().info(line);
                }
            }
        };
        sinks.add(new WriterSink(console));
        if (alertsFile != null) {
            sinks.add(new JsonLinesSink(alertsFile));
        }
        if (webhook != null) {
            String secret = System.getenv(ENV_WEBHOOK_SECRET);
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("--webhook needs the signing secret in $" + ENV_WEBHOOK_SECRET);
            }
            sinks.add(new WebhookSink(webhook, secret.getBytes(StandardCharsets.UTF_8), 4, Duration.ofSeconds(1),
                    Clock.systemUTC()));
        }
        try (AppContext app = new AppContext(store).preloadRules()) {
            Stores stores = all ? app.stores() : app.storesFor(portfolio);
            List<String> portfolios = all ? stores.portfolios().portfolioIds() : List.of(portfolio);
            WatchLoop.Options options = new WatchLoop.Options(portfolios, execute, fetch,
                    fetch ? DataFetchCommand.sourceUrl(sourceUrl) : null, every, afterClose, checks, healthFile);
            AlertService alerts = new AlertService(stores.alerts(), new AlertRules(app.rules(), Clock.systemUTC()), sinks);
            WatchLoop loop = new WatchLoop(stores, app.liveCycles(), new ExecutionService(stores), alerts,
                    NyseCalendar.nyse(), Clock.systemUTC(), options, console);
            Thread hook = new Thread(() -> {
                loop.stop();
                try {
                    // the JVM exits when the hook returns: wait for the cycle under way and the store to close
                    if (!loop.awaitStopped(Duration.ofMinutes(2))) {
                        org.slf4j.LoggerFactory.getLogger(WatchCommand.class).warn("watch did not stop within 2 minutes");
                    }
                    closed.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "watch-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                loop.run();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running and waits for the store to close
                }
            }
            return ExitCodes.OK;
        } finally {
            closed.countDown();
        }
    }

    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

    /** A file option that names a directory would fail at every check of a loop meant to run for months. */
    private static void notADirectory(String option, Path file) {
        if (file != null && java.nio.file.Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + " is a directory; give the file to write");
        }
    }
}
