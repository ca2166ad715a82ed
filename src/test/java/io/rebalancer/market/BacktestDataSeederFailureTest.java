package io.rebalancer.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.open.StoreOpener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestDataSeederFailureTest {

    private static Path copyOfBacktestData(Path target) throws IOException {
        Path source = Path.of("backtest-data");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    @Test
    void seedIfEmpty_badRowInOneFile_reportsFileLineAndWritesNothing(@TempDir Path dir) throws IOException {
        Path data = copyOfBacktestData(dir);
        Path xom = data.resolve("prices/XOM.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(xom));
        lines.set(999, lines.get(999).replaceFirst(",[^,]*,([^,]*,[^,]*)$", ",n/a,$1"));
        Files.write(xom, lines);
        try (Stores stores = StoreOpener.open(StoreConfig.inMemory())) {
            DataFileException e = assertThrows(DataFileException.class, () -> BacktestDataSeeder.seedIfEmpty(stores, data));
            assertTrue(e.getMessage().startsWith(xom + ":1000: field 'close' value 'n/a' is not a number"), e.getMessage());
            assertEquals(java.util.Optional.empty(), stores.prices().latestDate());
            assertEquals(List.of(), stores.portfolios().portfolioIds());
            assertEquals(List.of(), stores.prices().marketDays(LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1)));
        }
    }

    @Test
    void seedIfEmpty_portfolioNamesTickerWithoutPrices_leavesItOutAndReportsTicker(@TempDir Path dir) throws IOException {
        Path data = copyOfBacktestData(dir);
        Files.delete(data.resolve("prices/COP.csv"));
        Path port = data.resolve("portfolios/PORT_A_TechGrowth.json");
        try (Stores stores = StoreOpener.open(StoreConfig.inMemory())) {
            BacktestDataSeeder.Result r = BacktestDataSeeder.seedIfEmpty(stores, data);
            assertEquals(List.of(port + ": ticker COP has no price file prices/COP.csv"),
                    r.rejected().stream().map(Throwable::getMessage).toList());
            assertEquals(List.of(), r.portfolioIds());
            assertEquals(List.of(), stores.portfolios().portfolioIds());
            assertEquals(12, r.tickers(), "the other price files are stored");
        }
    }

    @Test
    void seedIfEmpty_oneBadPortfolioFile_loadsTheOthersAndReportsFileAndField(@TempDir Path dir) throws IOException {
        Path data = copyOfBacktestData(dir);
        writeSixtyForty(data, "TWO", "2016-01-04");
        Path bad = data.resolve("portfolios/CASHY.json");
        Files.writeString(bad, """
                { "id": "CASHY", "basis": 50000, "inception": "2016-01-04", "benchmark": "SPY",
                  "targets": [ {"ticker":"NVDA","sector":"Technology","weight_pct":45},
                               {"ticker":"COP","sector":"Energy","weight_pct":45} ] }
                """);
        try (Stores stores = StoreOpener.open(StoreConfig.inMemory())) {
            BacktestDataSeeder.Result r = BacktestDataSeeder.seedIfEmpty(stores, data);
            assertEquals(List.of(bad + ": targets sum to 90.0 %, not 100 %"),
                    r.rejected().stream().map(Throwable::getMessage).toList());
            assertEquals(List.of("PORT_A_TechGrowth", "TWO"), r.portfolioIds());
            assertEquals(List.of("PORT_A_TechGrowth", "TWO"), stores.portfolios().portfolioIds().stream().sorted().toList());
        }
    }

    /** portfolios/ID.json: 60 % SPY, 40 % XLE from the inception. */
    private static void writeSixtyForty(Path data, String id, String inception) throws IOException {
        Files.writeString(data.resolve("portfolios/" + id + ".json"), "{ \"id\": \"" + id + "\", \"basis\": 100000,"
                + " \"inception\": \"" + inception + "\", \"benchmark\": \"SPY\", \"targets\": ["
                + " {\"ticker\":\"SPY\",\"sector\":\"Benchmarks\",\"weight_pct\":60},"
                + " {\"ticker\":\"XLE\",\"sector\":\"Energy\",\"weight_pct\":40} ] }");
    }

    @Test
    void seedIfEmpty_inceptionOnAHoliday_loadsThePortfolioForBacktests(@TempDir Path dir) throws IOException {
        // 2016-01-01 is New Year's Day: no price file has it
        Path data = copyOfBacktestData(dir);
        writeSixtyForty(data, "HOL", "2016-01-01");
        try (Stores stores = StoreOpener.open(StoreConfig.inMemory())) {
            BacktestDataSeeder.Result r = BacktestDataSeeder.seedIfEmpty(stores, data);
            assertEquals(List.of(), r.rejected());
            assertEquals(LocalDate.of(2016, 1, 1), stores.portfolios().definition("HOL").orElseThrow().inception());
        }
    }
}
