package io.rebalancer.store.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rebalancer.domain.MarketDay;
import io.rebalancer.domain.PriceBar;
import io.rebalancer.domain.Ticker;
import io.rebalancer.store.DecisionLog;
import io.rebalancer.store.LockStore;
import io.rebalancer.store.SnapshotStore;
import io.rebalancer.store.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the store contract does not reach: concurrent use, lease expiry to the millisecond, copies, the seed marker. */
class MemoryStoresTest {
    private static final LocalDate D1 = LocalDate.of(2024, 1, 2);
    private static final int THREADS = 8;

    private static <T> List<T> concurrently(int tasks, java.util.function.IntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                int n = i;
                futures.add(pool.submit((Callable<T>) () -> {
                    start.await();
                    return task.apply(n);
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(30, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void decisionsSaveAll_overlappingBatchesFromManyThreads_eachCycleStoredOnce() throws Exception {
        MemoryStores stores = MemoryStores.open();
        // 32 batches of 100 cycle ids; batch n overlaps batch n - 1 by half, so every id is offered twice or once
        List<Integer> added = concurrently(32, n -> {
            List<DecisionLog.Entry> batch = new ArrayList<>();
            for (int i = n * 50; i < n * 50 + 100; i++) {
                batch.add(new DecisionLog.Entry("cycle-" + i, "P", D1.plusDays(i % 7), null, "{\"i\": " + i + "}"));
            }
            return stores.decisions().saveAll(batch);
        });
        int distinct = 31 * 50 + 100;
        assertEquals(distinct, added.stream().mapToInt(Integer::intValue).sum());
        assertEquals(distinct, stores.decisions().liveRefs().size());
        assertEquals(distinct, stores.decisions().liveBetween("P", D1, D1.plusDays(7)).size());
    }

    @Test
    void snapshotsAndPrices_writerThreadWhileOthersRead_readsSeeWholeBatches() throws Exception {
        MemoryStores stores = MemoryStores.open();
        Ticker a = Ticker.of("AAA");
        Ticker b = Ticker.of("BBB");
        List<Boolean> ok = concurrently(40, n -> {
            if (n % 2 == 0) {
                LocalDate day = D1.plusDays(n);
                stores.prices().saveBars(List.of(bar(a, day), bar(b, day)));
                stores.snapshots().saveAll(List.of(new SnapshotStore.Entry("R", "P", day, "{\"n\": " + n + "}"),
                        new SnapshotStore.Entry("R", "Q", day, "{\"n\": " + n + "}")));
                return true;
            }
            // both tickers of a batch arrive together, so a history over what is stored never lacks a day
            Optional<LocalDate> latest = stores.prices().latestDate();
            boolean pricesWhole = latest.isEmpty()
                    || stores.prices().history(List.of(a, b), D1, latest.get()).dates().size() > 0;
            return pricesWhole && stores.snapshots().byRun("R").size() % 2 == 0;
        });
        assertFalse(ok.contains(false), ok.toString());
        assertEquals(40, stores.snapshots().byRun("R").size());
        assertEquals(20, stores.prices().tradingDays(D1, D1.plusDays(40)).size());
    }

    private static PriceBar bar(Ticker t, LocalDate day) {
        return new PriceBar(t, day, 10, 11, 9, 10, 9.8, 1000);
    }

    @Test
    void tryAcquire_racingOwners_exactlyOneWins() throws Exception {
        MemoryStores stores = MemoryStores.open();
        Instant now = Instant.parse("2026-01-05T10:00:00Z");
        List<Optional<LockStore.Lease>> answers = concurrently(50, n ->
                stores.locks().tryAcquire("portfolio:P", "owner-" + n, now, now.plusSeconds(600)));
        assertEquals(1, answers.stream().filter(Optional::isEmpty).count());
        String winner = answers.stream().filter(Optional::isPresent).findFirst().orElseThrow().get().owner();
        assertTrue(answers.stream().flatMap(Optional::stream).allMatch(l -> l.owner().equals(winner)), answers.toString());
    }

    @Test
    void tryAcquire_expiryInTheSameMillisecond_stillHeldUntilTheNextOne() {
        MemoryStores stores = MemoryStores.open();
        Instant expiry = Instant.parse("2026-01-05T10:10:00.000900Z");
        assertEquals(Optional.empty(), stores.locks().tryAcquire("x", "a", expiry.minusSeconds(600), expiry));
        LockStore.Lease held = new LockStore.Lease("x", "a", Instant.parse("2026-01-05T10:10:00Z"));
        // later within the expiry's millisecond, the lease has not lapsed: expiries count whole milliseconds
        assertEquals(Optional.of(held), stores.locks().tryAcquire("x", "b", expiry.plusNanos(50_000), expiry));
        assertEquals(Optional.empty(), stores.locks().tryAcquire("x", "b", expiry.plusMillis(1), expiry.plusSeconds(1)));
    }

    @Test
    void tryAcquireAll_oneNameHeldByAnother_takesTheRestAndNamesTheHolder() {
        MemoryStores stores = MemoryStores.open();
        Instant now = Instant.parse("2026-01-05T10:00:00Z");
        stores.locks().tryAcquire("b", "other", now, now.plusSeconds(60));
        var held = stores.locks().tryAcquireAll(List.of("a", "b", "c"), "me", now, now.plusSeconds(60));
        assertEquals(List.of("b"), List.copyOf(held.keySet()));
        assertEquals("other", held.get("b").owner());
        stores.locks().releaseAll(List.of("a", "b", "c"), "me");
        assertEquals(Optional.empty(), stores.locks().tryAcquire("a", "x", now, now.plusSeconds(1)));
        assertTrue(stores.locks().tryAcquire("b", "x", now, now.plusSeconds(1)).isPresent(), "b stays with its owner");
    }

    @Test
    void lists_returnedToCallers_changingThemLeavesTheStoreAsItWas() {
        MemoryStores stores = MemoryStores.open();
        stores.decisions().save("c-1", "P", D1, "R", "{\"n\": 1}");
        stores.snapshots().save("R", "P", D1, "{\"n\": 1}");
        stores.prices().saveMarketDays(List.of(new MarketDay(D1, 20, 0.0001)));
        stores.decisions().byRun("R").clear();
        stores.decisions().recent(null, "R", 5).clear();
        stores.snapshots().byRun("R").clear();
        stores.prices().marketDays(D1, D1).clear();
        stores.portfolios().portfolioIds().add("X");
        assertEquals(List.of("{\"n\": 1}"), stores.decisions().byRun("R"));
        assertEquals(List.of("{\"n\": 1}"), stores.snapshots().byRun("R"));
        assertEquals(1, stores.prices().marketDays(D1, D1).size());
        assertEquals(List.of(), stores.portfolios().portfolioIds());
    }

    @Test
    void runs_startedOnAFixedClock_stampsItsInstant() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
        MemoryStores stores = MemoryStores.open(clock);
        stores.runs().start("R", "{\"n\": 1}");
        assertEquals(Optional.of("{\"n\": 1, \"run_id\": \"R\", \"status\": \"running\", \"started_at\": "
                + "\"2026-01-05T10:00:00Z\"}"), stores.runs().find("R"));
        StoreException e = assertThrows(StoreException.class, () -> stores.runs().start("S", "[1]"));
        assertTrue(e.getMessage().contains("must be a JSON object"), e.getMessage());
        assertThrows(StoreException.class, () -> stores.runs().start("S", "{\"n\": }"));
        assertEquals(Optional.empty(), stores.runs().find("S"));
    }

    @Test
    void seeded_markerWrittenOrNot_followsTheMarkerElseThePrices() {
        MemoryStores stores = MemoryStores.open();
        assertFalse(stores.seeded());
        stores.prices().saveBars(List.of(bar(Ticker.of("AAA"), D1)));
        assertTrue(stores.seeded(), "no marker: any price counts as seeded");
        stores.markSeed(false);
        assertFalse(stores.seeded(), "an interrupted seed is not finished");
        stores.markSeed(true);
        assertTrue(stores.seeded());
    }
}
