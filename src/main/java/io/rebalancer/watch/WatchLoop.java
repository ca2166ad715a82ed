package io.rebalancer.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.rebalancer.agents.CycleRecord;
import io.rebalancer.alerts.AlertRules;
import io.rebalancer.alerts.AlertService;
import io.rebalancer.calendar.NyseCalendar;
import io.rebalancer.domain.Alert;
import io.rebalancer.domain.Ticker;
import io.rebalancer.market.PriceSourceException;
import io.rebalancer.market.YahooChartClient;
import io.rebalancer.market.YahooPriceUpdate;
import io.rebalancer.service.AtomicFiles;
import io.rebalancer.service.CycleOutcome;
import io.rebalancer.service.ExecutionOutcome;
import io.rebalancer.service.ExecutionService;
import io.rebalancer.service.LiveCycleService;
import io.rebalancer.service.PortfolioBusyException;
import io.rebalancer.service.RecordJson;
import io.rebalancer.store.Stores;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The operator's loop for any number of portfolios in one process. Each check: the last closed NYSE session is
 * worked out from the clock (a session counts as closed {@code afterClose} after its close, so the day's prices can
 * arrive); prices are optionally fetched up to it; every portfolio with a stored day it has not cycled on gets a
 * cycle, optionally executed; the alert rules hear of each cycle, of prices that lag the closed sessions and of
 * failures. The loop then sleeps until the earlier of {@code every} and the next close plus {@code afterClose}.
 * {@link #stop()} ends it after the portfolio being worked on (never inside a cycle, so leases are released).
 */
public final class WatchLoop {
    /** What to watch and how. {@code checks} null: until stopped; {@code healthFile} null: none. */
    public record Options(List<String> portfolios, boolean execute, boolean fetch, String sourceUrl, Duration every,
                          Duration afterClose, Integer checks, Path healthFile) {
        public Options {
            portfolios = List.copyOf(portfolios);
            if (portfolios.isEmpty()) {
                throw new IllegalArgumentException("no portfolio to watch");
            }
            if (every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException("--every must be positive, was " + every);
            }
            if (afterClose.isNegative()) {
                throw new IllegalArgumentException("--after-close must not be negative, was " + afterClose);
            }
            if (checks != null && checks < 1) {
                throw new IllegalArgumentException("--checks must be at least 1, was " + checks);
            }
        }
    }

    private static final ObjectMapper JSON = RecordJson.mapper().copy()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final Stores stores;
    private final LiveCycleService cycles;
    private final ExecutionService broker;
    private final AlertService alerts;
    private final NyseCalendar calendar;
    private final Clock clock;
    private final Options options;
    private final Consumer<String> out;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Map<String, LocalDate> done = new LinkedHashMap<>();
    private final Map<String, Health.LastCycle> lastCycles = new LinkedHashMap<>();
    private final Map<String, String> lastErrors = new LinkedHashMap<>();
    private final Instant startedAt;
    private int alertsRaised;
    private int checksDone;

    public WatchLoop(Stores stores, LiveCycleService cycles, ExecutionService broker, AlertService alerts,
            NyseCalendar calendar, Clock clock, Options options, Consumer<String> out) {
        this.stores = stores;
        this.cycles = cycles;
        this.broker = broker;
        this.alerts = alerts;
        this.calendar = calendar;
        this.clock = clock;
        this.options = options;
        this.out = out;
        this.startedAt = clock.instant();
        options.portfolios().forEach(p -> LiveCycleService.portfolio(stores, p));
    }

    /** Runs the checks until {@link #stop()} or the number of checks; writes the health file as it goes. */
    public void run() {
        try {
            for (int i = 1; options.checks() == null || i <= options.checks(); i++) {
                if (stopRequested.getCount() == 0) {
                    break;
                }
                Instant now = clock.instant();
                check(now);
                checksDone = i;
                Instant next = nextCheck(now);
                health("running", now, next);
                if (options.checks() != null && i == options.checks()) {
                    break;
                }
                long wait = Math.max(0, Duration.between(clock.instant(), next).toMillis());
                if (stopRequested.await(wait, TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            health("stopped", clock.instant(), null);
            stopped.countDown();
        }
    }

    /** Asks the loop to end after the portfolio it is working on; returns at once. */
    public void stop() {
        if (stopRequested.getCount() > 0) {
            health("stopping", clock.instant(), null);
        }
        stopRequested.countDown();
    }

    /** Waits for {@link #run()} to return; true when it did within the timeout. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The earlier of now + every and the next session close + afterClose. */
    Instant nextCheck(Instant now) {
        ZonedDateTime shifted = now.minus(options.afterClose()).atZone(NyseCalendar.NEW_YORK);
        Instant afterNextClose = calendar.nextClose(shifted).toInstant().plus(options.afterClose());
        Instant byPeriod = now.plus(options.every());
        return afterNextClose.isBefore(byPeriod) ? afterNextClose : byPeriod;
    }

    private void check(Instant now) {
        LocalDate closed = calendar.lastClosedSession(now.minus(options.afterClose()).atZone(NyseCalendar.NEW_YORK));
        String fetchFailure = null;
        if (options.fetch()) {
            fetchFailure = fetch(closed);
        }
        LocalDate latest = stores.prices().latestDate().orElse(null);
        int stale = latest == null ? 0 : calendar.sessionsBetween(latest, closed);
        for (String p : options.portfolios()) {
            if (stopRequested.getCount() == 0) {
                return;
            }
            if (fetchFailure != null) {
                raise(AlertRules.ofEvent(p, closed, latest, stale, AlertRules.BATCH, "price fetch failed: " + fetchFailure));
            }
            if (stale > 0) {
                raise(AlertRules.ofEvent(p, closed, latest, stale, AlertRules.NONE, null));
            }
            if (latest == null || latest.equals(done.get(p))) {
                say("no new trading day" + (latest == null ? "" : " since " + latest) + " for " + p);
                continue;
            }
            if (stopRequested.getCount() == 0) {
                // a stop asked while the alerts above were delivered: no cycle is started
                return;
            }
            cycle(p, closed, latest, stale);
        }
    }

    private void cycle(String p, LocalDate closed, LocalDate latest, int stale) {
        CycleRecord record;
        try {
            CycleOutcome o = cycles.run(p, null);
            record = o.record();
            done.put(p, latest);
            lastCycles.put(p, new Health.LastCycle(record.asOf(), record.cycleId(), record.monitor().verdict().name(),
                    record.decision().action(), clock.instant()));
            lastErrors.remove(p);
            say(summary(record, o.alreadyRecorded()));
        } catch (PortfolioBusyException e) {
            say("skipped: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            lastErrors.put(p, e.getMessage());
            say("cycle of " + p + " failed: " + e.getMessage());
            raise(AlertRules.ofEvent(p, closed, latest, stale, AlertRules.BATCH, "cycle failed: " + e.getMessage()));
            return;
        }
        // staleness was heard of for the closed session above; the cycle's alerts are those of its own day
        raise(AlertRules.ofCycle(record, latest, 0));
        if (options.execute()) {
            try {
                broker.executeDay(record).ifPresent(e -> say(executed(e)));
            } catch (PortfolioBusyException e) {
                say("execution skipped: " + e.getMessage());
            } catch (RuntimeException e) {
                lastErrors.put(p, e.getMessage());
                say("execution of " + record.cycleId() + " failed: " + e.getMessage());
                raise(AlertRules.ofEvent(p, record.asOf(), latest, stale, AlertRules.EXECUTION, e.getMessage()));
            }
        }
    }

    private String fetch(LocalDate last) {
        LocalDate latest = stores.prices().latestDate().orElse(last.minusYears(1));
        if (!latest.isBefore(last)) {
            say("prices up to date (" + latest + ")");
            return null;
        }
        TreeSet<Ticker> tickers = new TreeSet<>();
        for (String p : options.portfolios()) {
            tickers.addAll(LiveCycleService.tickers(LiveCycleService.portfolio(stores, p)));
        }
        try {
            YahooPriceUpdate.Result r = YahooPriceUpdate.run(stores, new YahooChartClient(options.sourceUrl()),
                    new ArrayList<>(tickers), latest.plusDays(1), last);
            say("fetched " + r.bars() + " bars and " + r.marketDays() + " market days up to " + last);
            return null;
        } catch (PriceSourceException e) {
            say("fetch failed, going on with the stored days: " + e.getMessage());
            return e.getMessage();
        }
    }

    private void raise(io.rebalancer.rules.facts.AlertSignals signals) {
        if (alerts == null) {
            return;
        }
        try {
            List<Alert> raised = alerts.raise(signals);
            alertsRaised += raised.size();
        } catch (RuntimeException e) {
            say("alerts for " + signals.portfolioId() + " failed: " + e.getMessage());
        }
    }

    private synchronized void health(String status, Instant now, Instant next) {
        if (options.healthFile() == null) {
            return;
        }
        LocalDate closed = calendar.lastClosedSession(now.minus(options.afterClose()).atZone(NyseCalendar.NEW_YORK));
        Optional<LocalDate> latest;
        try {
            latest = stores.prices().latestDate();
        } catch (RuntimeException e) {
            latest = Optional.empty();
        }
        Health h = new Health(status, ProcessHandle.current().pid(), startedAt, now, next, checksDone, closed,
                latest.orElse(null), options.portfolios(), lastCycles, lastErrors, alertsRaised);
        try {
            AtomicFiles.write(options.healthFile(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(h) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the health file", e);
        } catch (RuntimeException e) {
            say("cannot write the health file " + options.healthFile() + ": " + e.getMessage());
        }
    }

    private void say(String line) {
        out.accept(line);
    }

    private static String summary(CycleRecord r, boolean recorded) {
        CycleRecord.Decision d = r.decision();
        return String.format(Locale.ROOT, "%s %s %-9s %-9s %-9s %-9s %3d trades %8s  cycle %s%s", r.asOf(),
                r.portfolioId(), r.monitor().regime().regime(), r.monitor().verdict(), d.action(),
                d.chosen() == null ? "-" : d.chosen().type(), d.tradeCount(),
                String.format(Locale.ROOT, "%.2f %%", d.turnover() * 100), r.cycleId(),
                recorded ? " (recorded before)" : "");
    }

    private static String executed(ExecutionOutcome e) {
        return (e.alreadyExecuted() ? "already executed: " : "executed: ") + e.execution().fills().size() + " fills"
                + (e.execution().tranches() > 1 ? String.format(Locale.ROOT, " (tranche %d of %d)",
                e.execution().tranche(), e.execution().tranches()) : "")
                + String.format(Locale.ROOT, ", cash %s -> %s", e.before().cash(), e.after().cash());
    }
}
