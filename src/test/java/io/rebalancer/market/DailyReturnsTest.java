package io.rebalancer.market;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DailyReturnsTest {
    @Test
    void navFromOne_twoReturnsAfterHeader_compounds(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("r.csv");
        Files.writeString(f, "date,return\n2024-01-02,0.01\n2024-01-03,-0.02\n");
        DailyReturns r = DailyReturns.read(f);
        assertEquals(LocalDate.of(2024, 1, 2), r.dates().get(0));
        // by hand: 1 x 1.01 = 1.01; 1.01 x 0.98 = 0.9898
        assertArrayEquals(new double[]{1, 1.01, 0.9898}, r.navFromOne(), 1e-15);
    }

    @Test
    void alignedTo_benchmarkMissingADate_errorNamesFileAndDate(@TempDir Path dir) throws IOException {
        Path main = dir.resolve("r.csv");
        Path bench = dir.resolve("b.csv");
        Files.writeString(main, "2024-01-02,0.01\n2024-01-03,0.02\n");
        Files.writeString(bench, "2024-01-02,0.005\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DailyReturns.read(bench).alignedTo(DailyReturns.read(main)));
        assertEquals(bench + " has no value for 2024-01-03, a date of the returns", e.getMessage());
    }

    @Test
    void read_dateOutOfOrder_errorNamesLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("r.csv");
        Files.writeString(f, "2024-01-03,0.01\n2024-01-02,0.02\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DailyReturns.read(f));
        assertTrue(e.getMessage().startsWith(f + ":2: date 2024-01-02 does not follow 2024-01-03"), e.getMessage());
    }
}
