package io.rebalancer.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rebalancer.agents.Cycle;
import io.rebalancer.domain.Account;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.TargetWeight;
import io.rebalancer.domain.Ticker;
import io.rebalancer.market.BacktestDataSeeder;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.service.LiveCycleService;
import io.rebalancer.service.RecordJson;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.open.StoreOpener;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BatchRunnerTest {
    private static final LocalDate DAY = LocalDate.of(2024, 12, 12);
    private static Cycle cycle;
    private static Stores stores;

    @BeforeAll
    static void open() {
        cycle = new Cycle(DroolsRuleEngine.load(Path.of("rules")));
        stores = StoreOpener.open(StoreConfig.inMemory());
        BacktestDataSeeder.seedIfEmpty(stores, Path.of("backtest-data"));
        PortfolioDefinition ref = stores.portfolios().definition("PORT_A_TechGrowth").orElseThrow();
        List<Account> book = new ArrayList<>();
        book.add(new Account(copy(ref, "HALF", new BigDecimal("500000")), null, false));
        book.add(new Account(copy(ref, "HOLD", new BigDecimal("750000")), null, true));
        // as if ZZZZ's prices had been deleted after the import checked them: its cycle cannot load a history
        List<TargetWeight> targets = new ArrayList<>(ref.targets().subList(0, ref.targets().size() - 1));
        targets.add(new TargetWeight(Ticker.of("ZZZZ"), "Benchmarks", ref.targets().get(ref.targets().size() - 1).weight()));
        book.add(new Account(new PortfolioDefinition("GONE", ref.basis(), ref.inception(), ref.benchmark(), targets,
                ref.thresholds(), ref.bounds(), ref.costs()), null, false));
        stores.portfolios().saveAccounts(book);
    }

    private static PortfolioDefinition copy(PortfolioDefinition d, String id, BigDecimal basis) {
        return new PortfolioDefinition(id, basis, d.inception(), d.benchmark(), d.targets(), d.thresholds(), d.bounds(),
                d.costs());
    }

    @AfterAll
    static void close() {
        stores.close();
    }

    @Test
    void run_onePortfolioWithoutPrices_isReportedAndTheOthersDecideAsTheyWouldAlone() {
        BatchReport r = new BatchRunner(stores, cycle, 2).run(null, DAY);

        Map<String, BatchReport.PortfolioOutcome> byId = r.outcomes().stream()
                .collect(Collectors.toMap(BatchReport.PortfolioOutcome::portfolioId, o -> o));
        assertEquals(List.of("GONE", "HALF", "HOLD", "PORT_A_TechGrowth"), List.copyOf(new java.util.TreeSet<>(byId.keySet())));
        assertEquals(1, r.failed());
        BatchReport.PortfolioOutcome gone = byId.get("GONE");
        assertEquals("FAILED", gone.status());
        assertTrue(gone.error().contains("ZZZZ"), gone.error());
        assertNull(gone.cycleId());

        // each decision equals the one a single cycle on a fresh store makes (the batch changes no figure)
        try (Stores alone = StoreOpener.open(StoreConfig.inMemory())) {
            BacktestDataSeeder.seedIfEmpty(alone, Path.of("backtest-data"));
            alone.portfolios().saveAccounts(stores.portfolios().accounts().stream()
                    .filter(a -> !a.id().equals("GONE")).toList());
            LiveCycleService single = new LiveCycleService(alone, cycle);
            for (String id : List.of("HALF", "HOLD", "PORT_A_TechGrowth")) {
                var expected = single.run(id, DAY).record();
                assertEquals(expected.cycleId(), byId.get(id).cycleId(), id);
                String stored = stores.decisions().find(expected.cycleId()).orElseThrow();
                assertEquals(RecordJson.write(expected), RecordJson.write(RecordJson.read(stored,
                        io.rebalancer.agents.CycleRecord.class)), id);
                assertEquals(expected.decision().action(), byId.get(id).decided(), id);
            }
        }
        // HOLD may not trade: a rebalance it decides is reported as DO_NOT_TRADE
        BatchReport.PortfolioOutcome hold = byId.get("HOLD");
        assertEquals("REBALANCE".equals(hold.decided()) ? "DO_NOT_TRADE" : hold.decided(), hold.action());
        assertEquals(r.rebalanced() + r.deferred() + r.noAction() + r.doNotTrade() + r.failed(), r.portfolios());
        // the leases were given back
        assertTrue(stores.locks().tryAcquire("portfolio:HALF", "test", java.time.Instant.now(),
                java.time.Instant.now().plusSeconds(1)).isEmpty());
        stores.locks().release("portfolio:HALF", "test");

        // the same day again writes nothing new
        BatchReport again = new BatchRunner(stores, cycle, 2).run(null, DAY);
        assertEquals(3, again.alreadyRecorded());
    }

    @Test
    void run_leaseHeldByAnotherProcess_thatPortfolioFailsAsBusy() {
        java.time.Instant now = java.time.Instant.now();
        assertTrue(stores.locks().tryAcquire("portfolio:HALF", "other-host:1", now, now.plusSeconds(600)).isEmpty());
        try {
            BatchReport r = new BatchRunner(stores, cycle, 2).run(null, LocalDate.of(2024, 12, 13));
            BatchReport.PortfolioOutcome half = r.outcomes().stream().filter(o -> o.portfolioId().equals("HALF"))
                    .findFirst().orElseThrow();
            assertEquals("FAILED", half.status());
            assertTrue(half.error().contains("in use by another process (other-host:1"), half.error());
            assertFalse(r.outcomes().stream().filter(o -> o.portfolioId().equals("PORT_A_TechGrowth"))
                    .findFirst().orElseThrow().failed());
        } finally {
            stores.locks().release("portfolio:HALF", "other-host:1");
        }
    }

    @Test
    void run_twoShards_eachRunsItsPartAndTogetherTheWholeBookOnce() {
        LocalDate day = LocalDate.of(2024, 12, 17);
        // CRC-32 of the UTF-8 ids, by Python's zlib.crc32: PORT_A_TechGrowth 3189161864 (even), HALF 3452939413,
        // HOLD 694149299, GONE 873308913 (odd)
        BatchReport zero = new BatchRunner(stores, cycle, 2).run(null, day, Shard.parse("0/2"));
        BatchReport one = new BatchRunner(stores, cycle, 2).run(null, day, Shard.parse("1/2"));
        assertEquals(List.of("PORT_A_TechGrowth"), ids(zero));
        assertEquals(List.of("GONE", "HALF", "HOLD"), ids(one));
        assertEquals("0/2", zero.shard());

        BatchReport merged = BatchReport.merge(List.of(zero, one), 1234);
        assertEquals(List.of("GONE", "HALF", "HOLD", "PORT_A_TechGrowth"), ids(merged));
        assertEquals("2 shards", merged.shard());
        assertEquals(zero.triggered() + one.triggered(), merged.triggered());
        assertEquals(1, merged.failed());
        assertEquals(4, merged.workers());
        assertEquals(1234, merged.elapsedMs());
        // the whole book on the same day finds every decision the shards recorded
        BatchReport whole = new BatchRunner(stores, cycle, 2).run(null, day);
        assertEquals(3, whole.alreadyRecorded());
        assertNull(whole.shard());
    }

    @Test
    void run_bulkWriteFailsOnTheWriterThread_batchFailsWithItsErrorAndGivesTheLeasesBack() {
        LocalDate day = LocalDate.of(2024, 12, 18);
        Stores failing = withFailingDecisionWrites(stores, "disk full");
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new BatchRunner(failing, cycle, 2).run(null, day));
        assertEquals("disk full", e.getMessage());
        assertTrue(stores.locks().tryAcquire("portfolio:HALF", "test", java.time.Instant.now(),
                java.time.Instant.now().plusSeconds(1)).isEmpty(), "the leases were given back");
        stores.locks().release("portfolio:HALF", "test");
        // nothing of that day was recorded as decided: a run on a working store decides all three again
        BatchReport again = new BatchRunner(stores, cycle, 2).run(null, day);
        assertEquals(0, again.alreadyRecorded());
        assertEquals(1, again.failed());
    }

    /** The store, except that writing decisions in bulk throws (as a full disk or a lost server would). */
    private static Stores withFailingDecisionWrites(Stores real, String message) {
        io.rebalancer.store.DecisionLog log = (io.rebalancer.store.DecisionLog) java.lang.reflect.Proxy.newProxyInstance(
                BatchRunnerTest.class.getClassLoader(), new Class<?>[] {io.rebalancer.store.DecisionLog.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("saveAll")) {
                        throw new IllegalStateException(message);
                    }
                    return invoke(m, real.decisions(), args);
                });
        return (Stores) java.lang.reflect.Proxy.newProxyInstance(BatchRunnerTest.class.getClassLoader(),
                new Class<?>[] {Stores.class}, (proxy, m, args) -> m.getName().equals("decisions") ? log
                        : invoke(m, real, args));
    }

    private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static List<String> ids(BatchReport r) {
        return r.outcomes().stream().map(BatchReport.PortfolioOutcome::portfolioId).sorted().toList();
    }
}
