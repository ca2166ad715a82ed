package io.rebalancer.market;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The number syntax of the data files: the grammar {@code [-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?} (the regular
 * expression the scanner replaced), case by case; the values Java's {@code Double.parseDouble} takes beyond it
 * (NaN, Infinity, hex, type suffixes, padding) are refused.
 */
class CsvTableTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "-2", "+3", "12.5", "3.", ".5", "-.5", "+0.25", "1e3", "1E-3", "2.5e+10",
            "0007.100", "6.0E2"})
    void isDecimal_plainDecimal_accepted(String s) {
        assertTrue(CsvTable.isDecimal(s), s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", ".", "-.", "e5", ".e5", "1e", "1e+", "1.2.3", "1..2", "1,5", "NaN",
            "Infinity", "-Infinity", "0x1p3", "1d", "2f", " 1", "1 ", "1e5.5", "--1", "+-1", "1-", "null", "١٢"})
    void isDecimal_notPlainDecimal_refused(String s) {
        assertFalse(CsvTable.isDecimal(s), s);
    }
}
