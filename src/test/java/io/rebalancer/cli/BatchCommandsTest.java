package io.rebalancer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BatchCommandsTest {
    @Test
    void runAll_dayWithoutPrices_everyPortfolioReportedAndExitCodeSomeFailed() {
        // 2024-12-14 is a Saturday: no closes are stored for it
        CliHarness r = CliHarness.run("run", "--all", "--in-memory", "--as-of", "2024-12-14");

        assertEquals(ExitCodes.SOME_FAILED, r.exitCode(), r.err());
        assertTrue(r.err().contains("error: PORT_A_TechGrowth: no prices on 2024-12-14"), r.err());
        assertTrue(r.out().contains("failed 1"), r.out());
    }

    @Test
    void runAll_json_snakeCaseSummaryAndEveryOutcome() {
        CliHarness r = CliHarness.run("run", "--all", "--in-memory", "--as-of", "2024-12-12", "--json");

        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"largest_drifts\""), r.out());
        assertTrue(r.out().contains("\"portfolio_id\" : \"PORT_A_TechGrowth\""), r.out());
        assertTrue(r.out().contains("\"status\" : \"OK\""), r.out());
    }

    @Test
    void executeAll_withDecisionId_isAUsageError() {
        CliHarness r = CliHarness.run("execute", "--all", "abcdef123456", "--in-memory");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
    }
}
