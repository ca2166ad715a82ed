package io.rebalancer.evaluation;

import io.rebalancer.market.DataFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.*;

class SuiteFileTest {
    @TempDir
    Path dir;

    private Path write(String json) throws Exception {
        Path f = dir.resolve("s.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void read_fullSample_everyFieldParsed() throws Exception {
        Files.createDirectories(dir.resolve("data/portfolios"));
        SuiteSpec s = SuiteFile.read(write("""
                {"name": "x", "crra_gamma": 4, "sharpe_tolerance": 0.01, "samples": [
                  {"id": "a", "portfolio": "P", "from": "2015-01-02", "to": "2016-12-30", "backtest_data": "data",
                   "warm_up_from": "2014-01-02",
                   "options": {"cost_bps": 5, "no_costs": false, "learning": false, "horizon": 63, "lambda": 1.5}}]}
                """));
        assertEquals("x", s.name());
        assertEquals(4, s.crraGamma());
        assertEquals(0.01, s.sharpeTolerance());
        SampleSpec a = s.samples().get(0);
        assertEquals(LocalDate.of(2015, 1, 2), a.from());
        assertEquals(LocalDate.of(2014, 1, 2), a.warmUpFrom());
        assertEquals(dir.resolve("data").toAbsolutePath().normalize(), a.backtestData());
        assertEquals(5.0, a.costBps());
        assertFalse(a.learning());
        assertEquals(63, a.horizonDays());
        assertEquals(1.5, a.lambda());
        assertEquals(LocalDate.of(2015, 1, 1), a.warmUpRequest().to());
    }

    @Test
    void read_minimalSample_defaultsOfTheBacktest() throws Exception {
        SuiteSpec s = SuiteFile.read(write("""
                {"samples": [{"id": "a", "portfolio": "P", "from": "2015-01-02", "to": "2016-12-30"}]}"""));
        assertEquals("s", s.name());
        assertEquals(3, s.crraGamma());
        assertTrue(s.samples().get(0).learning());
        assertNull(s.samples().get(0).backtestData());
    }

    @Test
    void read_badDate_oneErrorNamingFileFieldAndValue() throws Exception {
        Path f = write("""
                {"samples": [{"id": "a", "portfolio": "P", "from": "2015-01-02", "to": "2016-13-30"}]}""");
        DataFileException e = assertThrows(DataFileException.class, () -> SuiteFile.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("samples[0].to") && e.getMessage().contains("2016-13-30"), e.getMessage());
    }

    @Test
    void read_unknownOption_refusedNamingIt() throws Exception {
        Path f = write("""
                {"samples": [{"id": "a", "portfolio": "P", "from": "2015-01-02", "to": "2016-12-30",
                              "options": {"costbps": 3}}]}""");
        DataFileException e = assertThrows(DataFileException.class, () -> SuiteFile.read(f));
        assertTrue(e.getMessage().contains("samples[0].options.costbps"), e.getMessage());
    }

    @Test
    void read_duplicateIds_refused() throws Exception {
        Path f = write("""
                {"samples": [{"id": "a", "portfolio": "P", "from": "2015-01-02", "to": "2016-12-30"},
                             {"id": "a", "portfolio": "Q", "from": "2015-01-02", "to": "2016-12-30"}]}""");
        DataFileException e = assertThrows(DataFileException.class, () -> SuiteFile.read(f));
        assertTrue(e.getMessage().contains("'a' appears twice"), e.getMessage());
    }

    @Test
    void read_warmUpNotBeforeFrom_refused() throws Exception {
        Path f = write("""
                {"samples": [{"id": "a", "portfolio": "P", "from": "2015-01-02", "to": "2016-12-30",
                              "warm_up_from": "2015-01-02"}]}""");
        DataFileException e = assertThrows(DataFileException.class, () -> SuiteFile.read(f));
        assertTrue(e.getMessage().contains("warm_up_from") && e.getMessage().contains("samples[0]"), e.getMessage());
    }

    @Test
    void read_missingBacktestDataDirectory_refusedNamingIt() throws Exception {
        Path f = write("""
                {"samples": [{"id": "a", "portfolio": "P", "from": "2015-01-02", "to": "2016-12-30",
                              "backtest_data": "nowhere"}]}""");
        DataFileException e = assertThrows(DataFileException.class, () -> SuiteFile.read(f));
        assertTrue(e.getMessage().contains("samples[0].backtest_data") && e.getMessage().contains("nowhere"),
                e.getMessage());
    }

    @Test
    void read_shippedSuites_parse() {
        SuiteSpec d = SuiteFile.read(Path.of("suites/default.json"));
        assertTrue(d.samples().size() >= 6, "at least six samples");
        assertTrue(d.samples().stream().anyMatch(s -> s.warmUpFrom() != null), "a walk-forward sample");
        SuiteFile.read(Path.of("suites/quick.json"));
    }
}
