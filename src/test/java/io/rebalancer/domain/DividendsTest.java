package io.rebalancer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DividendsTest {

    @Test
    void perShare_ratioUnchanged_isZero() {
        assertEquals(0.0, Dividends.perShare(100, 90, 110, 99));
    }

    @Test
    void perShare_roundingWobbleBelowTolerance_isZero() {
        // r moves from 0.9 to 0.9000005: relative change 5.6e-7, the size of the files' rounding noise
        assertEquals(0.0, Dividends.perShare(100, 90, 100, 90.00005));
    }

    @Test
    void perShare_halfDollarOnHundred_recoversHalfDollar() {
        // Yahoo scales the day before by 1 - 0.50/100 = 0.995: r goes 0.995 -> 1, D = 100 * (1 - 0.995) = 0.50
        assertEquals(0.50, Dividends.perShare(100, 99.5, 101, 101), 1e-12);
    }

    @Test
    void perShare_oneDollarOnFifty_recoversOneDollar() {
        // r: 49/50 = 0.98 -> 51/51 = 1; D = 50 * (1 - 0.98) = 1.00
        assertEquals(1.00, Dividends.perShare(50, 49, 51, 51), 1e-12);
    }

    @Test
    void perShare_aaplExDate2024_02_09_isPublished24Cents() {
        // backtest-data/prices/AAPL.csv lines 2951-2952: AAPL paid $0.24, ex-date 2024-02-09
        double d = Dividends.perShare(188.320007, 186.212204, 188.850006, 186.974564);
        assertEquals(0.24, d, 0.01);
    }

    @Test
    void perShare_aaplDayBeforeExDate_isZero() {
        assertEquals(0.0, Dividends.perShare(189.410004, 187.289993, 188.320007, 186.212204));
    }

    @Test
    void perShare_nonPositivePrice_throwsNamingField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dividends.perShare(0, 1, 1, 1));
        assertEquals("prevClose must be a positive finite price, was 0.0", e.getMessage());
    }
}
