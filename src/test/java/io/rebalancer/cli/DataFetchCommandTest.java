package io.rebalancer.cli;

import com.sun.net.httpserver.HttpServer;
import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.MarketDay;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.mongo.MongoStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code data fetch} against a local stub of Yahoo's chart API (the real one is not reachable from tests). */
class DataFetchCommandTest {
    @TempDir
    Path home;
    private HttpServer server;
    private String url;
    private final Map<String, String> answerAs = new java.util.concurrent.ConcurrentHashMap<>();

    /** 09:30 New York on the day, as Yahoo stamps daily bars. */
    private static long open(String day) {
        return ZonedDateTime.of(LocalDate.parse(day).atTime(9, 30), ZoneId.of("America/New_York")).toEpochSecond();
    }

    private static String chart(String symbol, String times, String open, String high, String low, String close,
            String adj, String volume) {
        return "{\"chart\":{\"result\":[{\"meta\":{\"symbol\":\"" + symbol + "\",\"exchangeTimezoneName\":"
                + "\"America/New_York\"},\"timestamp\":[" + times + "],\"indicators\":{\"quote\":[{\"open\":[" + open
                + "],\"high\":[" + high + "],\"low\":[" + low + "],\"close\":[" + close + "],\"volume\":[" + volume
                + "]}],\"adjclose\":[{\"adjclose\":[" + adj + "]}]}}],\"error\":null}}";
    }

    private static final String NOT_FOUND = "{\"chart\":{\"result\":null,\"error\":{\"code\":\"Not Found\","
            + "\"description\":\"No data found, symbol may be delisted\"}}}";

    @BeforeEach
    void start() throws IOException {
        String days = open("2026-01-01") + "," + open("2026-01-02") + "," + open("2026-01-05");
        // Yahoo's adjusted closes on a newer basis than backtest-data's: 0.99 x close, on 2025-12-31 too
        String aaplDays = open("2025-12-31") + "," + days;
        Map<String, String> bodies = Map.of(
                "AAPL", chart("AAPL", aaplDays, "273.06,null,272.05,270.64", "273.68,null,274.30,276.10",
                        "271.75,null,270.97,269.80", "271.86,null,271.01,275.25",
                        "269.1414,null,268.2999,272.4975", "27293600,null,37838100,41129000"),
                "^VIX", chart("^VIX", days, "null,15.1,14.6", "null,15.4,15.9", "null,14.2,14.3", "null,14.51,15.33",
                        "null,14.51,15.33", "null,0,0"),
                "SPLT", chart("SPLT", days, "null,10,11", "null,10,11", "null,10,11", "null,10,11", "null,10,11",
                        "null,5,5").replace("\"timestamp\"", "\"events\":{\"splits\":{\"1\":{\"date\":"
                        + open("2026-01-05") + ",\"numerator\":4,\"denominator\":1,\"splitRatio\":\"4:1\"}}},"
                        + "\"timestamp\""),
                // a close of 1e400 is Infinity as a double
                "BADN", chart("BADN", days, "null,10,11", "null,10,12", "null,10,10", "null,10,1e400", "null,10,11",
                        "null,5,5"),
                // AAPL's closes in thousandths of a dollar (a unit error): 1,000 times the stored 271.86 of 2025-12-31
                "MILLI", chart("AAPL", days, "null,272050,270640", "null,274300,276100", "null,270970,269800",
                        "null,271010,275250", "null,271010,275250", "null,5,5"),
                // SPY's chart where AAPL's was asked for
                "WRONG", chart("SPY", days, "null,10,11", "null,10,11", "null,10,11", "null,10,11", "null,10,11",
                        "null,5,5"),
                // a bar dated Saturday 2026-01-03
                "WKND", chart("WKND", open("2026-01-02") + "," + open("2026-01-03"), "10,10", "10,10", "10,10",
                        "10,10", "10,10", "5,5"),
                // no ^IRX close on 2026-01-05: the rate of 2026-01-02 carries forward
                "^IRX", chart("^IRX", open("2026-01-02") + "," + open("2026-01-05"), "3.58,null", "3.59,null",
                        "3.57,null", "3.58,null", "3.58,null", "0,null"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v8/finance/chart/", exchange -> {
            String symbol = java.net.URLDecoder.decode(exchange.getRequestURI().getPath()
                    .substring("/v8/finance/chart/".length()), StandardCharsets.UTF_8);
            // a test may answer a symbol with another body (AAPL is the ticker with stored prices to compare with)
            String key = answerAs.getOrDefault(symbol, symbol);
            String body = bodies.getOrDefault(key, NOT_FOUND);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(bodies.containsKey(key) ? 200 : 404, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void fetch_newDays_storesBarsAndMarketDays() {
        CliHarness r = CliHarness.run("data", "fetch", "--data-dir", home.toString(), "--ticker", "AAPL",
                "--to", "2026-01-05", "--source-url", url);
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertEquals("Fetched 2 daily bars of 1 ticker and 2 market days (VIX, T-bill) for 2026-01-01 .. 2026-01-05"
                + " from " + url + "; the latest stored day is now 2026-01-05.", r.out().strip());
        try (Stores stores = MongoStores.open(StoreConfig.embeddedFile(home))) {
            PriceHistory h = stores.prices().history(List.of(io.rebalancer.domain.Ticker.of("AAPL")),
                    LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 5));
            assertEquals(List.of(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 5)), h.dates());
            assertEquals(275.25, h.close("AAPL", 1));
            // put on the stored basis: backtest-data's 2025-12-31 ratio 271.355835 / 271.86 carries on, so the seam
            // shows no dividend that was never paid
            assertEquals(271.01 * 271.355835 / 271.86, h.adjClose("AAPL", 0), 1e-9);
            assertEquals(275.25 * 271.355835 / 271.86, h.adjClose("AAPL", 1), 1e-9);
            assertEquals(41129000, h.volume("AAPL", 1));
            assertEquals(List.of(new MarketDay(LocalDate.of(2026, 1, 2), 14.51, 3.58 / 100 / 252),
                    new MarketDay(LocalDate.of(2026, 1, 5), 15.33, 3.58 / 100 / 252)),
                    stores.prices().marketDays(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
        }
        CliHarness again = CliHarness.run("data", "fetch", "--data-dir", home.toString(), "--ticker", "AAPL",
                "--source-url", url, "--to", "2026-01-05");
        assertEquals("Already up to date: the latest stored day is 2026-01-05.", again.out().strip());
    }

    @Test
    void fetch_unknownSymbol_sourceExitAndNothingWritten() {
        CliHarness r = CliHarness.run("data", "fetch", "--data-dir", home.toString(), "--ticker", "AAPL",
                "--ticker", "ZZZZ", "--to", "2026-01-05", "--source-url", url);
        assertEquals(ExitCodes.SOURCE, r.exitCode(), r.err());
        assertEquals("error: Yahoo has no daily prices for ZZZZ (Not Found: No data found, symbol may be delisted);"
                + " nothing was written, and 'run' uses the latest stored day, 2025-12-31", r.err().strip());
        try (Stores stores = MongoStores.open(StoreConfig.embeddedFile(home))) {
            assertEquals(Optional.of(LocalDate.of(2025, 12, 31)), stores.prices().latestDate());
        }
    }

    @Test
    void fetch_implausiblePrice_sourceExitNamingItAndNothingWritten() {
        CliHarness r = CliHarness.run("data", "fetch", "--data-dir", home.toString(), "--ticker", "AAPL",
                "--ticker", "BADN", "--to", "2026-01-05", "--source-url", url);
        assertEquals(ExitCodes.SOURCE, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("error: Yahoo's BADN bar of 2026-01-05 has close Infinity"), r.err());
        try (Stores stores = MongoStores.open(StoreConfig.embeddedFile(home))) {
            assertEquals(Optional.of(LocalDate.of(2025, 12, 31)), stores.prices().latestDate());
        }
    }

    @Test
    void fetch_closesAThousandTimesTheStoredClose_refusedAsImplausibleAndNothingWritten() {
        answerAs.put("AAPL", "MILLI");
        CliHarness r = CliHarness.run("data", "fetch", "--data-dir", home.toString(), "--ticker", "AAPL",
                "--to", "2026-01-05", "--source-url", url);
        assertEquals(ExitCodes.SOURCE, r.exitCode(), r.err());
        // backtest-data's AAPL close of 2025-12-31 is 271.86; 271,010 / 271.86 = 996.9
        assertTrue(r.err().startsWith("error: Yahoo's AAPL close 271010 on 2026-01-02 is 996.9 times the close 271.86"
                + " on 2025-12-31, more than a factor of 3 in one trading day"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        try (Stores stores = MongoStores.open(StoreConfig.embeddedFile(home))) {
            assertEquals(Optional.of(LocalDate.of(2025, 12, 31)), stores.prices().latestDate());
        }
    }

    @Test
    void fetch_answerForAnotherSymbol_refusedAndNothingWritten() {
        answerAs.put("AAPL", "WRONG");
        CliHarness r = CliHarness.run("data", "fetch", "--data-dir", home.toString(), "--ticker", "AAPL",
                "--to", "2026-01-05", "--source-url", url);
        assertEquals(ExitCodes.SOURCE, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("error: asked for AAPL, the source answered with the prices of SPY; refused"),
                r.err());
        try (Stores stores = MongoStores.open(StoreConfig.embeddedFile(home))) {
            assertEquals(Optional.of(LocalDate.of(2025, 12, 31)), stores.prices().latestDate());
        }
    }

    @Test
    void fetch_barDatedSaturday_refusedAndNothingWritten() {
        CliHarness r = CliHarness.run("data", "fetch", "--data-dir", home.toString(), "--ticker", "AAPL",
                "--ticker", "WKND", "--to", "2026-01-05", "--source-url", url);
        assertEquals(ExitCodes.SOURCE, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("error: Yahoo's WKND bar of 2026-01-03 falls on a Saturday, not a trading day;"
                + " refused"), r.err());
        try (Stores stores = MongoStores.open(StoreConfig.embeddedFile(home))) {
            assertEquals(Optional.of(LocalDate.of(2025, 12, 31)), stores.prices().latestDate());
        }
    }

    @Test
    void fetch_splitAfterTheStoredDays_refusedAndNothingWritten() {
        CliHarness r = CliHarness.run("data", "fetch", "--data-dir", home.toString(), "--ticker", "AAPL",
                "--ticker", "SPLT", "--to", "2026-01-05", "--source-url", url);
        assertEquals(ExitCodes.SOURCE, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("error: SPLT split 4:1 on 2026-01-05; splits are not applied"), r.err());
        try (Stores stores = MongoStores.open(StoreConfig.embeddedFile(home))) {
            assertEquals(Optional.of(LocalDate.of(2025, 12, 31)), stores.prices().latestDate());
        }
    }

    @Test
    void fetch_sourceUnreachable_oneLineSourceExit() {
        CliHarness r = CliHarness.run("data", "fetch", "--data-dir", home.toString(), "--ticker", "AAPL",
                "--to", "2026-01-05", "--source-url", "http://127.0.0.1:1");
        assertEquals(ExitCodes.SOURCE, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: cannot reach http://127.0.0.1:1 for AAPL: "), r.err());
    }

    @Test
    void fetch_fromAfterTo_badInput() {
        CliHarness r = CliHarness.run("data", "fetch", "--data-dir", home.toString(), "--from", "2026-01-10",
                "--to", "2026-01-05", "--source-url", url);
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertEquals("error: --from 2026-01-10 is after --to 2026-01-05", r.err().strip());
    }

    @Test
    void lastClosedDay_beforeAndAfterTheNewYorkClose() {
        ZoneId ny = ZoneId.of("America/New_York");
        assertEquals(LocalDate.of(2026, 1, 4),
                DataFetchCommand.lastClosedDay(ZonedDateTime.of(2026, 1, 5, 15, 59, 0, 0, ny)));
        assertEquals(LocalDate.of(2026, 1, 5),
                DataFetchCommand.lastClosedDay(ZonedDateTime.of(2026, 1, 5, 16, 30, 0, 0, ny)));
    }
}
