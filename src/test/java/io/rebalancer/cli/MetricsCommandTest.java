package io.rebalancer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.rebalancer.service.RecordJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code metrics --returns FILE} on a hand-made series. Returns 0.01, -0.02, 0.03, 0.00 (NAV 1 -> 1.01 -> 0.9898 ->
 * 1.019494 -> 1.019494): final NAV 1.019494; CAGR = 1.019494^(252/4) - 1 = 2.374695 (python3: 1.019494**63 - 1);
 * max drawdown = 0.9898 / 1.01 - 1 = -0.02; beta against a benchmark equal to half the returns = 2.
 */
class MetricsCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    @Test
    void metrics_handSeries_matchesHandValues() throws Exception {
        Path r = dir.resolve("r.csv");
        Files.writeString(r, "date,return\n2024-01-02,0.01\n2024-01-03,-0.02\n2024-01-04,0.03\n2024-01-05,0.0\n");
        Path b = dir.resolve("b.csv");
        Files.writeString(b, "date,return\n2024-01-02,0.005\n2024-01-03,-0.01\n2024-01-04,0.015\n2024-01-05,0.0\n");
        assertEquals(ExitCodes.OK, Main.execute("metrics", "--returns", r.toString(), "--benchmark", b.toString(), "--json"));
        JsonNode m = RecordJson.mapper().readTree(out.toString(StandardCharsets.UTF_8)).path("metrics");
        assertEquals(1.019494, m.path("final_nav").asDouble(), 1e-12);
        assertEquals(Math.pow(1.019494, 63) - 1, m.path("cagr").asDouble(), 1e-12);
        assertEquals(2.374695, m.path("cagr").asDouble(), 1e-6);
        assertEquals(-0.02, m.path("max_drawdown").asDouble(), 1e-12);
        assertEquals(2.0, m.path("beta").asDouble(), 1e-12);
        // Python statistics: mean + NormalDist().inv_cdf(0.05) x stdev, and the Cornish-Fisher z with population
        // moment skewness and excess kurtosis (docs/METRICS.md)
        assertEquals(-0.02924035869323431, m.path("var95_gaussian").asDouble(), 1e-9);
        assertEquals(-0.02972259877305697, m.path("var95_cornish_fisher").asDouble(), 1e-9);
    }

    @Test
    void metrics_benchmarkMissingADate_badInputNamingTheDate() throws Exception {
        Path r = dir.resolve("r.csv");
        Files.writeString(r, "2024-01-02,0.01\n2024-01-03,-0.02\n2024-01-04,0.03\n");
        Path b = dir.resolve("b.csv");
        Files.writeString(b, "2024-01-02,0.01\n2024-01-04,0.03\n");
        assertEquals(ExitCodes.BAD_INPUT, Main.execute("metrics", "--returns", r.toString(), "--benchmark", b.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no value for 2024-01-03"));
    }

    @Test
    void metrics_badNumber_badInputNamingFileAndLine() throws Exception {
        Path r = dir.resolve("r.csv");
        Files.writeString(r, "date,return\n2024-01-02,0.01\n2024-01-03,abc\n");
        assertEquals(ExitCodes.BAD_INPUT, Main.execute("metrics", "--returns", r.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("r.csv:3"), err.toString(StandardCharsets.UTF_8));
    }
}
