package io.rebalancer.market;

import io.rebalancer.domain.Ticker;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.mongo.MongoStores;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A seed cut short by a killed process (found by KillDuringWritesTest: the next run saw AAPL's prices, took the
 * store for seeded and failed on "no prices stored for MSFT") is run again on the next open.
 */
class InterruptedSeedTest {
    private static final Path DATA = Path.of("backtest-data");

    @Test
    void seedIfEmpty_seedStartedButNotFinished_seedsAgain() {
        try (MongoStores stores = MongoStores.open(StoreConfig.inMemory())) {
            // what a process killed after its first price file leaves behind
            stores.markSeed(false);
            stores.prices().saveBars(CsvPriceReader.read(DATA.resolve("prices").resolve("AAPL.csv")));
            assertFalse(stores.seeded());

            assertTrue(BacktestDataSeeder.seedIfEmpty(stores, DATA).seeded());

            assertTrue(stores.seeded());
            assertTrue(stores.prices().bar(Ticker.of("MSFT"), LocalDate.of(2024, 12, 12)).isPresent());
            assertFalse(BacktestDataSeeder.seedIfEmpty(stores, DATA).seeded(), "a finished seed is not run again");
        }
    }

    @Test
    void seeded_storeWithPricesButNoSeedRecord_countsAsSeeded() {
        // stores seeded before the seed record existed hold prices and no record: they must not be seeded over
        try (MongoStores stores = MongoStores.open(StoreConfig.inMemory())) {
            stores.prices().saveBars(CsvPriceReader.read(DATA.resolve("prices").resolve("AAPL.csv")));
            assertTrue(stores.seeded());
            assertFalse(BacktestDataSeeder.seedIfEmpty(stores, DATA).seeded());
        }
    }
}
