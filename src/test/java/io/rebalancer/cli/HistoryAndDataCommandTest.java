package io.rebalancer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** `history` and `data import` on an embedded file store in a temporary data directory. */
class HistoryAndDataCommandTest {
    @TempDir
    Path home;

    @Test
    void history_afterTwoRuns_listsNewestFirstWithTheRulesHash() {
        assertEquals(ExitCodes.OK, CliHarness.run("run", "--data-dir", home.toString(), "--as-of", "2024-12-11").exitCode());
        assertEquals(ExitCodes.OK, CliHarness.run("run", "--data-dir", home.toString(), "--as-of", "2024-12-12").exitCode());
        String hash = CliHarness.run("rules", "validate").out().replaceAll("(?s).*hash (\\w+).*", "$1").trim();
        CliHarness h = CliHarness.run("history", "--data-dir", home.toString(), "--limit", "5");
        assertEquals(ExitCodes.OK, h.exitCode(), h.err());
        String[] lines = h.out().trim().split("\n");
        assertEquals(3, lines.length, h.out());
        assertTrue(lines[1].startsWith("2024-12-12"), lines[1]);
        assertTrue(lines[2].startsWith("2024-12-11"), lines[2]);
        assertTrue(lines[1].matches(".* " + hash + " (no|-)"), lines[1] + " should end with " + hash + ", not executed");
    }

    @Test
    void dataImport_badRow_namesFileAndLineAndWritesNothing() throws Exception {
        Path good = home.resolve("ZZZ.csv");
        Files.writeString(good, """
                Date,Open,High,Low,Close,Adj Close,Volume
                2026-01-02,10,11,9,10.5,10.5,1000
                2026-01-05,10.5,11,10,10.8,10.8,1200
                """);
        Path bad = home.resolve("YYY.csv");
        Files.writeString(bad, """
                Date,Open,High,Low,Close,Adj Close,Volume
                2026-01-02,10,11,9,10.5,10.5,1000
                2026-01-05,10.5,11,10,abc,10.8,1200
                """);
        CliHarness r = CliHarness.run("data", "import", "--data-dir", home.resolve("db").toString(), good.toString(),
                bad.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals("error: " + bad + ":3: field 'close' value 'abc' is not a number", r.err().trim());
        // ZZZ.csv was fine but the import as a whole failed: nothing of it is in the store
        CliHarness latest = CliHarness.run("run", "--data-dir", home.resolve("db").toString(), "--json");
        assertTrue(latest.out().contains("\"as_of\" : \"2025-12-31\""), latest.out().lines().limit(5).toList().toString());
    }

    @Test
    void dataImport_yahooFile_storesTheRows() throws Exception {
        Path file = home.resolve("ZZZ.csv");
        Files.writeString(file, """
                Date,Open,High,Low,Close,Adj Close,Volume
                2026-01-02,10,11,9,10.5,10.5,1000
                2026-01-05,10.5,11,10,10.8,10.8,1200
                """);
        CliHarness r = CliHarness.run("data", "import", "--data-dir", home.resolve("db").toString(), file.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Imported 2 price rows from 1 file(s)"), r.out());
        // the new ticker is newer than the portfolio's prices: a run without --as-of takes the portfolio's latest day
        CliHarness run = CliHarness.run("run", "--data-dir", home.resolve("db").toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("Cycle: 2025-12-31 (latest stored day)"), run.out());
    }

    @Test
    void dataImport_restatedHistoryOfALivePortfolio_refusedUnlessRestate() throws Exception {
        // a live decision on 2024-11-21: its holdings and the day's closes rest on the stored NVDA history
        String db = home.resolve("db").toString();
        assertEquals(ExitCodes.OK, CliHarness.run("run", "--data-dir", db, "--as-of", "2024-11-21").exitCode());
        Path nvda = home.resolve("NVDA.csv");
        java.util.List<String> lines = Files.readAllLines(Path.of("backtest-data", "prices", "NVDA.csv"));
        StringBuilder scaled = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            for (int k = 1; k <= 5; k++) {
                f[k] = Double.toString(Double.parseDouble(f[k]) * 1.5);
            }
            scaled.append(String.join(",", f)).append('\n');
        }
        Files.writeString(nvda, scaled);
        CliHarness refused = CliHarness.run("data", "import", "--data-dir", db, nvda.toString());
        assertEquals(ExitCodes.BAD_INPUT, refused.exitCode(), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertTrue(refused.err().startsWith("error: " + nvda + ": field 'close' value "), refused.err());
        assertTrue(refused.err().contains("where portfolio PORT_A_TechGrowth's live decisions and fills (up to 2024-11-21)"
                + " rest on the stored prices; nothing was imported"), refused.err());

        // the same history again changes nothing, so it is taken; --restate takes the restated one
        CliHarness same = CliHarness.run("data", "import", "--data-dir", db,
                Path.of("backtest-data", "prices", "NVDA.csv").toString());
        assertEquals(ExitCodes.OK, same.exitCode(), same.err());
        CliHarness restated = CliHarness.run("data", "import", "--data-dir", db, "--restate", nvda.toString());
        assertEquals(ExitCodes.OK, restated.exitCode(), restated.err());
    }
}
