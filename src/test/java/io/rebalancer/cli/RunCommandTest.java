package io.rebalancer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class RunCommandTest {
    @TempDir
    Path tmp;

    @Test
    void run_asOf20241212WithExport_writesTheWholeRecord() throws Exception {
        Path export = tmp.resolve("decision.json");
        CliHarness r = CliHarness.run("run", "--in-memory", "--as-of", "2024-12-12", "--export", export.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("[PHASE 1: MONITOR AGENT]"), r.out());
        assertTrue(r.out().contains("[PHASE 2: ANALYZER AGENT]"));
        assertTrue(r.out().contains("[PHASE 3: DECISION AGENT]"));
        // NVDA's band: the tighter of 3 pp and 20 % of its 8 % target
        assertTrue(r.out().contains("Trigger: NVDA drift +7.95 pp is outside its band of 1.60 % (20 % of its 8.00 % target)"), r.out());
        assertTrue(r.out().contains("Benefit  Cost/yr      Net  Status"), r.out());
        assertTrue(r.out().contains("Recommended: BAND_EDGE"), r.out());
        assertTrue(r.out().contains("(43rd percentile of 252d)"), r.out());
        JsonNode json = new ObjectMapper().readTree(export.toFile());
        for (String field : List.of("cycleId", "portfolioId", "asOf", "rulesHash", "inputs", "monitor", "analysis",
                "decision", "firedRules", "memoryAfter")) {
            assertTrue(json.has(field), "missing " + field);
        }
        assertEquals("2024-12-12", json.get("asOf").asText());
        assertEquals(6, json.get("analysis").get("scenarios").size());
        JsonNode score = json.get("analysis").get("scenarios").get(0).get("score");
        assertEquals(score.get("benefitBp").asDouble() - score.get("costBp").asDouble(), score.get("netBp").asDouble(), 1e-9);
        assertEquals("TRIGGERED", json.get("monitor").get("verdict").asText());
        assertEquals(13, json.get("monitor").get("positions").size());
        assertTrue(json.get("firedRules").size() > 10);
    }

    @Test
    void run_json_printsTheRecordOnly() throws Exception {
        CliHarness r = CliHarness.run("run", "--in-memory", "--as-of", "2024-12-12", "--json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("PORT_A_TechGrowth", json.get("portfolioId").asText());
    }

    @Test
    void run_withoutAsOf_usesTheLatestStoredDayAndSaysSo() {
        CliHarness r = CliHarness.run("run", "--in-memory");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("Cycle: 2025-12-31 (latest stored day)"), r.out());
    }

    @Test
    void run_unparsableDate_oneLineAndUsageExit() {
        CliHarness r = CliHarness.run("run", "--in-memory", "--as-of", "2024-13-45");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertEquals("Invalid value for option '--as-of': '2024-13-45' is not a date of the form yyyy-MM-dd",
                r.err().lines().findFirst().orElse(""));
    }

    @Test
    void run_unknownPortfolio_notFoundExit() {
        CliHarness r = CliHarness.run("run", "--in-memory", "--portfolio", "PORT_Z");
        assertEquals(ExitCodes.NOT_FOUND, r.exitCode());
        assertEquals("error: unknown portfolio 'PORT_Z'; stored portfolios: PORT_A_TechGrowth", r.err().trim());
    }

    @Test
    void run_ruleFileThatDoesNotCompile_namesFileAndLineAndWritesNothing() throws Exception {
        Path rules = tmp.resolve("rules");
        Files.createDirectories(rules);
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        Path monitor = rules.resolve("monitor.drl");
        List<String> lines = Files.readAllLines(monitor);
        int broken = lines.indexOf("rule \"observe: beta over limit\"");
        lines.set(broken + 3, "    $e : EffectiveThresholds(");
        Files.write(monitor, lines);
        Path export = tmp.resolve("never.json");
        CliHarness r = CliHarness.run("run", "--in-memory", "--rules", rules.toString(), "--export", export.toString());
        assertEquals(ExitCodes.RULES, r.exitCode());
        assertTrue(r.err().startsWith("error: the rules do not compile"), r.err());
        // the unclosed pattern is reported where the parser meets 'then', two lines below the broken line
        assertTrue(r.err().contains("monitor.drl:" + (broken + 6) + " [ERR 102]"), r.err());
        assertFalse(Files.exists(export));
    }

    @Test
    void run_unreachableMongo_storeExitAndNoPassword() {
        CliHarness r = CliHarness.run("run", "--mongo-uri", "mongodb://alice:s3cret@127.0.0.1:1/rebalancer");
        assertEquals(ExitCodes.STORE, r.exitCode());
        assertFalse(r.err().contains("s3cret"), r.err());
        assertTrue(r.err().contains("alice:***@127.0.0.1:1"), r.err());
        assertEquals(1, r.err().trim().lines().count(), r.err());
    }

    @Test
    void runExecute_rebalanceDay_executesAndHistoryAndExecuteAgainSayIt() {
        String dir = tmp.resolve("store").toString();
        CliHarness r = CliHarness.run("run", "--data-dir", dir, "--as-of", "2024-12-12", "--execute");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("AGENT STATUS: DECISION FINALIZED - EXECUTED ON PAPER (BELOW)"), r.out());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("PAPER EXECUTION of decision ([0-9a-f]{16})").matcher(r.out());
        assertTrue(m.find(), r.out());
        String id = m.group(1);
        // the BAND_EDGE plan of 13 trades leaves cash just above the 2 % cash band (whole shares, costs)
        assertTrue(r.out().lines().anyMatch(l -> l.matches("Total: 13 fills, \\$[0-9,.]+ traded, cost \\$[0-9,.]+; cash \\$11,159\\.09 -> \\$29,327\\.39")),
                r.out());

        CliHarness history = CliHarness.run("history", "--data-dir", dir);
        assertTrue(history.out().lines().anyMatch(l -> l.startsWith("2024-12-12 " + id) && l.endsWith(" yes")),
                history.out());

        CliHarness again = CliHarness.run("execute", id, "--data-dir", dir);
        assertEquals(ExitCodes.OK, again.exitCode(), again.err());
        assertTrue(again.out().startsWith("Decision " + id + " was executed before (2024-12-12 close)"),
                again.out());
    }

    @Test
    void execute_deferDecision_badInputOneLine() {
        String dir = tmp.resolve("store").toString();
        assertEquals(ExitCodes.OK, CliHarness.run("run", "--data-dir", dir, "--as-of", "2024-12-12").exitCode());
        // 2024-12-12 was not executed: the next day the drift is still there, inside the cooldown
        CliHarness run = CliHarness.run("run", "--data-dir", dir, "--as-of", "2024-12-13", "--execute");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().strip().endsWith("Nothing to execute: the decision is DEFER."), run.out());
        String id = run.out().lines().filter(l -> l.startsWith("Cycle id: ")).findFirst().orElseThrow()
                .substring("Cycle id: ".length()).trim();
        CliHarness r = CliHarness.run("execute", id, "--data-dir", dir);
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals("error: decision " + id + " of 2024-12-13 is DEFER: there is nothing to execute", r.err().trim());
    }

    @Test
    void run_portfolioLeasedElsewhere_busyExitOneLine() {
        Path dir = tmp.resolve("store");
        assertEquals(ExitCodes.OK, CliHarness.run("history", "--data-dir", dir.toString()).exitCode());
        try (var stores = io.rebalancer.store.mongo.MongoStores.open(io.rebalancer.store.StoreConfig.embeddedFile(dir))) {
            java.time.Instant now = java.time.Instant.now();
            stores.locks().tryAcquire("portfolio:PORT_A_TechGrowth", "ci-host:7:feed01", now, now.plusSeconds(600));
        }
        CliHarness r = CliHarness.run("run", "--data-dir", dir.toString(), "--as-of", "2024-12-12");
        assertEquals(ExitCodes.BUSY, r.exitCode(), r.err());
        assertEquals(1, r.err().trim().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: portfolio PORT_A_TechGrowth is in use by another process (ci-host:7:feed01"),
                r.err());
    }
}
