package io.rebalancer.market;

import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.market.PortfolioFields.Difference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class PortfolioFieldsTest {
    private static final Path PORT_A = Path.of("backtest-data/portfolios/PORT_A_TechGrowth.json");

    @TempDir
    Path dir;

    private PortfolioDefinition edited(String from, String to) throws IOException {
        String json = Files.readString(PORT_A);
        assertTrue(json.contains(from), "test setup: '" + from + "' not in the file");
        Path file = Files.createDirectories(dir.resolve("e" + Math.abs(from.hashCode()))).resolve("PORT_A_TechGrowth.json");
        Files.writeString(file, json.replace(from, to));
        return PortfolioJson.read(file);
    }

    @Test
    void of_shippedPortfolio_valuesInTheFilesUnits() {
        Map<String, String> f = PortfolioFields.of(PortfolioJson.read(PORT_A));
        // as written in backtest-data/portfolios/PORT_A_TechGrowth.json
        assertEquals("3", f.get("thresholds.drift_critical_pct"));
        assertEquals("2.5", f.get("thresholds.drift_high_pct"));
        assertEquals("-3", f.get("thresholds.var_warning_pct"));
        assertEquals("8", f.get("targets[3].weight_pct"));
        assertEquals("NVDA", f.get("targets[3].ticker"));
        assertEquals("1000000", f.get("basis"));
        assertEquals("0.1", f.get("costs.impact_coefficient"));
        assertEquals("3", f.get("thresholds.cooldown_days"));
    }

    @Test
    void differences_sameFile_none() {
        assertEquals(List.of(), PortfolioFields.differences(PortfolioJson.read(PORT_A), PortfolioJson.read(PORT_A)));
    }

    @Test
    void differences_criticalDriftEdited_namesTheFieldWithBothValues() throws IOException {
        PortfolioDefinition file = edited("\"drift_critical_pct\": 3,", "\"drift_critical_pct\": 3.25,");
        assertEquals(List.of(new Difference("thresholds.drift_critical_pct", "3", "3.25")),
                PortfolioFields.differences(PortfolioJson.read(PORT_A), file));
    }

    @Test
    void differences_targetAdded_missingSideIsNone() throws IOException {
        PortfolioDefinition file = edited("{ \"ticker\": \"IWM\",   \"sector\": \"Benchmarks\", \"weight_pct\": 5 }",
                "{ \"ticker\": \"IWM\",   \"sector\": \"Benchmarks\", \"weight_pct\": 4 },\n"
                        + "    { \"ticker\": \"DIA\", \"sector\": \"Benchmarks\", \"weight_pct\": 1 }");
        List<Difference> d = PortfolioFields.differences(PortfolioJson.read(PORT_A), file);
        assertEquals(List.of(new Difference("targets[12].weight_pct", "5", "4"),
                new Difference("targets[13].ticker", "(none)", "DIA"),
                new Difference("targets[13].sector", "(none)", "Benchmarks"),
                new Difference("targets[13].weight_pct", "(none)", "1")), d);
    }

    @Test
    void shapesHoldings_basisInceptionTargets_yesThresholdsSectorNo() {
        assertTrue(PortfolioFields.shapesHoldings("basis"));
        assertTrue(PortfolioFields.shapesHoldings("inception"));
        assertTrue(PortfolioFields.shapesHoldings("targets[3].weight_pct"));
        assertTrue(PortfolioFields.shapesHoldings("targets[3].ticker"));
        assertFalse(PortfolioFields.shapesHoldings("targets[3].sector"));
        assertFalse(PortfolioFields.shapesHoldings("thresholds.drift_critical_pct"));
        assertFalse(PortfolioFields.shapesHoldings("benchmark"));
    }
}
