package io.rebalancer.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.Holdings;
import io.rebalancer.domain.InitialHoldings;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.PriceBar;
import io.rebalancer.domain.Ticker;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.mongo.MongoStores;
import io.rebalancer.store.open.StoreOpener;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestDataSeederTest {
    static final Path DATA = Path.of("backtest-data");
    static final LocalDate FIRST = LocalDate.of(2012, 5, 18);
    static final LocalDate LAST = LocalDate.of(2025, 12, 31);
    static final List<Ticker> TICKERS = List.of("AAPL", "MSFT", "GOOGL", "NVDA", "META", "XLK", "XOM", "CVX", "COP",
            "XLE", "SPY", "QQQ", "IWM").stream().map(Ticker::of).toList();

    /** One in-memory store seeded once for the read-only tests. */
    private static Stores stores;
    private static BacktestDataSeeder.Result firstSeed;

    @BeforeAll
    static void seedOnce() {
        stores = StoreOpener.open(StoreConfig.inMemory());
        firstSeed = BacktestDataSeeder.seedIfEmpty(stores, DATA);
    }

    @AfterAll
    static void closeStore() {
        stores.close();
    }

    @Test
    void seedIfEmpty_emptyStore_loadsAllDaysTickersAndPortfolios() {
        assertEquals(new BacktestDataSeeder.Result(true, 13, 13 * 3425, 3425, List.of("PORT_A_TechGrowth"), List.of()), firstSeed);
        assertEquals(3425, stores.prices().tradingDays(FIRST, LAST).size());
        assertEquals(3425, stores.prices().marketDays(FIRST, LAST).size());
        assertEquals(LAST, stores.prices().latestDate().orElseThrow());
        assertEquals(13, stores.prices().bars(TICKERS, FIRST).size());
        assertEquals(13, stores.prices().bars(TICKERS, LAST).size());
        assertEquals(2516, stores.prices().tradingDays(LocalDate.of(2015, 1, 1), LocalDate.of(2024, 12, 31)).size());
    }

    @Test
    void seedIfEmpty_emptyStore_storesKnownValues() {
        PriceBar spy = stores.prices().bar(Ticker.of("SPY"), LocalDate.of(2015, 1, 2)).orElseThrow();
        assertEquals(205.43, spy.close(), 0.005);
        assertEquals(170.125015, spy.adjClose(), 1e-9);
        assertEquals(121465900L, spy.volume());
        assertEquals(25.10, stores.prices().marketDays(FIRST, FIRST).get(0).vix(), 1e-9);
        assertEquals(0.0000031746, stores.prices().marketDays(FIRST, FIRST).get(0).rfDaily(), 1e-15);
        PortfolioDefinition stored = stores.portfolios().definition("PORT_A_TechGrowth").orElseThrow();
        assertEquals(PortfolioJson.read(DATA.resolve("portfolios/PORT_A_TechGrowth.json")), stored);
    }

    @Test
    void seedIfEmpty_storeWithPrices_doesNothing() {
        assertFalse(BacktestDataSeeder.seedIfEmpty(stores, DATA).seeded());
    }

    @Test
    void initialHoldings_portAAtInception_wholeSharesAndLessCashThanOneShareOfEach() {
        PortfolioDefinition def = stores.portfolios().definition("PORT_A_TechGrowth").orElseThrow();
        Map<Ticker, Double> closes = new TreeMap<>();
        stores.prices().bars(def.tickers(), def.inception()).forEach((t, b) -> closes.put(t, b.close()));
        Holdings h = InitialHoldings.of(def, closes, def.inception());
        assertEquals(13, h.shares().size());
        assertTrue(h.cash().signum() >= 0);
        double oneShareOfEach = closes.values().stream().mapToDouble(Double::doubleValue).sum();
        assertTrue(h.cash().compareTo(BigDecimal.valueOf(oneShareOfEach)) < 0, h.cash().toPlainString());
    }

    @Test
    void seedIfEmpty_embeddedH2File_persistsAcrossReopenAndLoadsTenYearHistoryQuickly(@TempDir Path dir) {
        StoreConfig config = StoreConfig.embeddedFile(dir);
        try (Stores h2 = MongoStores.open(config)) {
            assertTrue(BacktestDataSeeder.seedIfEmpty(h2, DATA).seeded());
        }
        assertTrue(Files.isRegularFile(dir.resolve("rebalancer.mv")));
        try (Stores h2 = MongoStores.open(config)) {
            assertFalse(BacktestDataSeeder.seedIfEmpty(h2, DATA).seeded());
            LocalDate from = LocalDate.of(2015, 1, 2);
            LocalDate to = LocalDate.of(2024, 12, 31);
            PriceHistory h = h2.prices().history(TICKERS, from, to); // warm up
            long best = Long.MAX_VALUE; // best of three: the machine may be busy with other builds
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                h = h2.prices().history(TICKERS, from, to);
                best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
            }
            assertEquals(2516, h.size());
            assertEquals(205.43, h.close("SPY", 0), 0.005);
            assertTrue(best < 1500, "history took " + best + " ms");
        }
    }
}
