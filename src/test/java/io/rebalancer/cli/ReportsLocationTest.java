package io.rebalancer.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportsLocationTest {

    @Test
    void dir_noEnvironment_reportsInTheWorkingDirectory() {
        assertEquals(Path.of("reports"), ReportsLocation.dir(Map.<String, String>of()::get));
    }

    @Test
    void dir_envSet_usesIt() {
        assertEquals(Path.of("/tmp/rb/reports"), ReportsLocation.dir(Map.of("REBALANCER_REPORTS", " /tmp/rb/reports ")::get));
    }

    @Test
    void dir_envBlank_fallsBackToReports() {
        assertEquals(Path.of("reports"), ReportsLocation.dir(Map.of("REBALANCER_REPORTS", "  ")::get));
    }
}
