package io.rebalancer.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** holdings, risk, balance and order on the command line: output, JSON keys and exit codes. */
class QueryCommandsTest {
    @Test
    void holdings_json_printsSnakeCaseKeys() {
        CliHarness r = CliHarness.run("holdings", "--in-memory", "--as-of", "2024-01-02", "--json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"portfolio_drift\""), r.out());
        assertTrue(r.out().contains("\"as_of\" : \"2024-01-02\""), r.out());
    }

    @Test
    void holdings_unknownPortfolio_isNotFound() {
        CliHarness r = CliHarness.run("holdings", "--in-memory", "--portfolio", "NOPE");
        assertEquals(ExitCodes.NOT_FOUND, r.exitCode());
        assertTrue(r.err().startsWith("error: unknown portfolio 'NOPE'"), r.err());
    }

    @Test
    void order_unknownSymbol_isBadInputOnOneLine() {
        CliHarness r = CliHarness.run("order", "buy", "PORT_A_TechGrowth", "TSLA", "1", "--in-memory");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("symbol TSLA is not a position of PORT_A_TechGrowth"), r.err());
    }

    @Test
    void order_buyOfMoreSharesThanALongHolds_refusedAsABuyNotASell() {
        // held + Long.MAX_VALUE overflowed negative, and the buy was refused as "cannot sell"
        CliHarness r = CliHarness.run("order", "buy", "PORT_A_TechGrowth", "AAPL", "9223372036854775807",
                "--in-memory");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("error: buying 9223372036854775807 AAPL for "), r.err());
        assertTrue(r.err().contains("needs more than the cash"), r.err());
    }

    @Test
    void order_badSide_isUsage() {
        CliHarness r = CliHarness.run("order", "hold", "PORT_A_TechGrowth", "AAPL", "1", "--in-memory");
        assertEquals(ExitCodes.USAGE, r.exitCode());
    }

    @Test
    void balance_afterNothing_listsNoOrders() {
        CliHarness r = CliHarness.run("balance", "--in-memory");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("No executed orders yet."), r.out());
    }
}
