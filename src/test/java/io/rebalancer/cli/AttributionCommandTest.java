package io.rebalancer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.rebalancer.service.RecordJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code attribution} end to end. Published fixture: Carl Bacon, "Practical Portfolio Performance Measurement and
 * Attribution", 2nd ed. (Wiley, 2008): Table 5.3 (single-period Brinson-Fachler) and Tables 8.1/8.2/8.4 (four
 * quarters linked with Carino / GRAP; the book's values as encoded in the R package PortfolioAttribution's
 * tests). The same values as analytics.BrinsonFachlerTest, here through the CSV reader and the command line.
 */
class AttributionCommandTest {
    @TempDir
    Path dir;

    /** Bacon Table 8.1; Q1 alone is Table 5.3. */
    static final String BACON = """
            period,segment,wp,wb,rp,rb
            Q1,UK equities,0.4,0.4,0.2,0.1
            Q1,Japanese equities,0.3,0.2,-0.05,-0.04
            Q1,US equities,0.3,0.4,0.06,0.08
            Q2,UK equities,0.7,0.4,-0.05,-0.07
            Q2,Japanese equities,0.2,0.3,0.03,0.04
            Q2,US equities,0.1,0.3,-0.05,-0.1
            Q3,UK equities,0.3,0.5,-0.2,-0.25
            Q3,Japanese equities,0.5,0.4,0.08,0.05
            Q3,US equities,0.2,0.1,-0.15,-0.2
            Q4,UK equities,0.3,0.4,0.1,0.05
            Q4,Japanese equities,0.5,0.4,-0.07,-0.05
            Q4,US equities,0.2,0.2,0.25,0.1
            """;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(false);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    Path csv(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    JsonNode json(Run r) throws Exception {
        assertEquals(ExitCodes.OK, r.code(), r.err());
        return RecordJson.mapper().readTree(r.out());
    }

    static JsonNode segment(JsonNode list, String name) {
        for (JsonNode n : list) {
            if (n.path("segment").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no segment " + name + " in " + list);
    }

    static void assertEffect(JsonNode e, double allocation, double selection, double interaction, double tol) {
        assertEquals(allocation, e.path("allocation").asDouble(), tol, "allocation of " + e.path("segment"));
        assertEquals(selection, e.path("selection").asDouble(), tol, "selection of " + e.path("segment"));
        assertEquals(interaction, e.path("interaction").asDouble(), tol, "interaction of " + e.path("segment"));
    }

    @Test
    void attribution_baconTable53_printsPublishedSinglePeriodEffects() throws Exception {
        String q1 = String.join("\n", BACON.lines().limit(4).toList()) + "\n";
        JsonNode r = json(run("attribution", "--input", csv("bacon53.csv", q1).toString(), "--json"));
        JsonNode p = r.path("periods").get(0);
        assertEquals(0.083, p.path("portfolio_return").asDouble(), 1e-15);
        assertEquals(0.064, p.path("benchmark_return").asDouble(), 1e-15);
        assertEffect(segment(p.path("segments"), "UK equities"), 0, 0.04, 0, 1e-12);
        assertEffect(segment(p.path("segments"), "Japanese equities"), -0.0104, -0.002, -0.001, 1e-12);
        assertEffect(segment(p.path("segments"), "US equities"), -0.0016, -0.008, 0.002, 1e-12);
        assertEffect(p.path("total"), -0.012, 0.03, 0.001, 1e-12);
        assertEquals(0.019, r.path("linked").path("total").path("total").asDouble(), 1e-12);
    }

    @Test
    void attribution_baconTable82Carino_linkedEffectsMatchBookAndSumToExcess() throws Exception {
        JsonNode r = json(run("attribution", "--input", csv("bacon81.csv", BACON).toString(), "--json"));
        assertEquals("carino", r.path("linking").asText());
        JsonNode linked = r.path("linked").path("segments");
        // Table 8.2: allocation UK 1.65 %, JP -0.60 %, US 0.15 %; top-down selection (selection + interaction)
        // UK 8.04 %, JP 0.18 %, US 3.85 %
        assertLinked(segment(linked, "UK equities"), 0.0165, 0.0804);
        assertLinked(segment(linked, "Japanese equities"), -0.006, 0.0018);
        assertLinked(segment(linked, "US equities"), 0.0015, 0.0385);
        assertSumsToExcess(r, 0.1326557295);
    }

    @Test
    void attribution_baconTable84Grap_linkedEffectsMatchBookAndSumToExcess() throws Exception {
        JsonNode r = json(run("attribution", "--input", csv("bacon81.csv", BACON).toString(), "--linking", "grap",
                "--json"));
        assertEquals("grap", r.path("linking").asText());
        JsonNode linked = r.path("linked").path("segments");
        assertLinked(segment(linked, "UK equities"), 0.0167, 0.0785);
        assertLinked(segment(linked, "Japanese equities"), -0.0055, 0.0016);
        assertLinked(segment(linked, "US equities"), 0.0011, 0.0402);
        assertSumsToExcess(r, 0.1326557295);
    }

    /**
     * Two periods worked by hand: P1 Rp 10 %, Rb 5 %; P2 Rp -2 %, Rb 1 %. The sum of single-period excesses is
     * 2 %, but the cumulative arithmetic excess is 1.10 x 0.98 - 1.05 x 1.01 = 1.75 %: both linkings must give
     * 1.75 %. GRAP by hand: A = (0.001, -0.0027, 0.00606), B = (0.00101, 0.01515, -0.00303).
     */
    @Test
    void attribution_twoPeriods_linkedEffectsSumToCumulativeExcessBothLinkings() throws Exception {
        Path p = csv("two.csv", """
                period,segment,wp,wb,rp,rb
                P1,A,0.6,0.5,0.12,0.06
                P1,B,0.4,0.5,0.07,0.04
                P2,A,0.5,0.5,-0.04,0.02
                P2,B,0.5,0.5,0.0,0.0
                """);
        for (String linking : new String[] {"carino", "grap"}) {
            JsonNode r = json(run("attribution", "--input", p.toString(), "--linking", linking, "--json"));
            assertSumsToExcess(r, 0.0175);
            assertEquals(0.02, r.path("periods").get(0).path("total").path("total").asDouble()
                    + r.path("periods").get(1).path("total").path("total").asDouble(), 1e-15);
        }
        JsonNode grap = json(run("attribution", "--input", p.toString(), "--linking", "GRAP", "--json"));
        assertEffect(segment(grap.path("linked").path("segments"), "A"), 0.00101, -0.0027, 0.00606, 1e-15);
        assertEffect(segment(grap.path("linked").path("segments"), "B"), 0.00101, 0.01515, -0.00303, 1e-15);
    }

    @Test
    void attribution_text_namesLinkingAndShowsTotals() throws Exception {
        Run r = run("attribution", "--input", csv("bacon81.csv", BACON).toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("linked with Carino"), r.out());
        assertTrue(r.out().contains("arithmetic excess 13.2656"), r.out());
        assertTrue(r.out().contains("linked effects sum to 13.2656"), r.out());
    }

    @Test
    void attribution_badNumber_oneLineNamingFileLineAndField() throws Exception {
        Path p = csv("bad.csv", "period,segment,wp,wb,rp,rb\nQ1,A,0.5,0.5,0.1,0.1\nQ1,B,0.5,0.5,abc,0.1\n");
        Run r = run("attribution", "--input", p.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals("error: " + p + ":3: field 'rp' value 'abc' is not a finite number", r.err().strip());
    }

    @Test
    void attribution_missingColumn_namesFileAndColumn() throws Exception {
        Path p = csv("nocol.csv", "period,segment,wp,wb,rp\nQ1,A,1,1,0.1\n");
        Run r = run("attribution", "--input", p.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().startsWith("error: " + p + ":1: missing column 'rb'"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void attribution_weightsNotSummingToOne_namesFileAndPeriod() throws Exception {
        Path p = csv("w.csv", "period,segment,wp,wb,rp,rb\n2024-01,A,0.5,0.5,0.1,0.1\n2024-01,B,0.4,0.5,0.1,0.1\n");
        Run r = run("attribution", "--input", p.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains(p.toString()) && r.err().contains("'2024-01'") && r.err().contains("0.9"), r.err());
    }

    @Test
    void attribution_missingFile_badInput() {
        Run r = run("attribution", "--input", dir.resolve("nope.csv").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("nope.csv: no such file"), r.err());
    }

    static void assertLinked(JsonNode e, double allocation, double topDownSelection) {
        assertEquals(allocation, e.path("allocation").asDouble(), 1e-4, "linked allocation of " + e.path("segment"));
        assertEquals(topDownSelection, e.path("selection").asDouble() + e.path("interaction").asDouble(), 1e-4,
                "linked selection of " + e.path("segment"));
    }

    static void assertSumsToExcess(JsonNode r, double expectedExcess) {
        double excess = r.path("cumulative_excess").asDouble();
        assertEquals(expectedExcess, excess, 1e-10);
        double sum = 0;
        for (JsonNode e : r.path("linked").path("segments")) {
            sum += e.path("allocation").asDouble() + e.path("selection").asDouble() + e.path("interaction").asDouble();
        }
        assertEquals(excess, sum, 1e-12);
        assertEquals(excess, r.path("linked").path("total").path("total").asDouble(), 1e-12);
    }

    @Test
    void attribution_returnsThatOverflow_badInputNotInfinity() throws Exception {
        Path in = dir.resolve("huge.csv");
        // 1e308 + 1 multiplied over periods overflows a double: the linked result would be Infinity
        Files.writeString(in, "period,segment,wp,wb,rp,rb\nQ1,A,1,1,1e308,0.1\nQ2,A,1,1,1e308,0.1\n");

        CliHarness r = CliHarness.run("attribution", "--input", in.toString());

        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("not a finite number"), r.err());
        assertTrue(!r.out().contains("Infinity"), r.out());
    }
}
