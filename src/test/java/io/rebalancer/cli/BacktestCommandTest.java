package io.rebalancer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.rebalancer.service.RecordJson;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.mongo.MongoStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The backtest commands end to end through {@link Main#execute}: bad input exits and a short real run. */
class BacktestCommandTest {
    @TempDir
    static Path home;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream oldErr;
    private PrintStream oldOut;

    @BeforeEach
    void capture() {
        oldErr = System.err;
        oldOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(oldErr);
        System.setOut(oldOut);
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8).trim();
    }

    private int backtest(Path dataDir, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "backtest";
        all[1] = "--data-dir";
        all[2] = dataDir.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return Main.execute(all);
    }

    @Test
    void backtest_toBeforeFrom_badInputInOneLine() {
        int code = backtest(home.resolve("a"), "--from", "2020-03-02", "--to", "2020-01-02");
        assertEquals(ExitCodes.BAD_INPUT, code);
        assertEquals("error: --to 2020-01-02 is before --from 2020-03-02", errText());
    }

    @Test
    void backtest_unknownDividendMode_badInputInOneLine() {
        int code = backtest(home.resolve("a"), "--from", "2020-01-02", "--to", "2020-02-03", "--dividends", "stock");
        assertEquals(ExitCodes.BAD_INPUT, code);
        assertEquals("error: --dividends 'stock' must be cash or reinvest", errText());
    }

    @Test
    void backtest_unknownPortfolio_notFound() {
        int code = backtest(home.resolve("a"), "--portfolio", "NOPE", "--from", "2020-01-02", "--to", "2020-02-03");
        assertEquals(ExitCodes.NOT_FOUND, code);
        assertTrue(errText().startsWith("error: unknown portfolio 'NOPE'"), errText());
        assertEquals(1, errText().lines().count());
    }

    @Test
    void backtest_otherPortfolioFileBad_runsWithANoteAndTheBadOneGivesItsOwnError() throws IOException {
        Path data = home.resolve("one-bad-data");
        copy(Path.of("backtest-data"), data);
        Path bad = data.resolve("portfolios").resolve("CASHY.json");
        Files.writeString(bad, """
                { "id": "CASHY", "basis": 50000, "inception": "2016-01-04", "benchmark": "SPY",
                  "targets": [ {"ticker":"NVDA","sector":"Technology","weight_pct":45},
                               {"ticker":"COP","sector":"Energy","weight_pct":45} ] }
                """);
        int code = Main.execute("backtest", "--in-memory", "--backtest-data", data.toString(),
                "--from", "2020-01-02", "--to", "2020-02-28", "--no-report", "--export-dir",
                home.resolve("one-bad-out").toString());
        assertEquals(ExitCodes.OK, code, errText());
        assertTrue(errText().contains("note: " + bad + ": targets sum to 90.0 %, not 100 %; this portfolio is not loaded"),
                errText());
        assertTrue(Files.isRegularFile(home.resolve("one-bad-out").resolve("metrics.json")));

        err.reset();
        code = Main.execute("backtest", "--in-memory", "--backtest-data", data.toString(), "--portfolio", "CASHY",
                "--from", "2020-01-02", "--to", "2020-02-28", "--no-report", "--export-dir",
                home.resolve("cashy-out").toString());
        assertEquals(ExitCodes.BAD_INPUT, code, errText());
        assertTrue(errText().endsWith("error: " + bad + ": targets sum to 90.0 %, not 100 %"), errText());
        assertFalse(Files.exists(home.resolve("cashy-out")), "nothing written for the bad portfolio");

        err.reset();
        code = Main.execute("holdings", "--in-memory", "--backtest-data", data.toString(), "--portfolio", "CASHY");
        assertEquals(ExitCodes.BAD_INPUT, code, errText());
        assertTrue(errText().endsWith("error: " + bad + ": targets sum to 90.0 %, not 100 %"), errText());
    }

    @Test
    void backtest_fromBeforeTheData_badInput() {
        int code = backtest(home.resolve("a"), "--from", "2001-01-02", "--to", "2020-02-03");
        assertEquals(ExitCodes.BAD_INPUT, code);
        assertTrue(errText().contains("--from 2001-01-02 is before the first stored trading day"), errText());
        assertEquals(1, errText().lines().count());
    }

    @Test
    void backtest_tickerWhosePricesBeginLate_lookbackShortenedOrTheEarliestFromNamed() throws IOException {
        Path data = home.resolve("late-data");
        copy(Path.of("backtest-data"), data);
        // META's prices from 2016-01-04 on: the lines before it dropped from the copy
        Path meta = data.resolve("prices").resolve("META.csv");
        List<String> lines = Files.readAllLines(meta);
        List<String> kept = new java.util.ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(l -> l.compareTo("2016-01-04") >= 0).forEach(kept::add);
        Files.write(meta, kept);
        Files.writeString(data.resolve("portfolios").resolve("LATE.json"), """
                { "id": "LATE", "basis": 100000, "inception": "2016-01-04", "benchmark": "SPY",
                  "targets": [ {"ticker":"NVDA","sector":"Technology","weight_pct":50},
                               {"ticker":"META","sector":"Communication","weight_pct":50} ] }
                """);

        // 2016-06-01 needs a lookback into 2015, before META's first price: shortened, as at the data's start
        int code = Main.execute("backtest", "--in-memory", "--backtest-data", data.toString(), "--portfolio", "LATE",
                "--from", "2016-06-01", "--to", "2016-12-30", "--no-report", "--export-dir",
                home.resolve("late-out").toString());
        assertEquals(ExitCodes.OK, code, errText());
        assertTrue(Files.isRegularFile(home.resolve("late-out").resolve("metrics.json")));

        err.reset();
        code = Main.execute("backtest", "--in-memory", "--backtest-data", data.toString(), "--portfolio", "LATE",
                "--from", "2015-06-01", "--to", "2016-12-30", "--no-report", "--export-dir",
                home.resolve("late-early").toString());
        assertEquals(ExitCodes.BAD_INPUT, code, errText());
        assertTrue(errText().endsWith("error: --from 2015-06-01 is before the first stored price of META (2016-01-04),"
                + " a ticker of LATE; the earliest --from for it is 2016-01-04"), errText());
    }

    @Test
    void backtest_toBeforeTheData_namesTheFirstPrice() {
        int code = backtest(home.resolve("a"), "--from", "2005-01-03", "--to", "2011-12-30");
        assertEquals(ExitCodes.BAD_INPUT, code);
        // backtest-data/prices: every ticker's first row is 2012-05-18; AAPL is PORT_A's first ticker
        assertTrue(errText().endsWith("error: --to 2011-12-30 is before the first stored price of AAPL (2012-05-18),"
                + " a ticker of PORT_A_TechGrowth"), errText());
    }

    @Test
    void backtest_toAfterTheData_badInput() {
        int code = backtest(home.resolve("a"), "--from", "2020-01-02", "--to", "2031-01-02");
        assertEquals(ExitCodes.BAD_INPUT, code);
        assertTrue(errText().contains("--to 2031-01-02 is after the last stored trading day"), errText());
    }

    @Test
    void backtest_gapInATickersPrices_badInputAndNoFinishedRun() throws IOException {
        Path data = home.resolve("gap-data");
        copy(Path.of("backtest-data"), data);
        Path xom = data.resolve("prices").resolve("XOM.csv");
        List<String> lines = Files.readAllLines(xom).stream().filter(l -> !l.startsWith("2020-03-16,"))
                .collect(Collectors.toList());
        Files.write(xom, lines);
        Path dir = home.resolve("gap-store");
        int code = Main.execute("backtest", "--data-dir", dir.toString(), "--backtest-data", data.toString(),
                "--from", "2020-01-02", "--to", "2020-06-30", "--no-report");
        assertEquals(ExitCodes.BAD_INPUT, code, errText());
        assertTrue(errText().contains("XOM") && errText().contains("2020-03-16"), errText());
        assertEquals(1, errText().lines().count(), errText());
        try (Stores stores = MongoStores.open(StoreConfig.embeddedFile(dir))) {
            assertTrue(stores.runs().latestFinished().isEmpty(), "no run is marked finished");
        }
    }

    @Test
    void backtestFromProperties_shortRealRun_exportsFilesAndSummary() throws IOException {
        Path export = home.resolve("export");
        System.setProperty("backtest.from", "2020-01-02");
        System.setProperty("backtest.to", "2020-02-28");
        System.setProperty("backtest.dataDir", home.resolve("a").toString());
        System.setProperty("backtest.exportDir", export.toString());
        System.setProperty("backtest.noReport", "true");
        try {
            assertEquals(ExitCodes.OK, Main.execute("backtest-from-properties"), errText());
        } finally {
            for (String p : List.of("from", "to", "dataDir", "exportDir", "noReport")) {
                System.clearProperty("backtest." + p);
            }
        }
        String summary = out.toString(StandardCharsets.UTF_8);
        assertTrue(summary.contains("buy_and_hold") && summary.contains("band_abs_3"), summary);
        JsonNode metrics = RecordJson.mapper().readTree(Files.readString(export.resolve("metrics.json")));
        assertEquals("2020-01-02", metrics.path("from").asText());
        for (String name : List.of("agent", "buy_and_hold", "monthly", "quarterly", "annual", "band_5_25", "band_abs_3")) {
            JsonNode m = metrics.path("strategies").path(name);
            for (String key : List.of("final_nav", "cagr", "volatility", "sharpe", "sharpe_arithmetic", "sortino",
                    "calmar", "max_drawdown", "var95_historical", "cvar95", "var95_gaussian", "var95_cornish_fisher", "beta",
                    "turnover", "trades", "costs",
                    "rebalances", "avg_abs_drift", "max_abs_drift")) {
                assertTrue(m.has(key), name + "." + key);
            }
        }
        List<String> nav = Files.readAllLines(export.resolve("nav.csv"));
        assertEquals("date,agent,buy_and_hold,monthly,quarterly,annual,band_5_25,band_abs_3", nav.get(0));
        assertTrue(nav.get(1).startsWith("2020-01-02,1000000.0000,1000000.0000"), nav.get(1));
        assertTrue(RecordJson.mapper().readTree(Files.readString(export.resolve("decisions.json"))).isArray());
        String runId = metrics.path("run_id").asText();

        out.reset();
        assertEquals(ExitCodes.OK, Main.execute("backtest", "rescore", runId, "--data-dir", home.resolve("a").toString()),
                errText());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Rescored run " + runId));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void backtestPrune_threeRuns_keepsTheNewestAndListShowsIt() {
        Path dir = home.resolve("prune");
        for (int i = 0; i < 3; i++) {
            assertEquals(ExitCodes.OK, backtest(dir, "--from", "2020-01-02", "--to", "2020-01-31", "--no-report",
                    "--export-dir", home.resolve("export-" + i).toString()), errText());
        }
        CliHarness list = CliHarness.run("backtest", "list", "--data-dir", dir.toString());
        List<String> runs = list.out().lines().skip(1).map(l -> l.split(" ")[0]).toList();
        assertEquals(3, runs.size(), list.out());

        CliHarness prune = CliHarness.run("backtest", "prune", "--keep", "1", "--data-dir", dir.toString());
        assertEquals(ExitCodes.OK, prune.exitCode(), prune.err());
        assertTrue(prune.out().startsWith("Deleted 2 run(s): " + runs.get(1) + ", " + runs.get(2)), prune.out());
        CliHarness after = CliHarness.run("backtest", "list", "--data-dir", dir.toString());
        assertEquals(2, after.out().lines().count(), after.out());
        assertTrue(after.out().lines().skip(1).findFirst().orElseThrow().matches(runs.get(0) + " +finished .*"),
                after.out());

        CliHarness missing = CliHarness.run("backtest", "delete", runs.get(1), "--data-dir", dir.toString());
        assertEquals(ExitCodes.NOT_FOUND, missing.exitCode());
        assertEquals("error: no backtest run " + runs.get(1) + "; 'backtest list' shows the stored ones",
                missing.err().strip());
    }

    @Test
    void backtestRunLeftRunning_onTheEmbeddedStore_listedAbandonedNotRescoredAndPruned() {
        // a backtest killed part-way leaves its run marked running; the embedded file is one process's at a time,
        // so whoever opens it knows that process is gone
        Path dir = home.resolve("abandoned");
        assertEquals(ExitCodes.OK, backtest(dir, "--from", "2020-01-02", "--to", "2020-01-31", "--no-report",
                "--export-dir", home.resolve("export-a").toString()), errText());
        try (Stores stores = MongoStores.open(StoreConfig.embeddedFile(dir))) {
            stores.runs().start("bt-killed", "{\"run_id\":\"bt-killed\",\"kind\":\"backtest\","
                    + "\"portfolio_id\":\"PORT_A_TechGrowth\",\"from\":\"2022-01-03\",\"to\":\"2024-12-31\"}");
        }
        CliHarness list = CliHarness.run("backtest", "list", "--data-dir", dir.toString());
        assertTrue(list.out().lines().anyMatch(l -> l.matches("bt-killed +abandoned .*")), list.out());

        CliHarness rescore = CliHarness.run("backtest", "rescore", "bt-killed", "--data-dir", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, rescore.exitCode(), rescore.out());
        assertEquals("error: run bt-killed has not finished (status running); only a finished run is rescored",
                rescore.err().strip());

        CliHarness prune = CliHarness.run("backtest", "prune", "--keep", "1", "--data-dir", dir.toString());
        assertEquals(ExitCodes.OK, prune.exitCode(), prune.err());
        assertTrue(prune.out().startsWith("Deleted 1 run(s): bt-killed;"), prune.out());
    }
}
