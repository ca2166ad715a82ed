package io.rebalancer.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CycleConsoleReportTest {
    @Test
    void ordinal_teensAndUnits_englishSuffixes() {
        assertEquals("1st", CycleConsoleReport.ordinal(1));
        assertEquals("2nd", CycleConsoleReport.ordinal(2));
        assertEquals("3rd", CycleConsoleReport.ordinal(3));
        assertEquals("4th", CycleConsoleReport.ordinal(4));
        assertEquals("11th", CycleConsoleReport.ordinal(11));
        assertEquals("12th", CycleConsoleReport.ordinal(12));
        assertEquals("13th", CycleConsoleReport.ordinal(13));
        assertEquals("21st", CycleConsoleReport.ordinal(21));
        assertEquals("43rd", CycleConsoleReport.ordinal(43));
        assertEquals("100th", CycleConsoleReport.ordinal(100));
    }
}
