package io.rebalancer.market;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code data import} takes only bars a market could have printed, on days it could have traded. */
class PriceImportValidationTest {
    @TempDir
    Path tmp;

    private static final String HEADER = "date,open,high,low,close,adj_close,volume\n";
    // 2024-12-12 is a Thursday
    private static final String GOOD = "2024-12-12,10,11,9,10.5,10.2,100\n";

    private String error(String row) throws IOException {
        Path file = tmp.resolve("AAPL.csv");
        Files.writeString(file, HEADER + GOOD + row);
        return assertThrows(DataFileException.class, () -> CsvPriceReader.read(file)).getMessage();
    }

    @Test
    void read_implausibleRows_eachRefusedWithFileLineAndField() throws IOException {
        String f = tmp.resolve("AAPL.csv") + ":3: ";
        assertEquals(f + "field 'open' value '1e308' is not a plausible price (above 10000000)",
                error("2024-12-13,1e308,1e308,9,10,10,100\n"));
        assertEquals(f + "field 'close' value '12' is outside low '9' .. high '11'", error("2024-12-13,10,11,9,12,10,100\n"));
        assertEquals(f + "field 'adj_close' value '10.6' is above field 'close' value '10.5' (dividends only ever lower"
                + " the adjusted close)", error("2024-12-13,10,11,9,10.5,10.6,100\n"));
        // 2024-12-14 is a Saturday
        assertEquals(f + "field 'date' value '2024-12-14' is a Saturday, not a trading day",
                error("2024-12-14,10,11,9,10.5,10.2,100\n"));
        // 2099-01-05 is a Monday, long after tomorrow
        assertEquals(true, error("2099-01-05,10,11,9,10.5,10.2,100\n").startsWith(f + "field 'date' value '2099-01-05'"
                + " is outside 1970-01-01 .. "));
    }

    @Test
    void read_yearOne_refused() throws IOException {
        Path file = tmp.resolve("AAPL.csv");
        // 0001-01-01 is a Monday in the proleptic Gregorian calendar java.time uses
        Files.writeString(file, HEADER + "0001-01-01,10,11,9,10.5,10.2,100\n");
        assertEquals(true, assertThrows(DataFileException.class, () -> CsvPriceReader.read(file)).getMessage()
                .contains("field 'date' value '0001-01-01' is outside 1970-01-01"));
    }

    @Test
    void read_notUtf8_namesFileAndLine() throws IOException {
        Path file = tmp.resolve("AAPL.csv");
        byte[] latin1 = (HEADER + GOOD + "2024-12-13,10,11,9,10.5,10.2,100 caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, latin1);
        assertEquals(file + ":3: is not UTF-8 text: byte 0xE9 (save the file as UTF-8)",
                assertThrows(DataFileException.class, () -> CsvPriceReader.read(file)).getMessage());
    }
}
