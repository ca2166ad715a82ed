package io.rebalancer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class BacktestSuiteCommandTest {
    @TempDir
    Path dir;

    @Test
    void suite_badField_oneLineNamingFileFieldValueAndBadInputExit() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, """
                {"samples": [{"id": "a", "portfolio": "PORT_A_TechGrowth", "from": "2020-01-02", "to": "soon"}]}""");
        CliHarness r = CliHarness.run("backtest", "suite", f.toString(), "--in-memory", "--export-dir",
                dir.resolve("out").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("bad.json") && r.err().contains("samples[0].to") && r.err().contains("soon"),
                r.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void suite_unknownPortfolio_notFoundExit() throws Exception {
        Path f = dir.resolve("s.json");
        Files.writeString(f, """
                {"samples": [{"id": "a", "portfolio": "NOPE", "from": "2020-01-02", "to": "2020-02-28"}]}""");
        CliHarness r = CliHarness.run("backtest", "suite", f.toString(), "--in-memory", "--export-dir",
                dir.resolve("out").toString());
        assertEquals(ExitCodes.NOT_FOUND, r.exitCode(), r.err());
        assertTrue(r.err().contains("NOPE"), r.err());
    }

    @Test
    void suite_oneShortSample_printsWinTableAndWritesFiles() throws Exception {
        Path f = dir.resolve("s.json");
        Files.writeString(f, """
                {"name": "t", "samples": [{"id": "feb", "portfolio": "PORT_C_Balanced", "backtest_data": "%s",
                  "from": "2020-02-03", "to": "2020-02-28"}]}""".formatted(Path.of("suites").toAbsolutePath()
                .toString().replace("\\", "\\\\")));
        Path out = dir.resolve("out");
        CliHarness r = CliHarness.run("backtest", "suite", f.toString(), "--in-memory", "--export-dir", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("SUITE t") && r.out().contains("Win table") && r.out().contains("band_abs_3"),
                r.out());
        assertTrue(Files.exists(out.resolve("suite.json")) && Files.exists(out.resolve("suite.html")));
        assertTrue(Files.readString(out.resolve("feb/metrics.json")).contains("\"tracking_error\""));
        assertTrue(Files.exists(out.resolve("feb/nav.csv")));
    }
}
