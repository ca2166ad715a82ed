package io.rebalancer.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WatchCommandTest {
    @Test
    void watch_twoChecksOffline_runsAndExecutesTheLatestDayOnceAndGoesOn() {
        CliHarness r = CliHarness.run("watch", "--in-memory", "--checks", "2", "--every", "PT0.01S", "--execute",
                "--fetch", "--source-url", "http://127.0.0.1:1");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        List<String> lines = r.out().lines().map(l -> l.substring("2026-01-01 00:00:00  ".length())).toList();
        assertEquals(6, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("fetch failed, going on with the stored days: cannot reach http://127.0.0.1:1"),
                lines.get(0));
        assertTrue(lines.get(1).matches("2025-12-31 PORT_A_TechGrowth .* REBALANCE .*cycle [0-9a-f]{16}"), lines.get(1));
        // backtest-data ends on 2025-12-31, long before the clock
        assertTrue(lines.get(2).startsWith("note: the latest stored day, 2025-12-31, is "), lines.get(2));
        assertTrue(lines.get(3).startsWith("executed: "), lines.get(3));
        assertTrue(lines.get(4).startsWith("fetch failed"), lines.get(4));
        assertEquals("no new trading day since 2025-12-31", lines.get(5));
    }

    @Test
    void watch_zeroPause_badInput() {
        CliHarness r = CliHarness.run("watch", "--in-memory", "--every", "PT0S");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals("error: --every must be positive, was PT0S", r.err().strip());
    }
}
