package io.rebalancer.watch;

import io.rebalancer.agents.Cycle;
import io.rebalancer.alerts.AlertRules;
import io.rebalancer.alerts.AlertService;
import io.rebalancer.calendar.NyseCalendar;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.market.BacktestDataSeeder;
import io.rebalancer.rules.RuleEngine;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.service.ExecutionService;
import io.rebalancer.service.LiveCycleService;
import io.rebalancer.store.LockStore;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.open.StoreOpener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/** The watch loop on the shipped data: many portfolios in one process, the close schedule, stopping. */
class WatchLoopTest {
    private static RuleEngine rules;

    @BeforeAll
    static void load() {
        rules = DroolsRuleEngine.load(Path.of("rules"));
    }

    @AfterAll
    static void none() {
        // the rule engine holds no resources
    }

    private static Stores twoPortfolios() {
        Stores stores = StoreOpener.open(StoreConfig.inMemory());
        BacktestDataSeeder.seedIfEmpty(stores, Path.of("backtest-data"));
        PortfolioDefinition a = stores.portfolios().definition("PORT_A_TechGrowth").orElseThrow();
        stores.portfolios().saveDefinition(new PortfolioDefinition("PORT_B_Copy", a.basis(), a.inception(),
                a.benchmark(), a.targets(), a.thresholds(), a.bounds(), a.costs()));
        return stores;
    }

    private static WatchLoop loop(Stores stores, Clock clock, Duration every, Integer checks, List<String> out) {
        LiveCycleService cycles = new LiveCycleService(stores, new Cycle(rules));
        WatchLoop.Options o = new WatchLoop.Options(stores.portfolios().portfolioIds(), false, false, null, every,
                Duration.ofMinutes(30), checks, null);
        return new WatchLoop(stores, cycles, new ExecutionService(stores),
                new AlertService(stores.alerts(), new AlertRules(rules, clock), List.of()), NyseCalendar.nyse(), clock,
                o, out::add);
    }

    @Test
    void run_allPortfolios_cyclesEachOnceOnTheLatestDayAndReleasesTheLeases() {
        try (Stores stores = twoPortfolios()) {
            List<String> out = new CopyOnWriteArrayList<>();
            loop(stores, Clock.systemUTC(), Duration.ofMillis(1), 2, out).run();

            assertTrue(out.get(0).startsWith("2025-12-31 PORT_A_TechGrowth "), out.toString());
            assertTrue(out.get(1).startsWith("2025-12-31 PORT_B_Copy "), out.toString());
            assertEquals(List.of("no new trading day since 2025-12-31 for PORT_A_TechGrowth",
                    "no new trading day since 2025-12-31 for PORT_B_Copy"), out.subList(2, 4));
            Instant now = Instant.now();
            for (String p : List.of("PORT_A_TechGrowth", "PORT_B_Copy")) {
                Optional<LockStore.Lease> held = stores.locks().tryAcquire("portfolio:" + p, "test", now,
                        now.plusSeconds(60));
                assertTrue(held.isEmpty(), "the lease of " + p + " was released");
                assertEquals(1, stores.decisions().recent(p, null, 10).size());
            }
            assertFalse(stores.alerts().recent("PORT_B_Copy", 10).isEmpty(), "alerts per portfolio");
        }
    }

    @Test
    void stop_whileSleeping_endsTheLoopWithoutWaitingForTheNextCheck() throws Exception {
        try (Stores stores = twoPortfolios()) {
            List<String> out = new CopyOnWriteArrayList<>();
            WatchLoop loop = loop(stores, Clock.systemUTC(), Duration.ofHours(1), null, out);
            Thread t = new Thread(loop::run);
            t.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (out.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(2, out.size(), "both portfolios cycled: " + out);
            loop.stop();
            assertTrue(loop.awaitStopped(Duration.ofSeconds(10)), "stopped long before the hour's sleep is over");
            t.join(10_000);
            assertFalse(t.isAlive());
        }
    }

    @Test
    void nextCheck_afterTheWednesdayCloseBeforeThanksgiving_isTheEarlyFridayCloseUnlessEveryIsSooner() {
        try (Stores stores = twoPortfolios()) {
            // Wednesday 27 Nov 2024 17:00 New York = 22:00 UTC; Thursday is Thanksgiving, Friday closes at 13:00
            Instant now = Instant.parse("2024-11-27T22:00:00Z");
            Clock clock = Clock.fixed(now, ZoneOffset.UTC);
            WatchLoop daily = loop(stores, clock, Duration.ofDays(7), 1, new CopyOnWriteArrayList<>());
            assertEquals(Instant.parse("2024-11-29T18:30:00Z"), daily.nextCheck(now), "13:00 + 30 min, EST = UTC-5");
            WatchLoop often = loop(stores, clock, Duration.ofMinutes(15), 1, new CopyOnWriteArrayList<>());
            assertEquals(now.plus(Duration.ofMinutes(15)), often.nextCheck(now));
        }
    }
}
