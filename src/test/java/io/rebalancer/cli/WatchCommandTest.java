package io.rebalancer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WatchCommandTest {
    @Test
    void watch_twoChecksOffline_runsAndExecutesTheLatestDayOnceAlertsAndKeepsAHealthFile(@TempDir Path dir)
            throws Exception {
        Path health = dir.resolve("health.json");
        Path alerts = dir.resolve("alerts.jsonl");
        CliHarness r = CliHarness.run("watch", "--in-memory", "--checks", "2", "--every", "PT0.01S", "--execute",
                "--fetch", "--source-url", "http://127.0.0.1:1", "--health-file", health.toString(),
                "--alerts-file", alerts.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        List<String> lines = r.out().lines().map(l -> l.substring("2026-01-01 00:00:00  ".length())).toList();
        assertTrue(lines.get(0).startsWith("fetch failed, going on with the stored days: cannot reach http://127.0.0.1:1"),
                lines.get(0));
        // the stored prices end 2025-12-31, long before the last closed session: a fetch failure and stale prices
        assertEquals(java.util.Set.of("ALERT CRITICAL BATCH_FAILED", "ALERT CRITICAL STALE_PRICES"),
                java.util.Set.of(lines.get(1).substring(0, 27), lines.get(2).substring(0, 27)), r.out());
        assertTrue(lines.get(3).matches("2025-12-31 PORT_A_TechGrowth .* REBALANCE .*cycle [0-9a-f]{16}"), lines.get(3));
        assertTrue(lines.get(4).startsWith("ALERT INFO TRIGGERED PORT_A_TechGrowth 2025-12-31: the monitor triggered: "),
                lines.get(4));
        assertTrue(lines.get(5).startsWith("executed: "), lines.get(5));
        assertTrue(lines.get(6).startsWith("fetch failed"), lines.get(6));
        assertEquals("no new trading day since 2025-12-31 for PORT_A_TechGrowth", lines.get(7));
        assertEquals(8, lines.size(), "the second check raises no alert again: " + r.out());

        JsonNode h = new ObjectMapper().readTree(Files.readString(health));
        assertEquals("stopped", h.path("status").asText());
        assertEquals(2, h.path("checks").asInt());
        assertEquals("2025-12-31", h.path("last_cycles").path("PORT_A_TechGrowth").path("as_of").asText());
        assertEquals(3, Files.readAllLines(alerts).size());
    }

    @Test
    void watch_zeroPause_badInput() {
        CliHarness r = CliHarness.run("watch", "--in-memory", "--every", "PT0S");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals("error: --every must be positive, was PT0S", r.err().strip());
    }

    @Test
    void watch_webhookWithoutSecret_isBadInput() {
        CliHarness r = CliHarness.run("watch", "--in-memory", "--webhook", "http://127.0.0.1:9/hook");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals("error: --webhook needs the signing secret in $REBALANCER_WEBHOOK_SECRET", r.err().strip());
    }

    @Test
    void watch_fileOptionNamingADirectory_badInputBeforeTheLoop(@TempDir Path dir) {
        // was exit 0, logging "cannot write the health file" at every check
        CliHarness r = CliHarness.run("watch", "--in-memory", "--checks", "1", "--health-file", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertEquals("error: --health-file " + dir + " is a directory; give the file to write", r.err().strip());
        CliHarness alerts = CliHarness.run("watch", "--in-memory", "--checks", "1", "--alerts-file", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, alerts.exitCode(), alerts.err());
    }

    @Test
    void watch_allAndPortfolio_badInput() {
        CliHarness r = CliHarness.run("watch", "--in-memory", "--all", "--portfolio", "PORT_A_TechGrowth");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains("--all and --portfolio exclude each other"), r.err());
    }
}
