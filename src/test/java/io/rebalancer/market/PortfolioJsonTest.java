package io.rebalancer.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.domain.CostModel;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.ThresholdBounds;
import io.rebalancer.domain.Thresholds;
import io.rebalancer.domain.Ticker;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortfolioJsonTest {
    static final Path PORT_A = Path.of("backtest-data/portfolios/PORT_A_TechGrowth.json");

    @TempDir
    Path dir;

    /** PORT_A's JSON with one textual replacement, written as X.json (id adjusted to match). */
    private Path variant(String from, String to) throws IOException {
        String json = Files.readString(PORT_A).replace("\"PORT_A_TechGrowth\"", "\"X\"");
        if (!json.contains(from)) {
            throw new IllegalArgumentException("test setup: '" + from + "' not in the file");
        }
        Path file = dir.resolve("X.json");
        Files.writeString(file, json.replace(from, to));
        return file;
    }

    private void assertError(Path file, String expectedAfterFile) {
        DataFileException e = assertThrows(DataFileException.class, () -> PortfolioJson.read(file));
        assertEquals(file + expectedAfterFile, e.getMessage());
    }

    @Test
    void read_onlyIdBasisInceptionBenchmarkTargets_thresholdsBoundsAndCostsOfTheSeedPortfolio() throws IOException {
        Path file = dir.resolve("MIN.json");
        Files.writeString(file, """
                {"id": "MIN", "basis": 500000, "inception": "2016-01-04", "benchmark": "SPY",
                 "targets": [{"ticker": "AAPL", "sector": "Technology", "weight_pct": 60},
                             {"ticker": "XOM", "sector": "Energy", "weight_pct": 40}]}
                """);
        PortfolioDefinition def = PortfolioJson.read(file);
        assertEquals(0.6, def.targetWeight(Ticker.of("AAPL")));
        // PORT_A_TechGrowth's blocks (backtest-data/portfolios), as backtest-data/README.md states the defaults
        assertEquals(new Thresholds(0.03, 0.025, 0.015, -0.03, -0.04, 1.0, 0.0, 0.20, 3, 1.5), def.thresholds());
        assertEquals(new ThresholdBounds(0.02, 0.05), def.bounds());
        assertEquals(new CostModel(1, 2, 0.1), def.costs());
        assertEquals(PortfolioJson.read(PORT_A).costs(), def.costs());
        assertEquals(PortfolioJson.read(PORT_A).bounds(), def.bounds());
    }

    @Test
    void read_portA_convertsPercentToFractions() {
        PortfolioDefinition def = PortfolioJson.read(PORT_A);
        assertEquals("PORT_A_TechGrowth", def.id());
        assertEquals(0, new BigDecimal("1000000").compareTo(def.basis()));
        assertEquals(LocalDate.of(2024, 1, 2), def.inception());
        assertEquals(Ticker.of("SPY"), def.benchmark());
        assertEquals(13, def.targets().size());
        assertEquals(0.08, def.targetWeight(Ticker.of("NVDA")));
        assertEquals("Energy", def.sectors().get(Ticker.of("COP")));
        Map<String, Double> sectors = def.sectorTargets();
        assertEquals(0.55, sectors.get("Technology"), 1e-12);
        assertEquals(0.12, sectors.get("Energy"), 1e-12);
        assertEquals(0.33, sectors.get("Benchmarks"), 1e-12);
        assertEquals(new Thresholds(0.03, 0.025, 0.015, -0.03, -0.04, 1.0, 0.0, 0.20, 3, 1.5), def.thresholds());
        assertEquals(Thresholds.seedDefaults(), def.thresholds());
        assertEquals(new ThresholdBounds(0.02, 0.05), def.bounds());
        assertEquals(new CostModel(1, 2, 0.1), def.costs());
    }

    @Test
    void read_targetsNotSummingTo100_reportsSum() throws IOException {
        assertError(variant("\"weight_pct\": 5 }", "\"weight_pct\": 4 }"), ": targets sum to 99.0 %, not 100 %");
    }

    @Test
    void read_weightsAsFractions_saysTheyArePercent() throws IOException {
        Path file = dir.resolve("FRAC.json");
        Files.writeString(file, """
                {"id": "FRAC", "basis": 500000, "inception": "2016-01-04", "benchmark": "SPY",
                 "targets": [{"ticker": "AAPL", "sector": "Technology", "weight_pct": 0.6},
                             {"ticker": "XOM", "sector": "Energy", "weight_pct": 0.4}]}
                """);
        assertError(file, ": targets sum to 1.0 %, not 100 % (weight_pct is in percent: 60 for 60 %, not 0.6)");
    }

    @Test
    void read_nanWeight_invalidJsonWithoutTheParsersAdvice() throws IOException {
        Path file = dir.resolve("NAN.json");
        Files.writeString(file, """
                {"id": "NAN", "basis": 500000, "inception": "2016-01-04", "benchmark": "SPY",
                 "targets": [{"ticker": "AAPL", "sector": "Technology", "weight_pct": NaN}]}
                """);
        DataFileException e = assertThrows(DataFileException.class, () -> PortfolioJson.read(file));
        assertEquals(file + ":2: invalid JSON: Non-standard token 'NaN' (not a JSON value)", e.getMessage());
    }

    @Test
    void read_unknownField_namesItsPath() throws IOException {
        assertError(variant("\"beta_limit\": 1.5", "\"beta_limit\": 1.5, \"beta_limt\": 2"),
                ": unknown field 'thresholds.beta_limt' (known: drift_critical_pct, drift_high_pct, drift_medium_pct, "
                        + "var_warning_pct, var_critical_pct, sharpe_warning, sharpe_critical, max_turnover_pct, "
                        + "cooldown_days, beta_limit)");
    }

    @Test
    void read_badDate_namesFieldAndValue() throws IOException {
        assertError(variant("\"2024-01-02\"", "\"2024-13-02\""), ": field 'inception' value '2024-13-02' is not a date (yyyy-mm-dd)");
    }

    @Test
    void read_missingField_namesIt() throws IOException {
        assertError(variant("\"cooldown_days\": 3,", ""), ": missing field 'thresholds.cooldown_days'");
    }

    @Test
    void read_duplicateTicker_namesEntry() throws IOException {
        assertError(variant("\"ticker\": \"MSFT\"", "\"ticker\": \"AAPL\""), ": field 'targets[1].ticker' value 'AAPL' is listed twice");
    }

    @Test
    void read_numberAsText_namesFieldAndValue() throws IOException {
        assertError(variant("\"basis\": 1000000", "\"basis\": \"1e6\""), ": field 'basis' value '\"1e6\"' is not a number");
    }

    @Test
    void read_fieldsOutOfOrder_nameBothFieldsAndTheirValuesAsWritten() throws IOException {
        // was "thresholds: drift thresholds must satisfy medium <= high <= critical, were 0.026, 0.025, 0.03"
        assertError(variant("\"drift_medium_pct\": 1.5", "\"drift_medium_pct\": 2.6"),
                ": field 'thresholds.drift_medium_pct' value '2.6' is above field 'thresholds.drift_high_pct' value"
                        + " '2.5'; it may not be");
    }

    @Test
    void read_valueOutOfRange_namesTheFileFieldAndTheValueAsWritten() throws IOException {
        // was "thresholds: maxTurnover must be in [0.0, 2.0], was -0.2" and "costs: commissionBps must be in ..."
        assertError(variant("\"max_turnover_pct\": 20", "\"max_turnover_pct\": -20"),
                ": field 'thresholds.max_turnover_pct' value '-20' is outside 0 .. 200");
        assertError(variant("\"commission_bps\": 1", "\"commission_bps\": -1"),
                ": field 'costs.commission_bps' value '-1' is outside 0 .. 10000");
    }

    @Test
    void read_idNotFileName_reportsBoth() throws IOException {
        Path file = dir.resolve("Y.json");
        Files.writeString(file, Files.readString(PORT_A));
        assertError(file, ": field 'id' value 'PORT_A_TechGrowth' does not match the file name (expected 'Y')");
    }

    @Test
    void read_invalidJson_reportsLine() throws IOException {
        Path file = dir.resolve("Z.json");
        Files.writeString(file, "{\n  \"id\": \"Z\",\n  \"basis\": ,\n}");
        DataFileException e = assertThrows(DataFileException.class, () -> PortfolioJson.read(file));
        assertEquals(3, e.line(), e.getMessage());
    }

    @Test
    void read_cashFlows_parsedWithSchedules() throws IOException {
        Path f = variant("\"costs\": {", "\"cash_flows\": [{\"amount\": 2500, \"schedule\": \"monthly\"},"
                + " {\"amount\": -50000.25, \"schedule\": \"once\", \"date\": \"2024-06-03\"},"
                + " {\"amount\": 1000, \"schedule\": \"Quarterly\", \"start\": \"2024-04-01\", \"end\": \"2025-12-31\"}],"
                + " \"costs\": {");
        var flows = PortfolioJson.read(f).cashFlows();
        assertEquals(3, flows.size());
        assertEquals(io.rebalancer.domain.CashFlow.recurring(2500, io.rebalancer.domain.CashFlow.Schedule.MONTHLY),
                flows.get(0));
        assertEquals(io.rebalancer.domain.CashFlow.once(-50000.25, java.time.LocalDate.of(2024, 6, 3)), flows.get(1));
        assertEquals(java.time.LocalDate.of(2025, 12, 31), flows.get(2).end());
    }

    @Test
    void read_cashFlowBadSchedule_namesFieldAndValue() throws IOException {
        Path f = variant("\"costs\": {", "\"cash_flows\": [{\"amount\": 2500, \"schedule\": \"weekly\"}], \"costs\": {");
        assertError(f, ": field 'cash_flows[0].schedule' value 'weekly' must be monthly, quarterly, annual or once");
    }

    @Test
    void read_cashFlowOnceWithoutDate_refused() throws IOException {
        Path f = variant("\"costs\": {", "\"cash_flows\": [{\"amount\": 2500, \"schedule\": \"once\"}], \"costs\": {");
        assertError(f, ": field 'cash_flows[0]': a cash flow scheduled once needs a date");
    }
}
