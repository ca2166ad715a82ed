package io.rebalancer.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.domain.MarketDay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketCsvReadersTest {
    static final LocalDate D1 = LocalDate.of(2012, 5, 18);
    static final LocalDate D2 = LocalDate.of(2012, 5, 21);

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void vixRead_validFile_returnsCloses() throws IOException {
        Path f = write("VIX.csv", "date,open,high,low,close\n2012-05-18,23.27,25.14,23.07,25.10\n2012-05-21,24.88,24.88,22.01,22.01\n");
        assertEquals(Map.of(D1, 25.10, D2, 22.01), VixCsvReader.read(f));
    }

    @Test
    void vixRead_realFile_has3425Days() {
        assertEquals(3425, VixCsvReader.read(Path.of("backtest-data/market/VIX.csv")).size());
    }

    @Test
    void vixRead_highBelowLow_reportsLine() throws IOException {
        Path f = write("VIX.csv", "date,open,high,low,close\n2012-05-18,23.27,22,23.07,25.10\n");
        DataFileException e = assertThrows(DataFileException.class, () -> VixCsvReader.read(f));
        assertEquals(f + ":2: field 'high' value '22' is below field 'low' value '23.07'", e.getMessage());
    }

    @Test
    void riskFreeRead_validFile_returnsDailyRates() throws IOException {
        Path f = write("rf.csv", "date,dtb3_pct,dtb3_is_ffill,rf_daily\n2012-05-18,0.08,0,0.0000031746\n"
                + "2012-05-21,0.09,1,0.0000035714\n");
        assertEquals(Map.of(D1, 0.0000031746, D2, 0.0000035714), RiskFreeCsvReader.read(f));
    }

    @Test
    void riskFreeRead_realFile_has3425Days() {
        assertEquals(3425, RiskFreeCsvReader.read(Path.of("backtest-data/market/rf_daily.csv")).size());
    }

    @Test
    void riskFreeRead_rateInPercentNotFraction_reportsMismatch() throws IOException {
        Path f = write("rf.csv", "date,dtb3_pct,dtb3_is_ffill,rf_daily\n2012-05-18,0.08,0,0.00031746\n");
        DataFileException e = assertThrows(DataFileException.class, () -> RiskFreeCsvReader.read(f));
        assertEquals(f + ":2: field 'rf_daily' value '0.00031746' does not match dtb3_pct 0.08 / 100 / 252 = 0.0000031746",
                e.getMessage());
    }

    @Test
    void riskFreeRead_badFlag_reportsValue() throws IOException {
        Path f = write("rf.csv", "date,dtb3_pct,dtb3_is_ffill,rf_daily\n2012-05-18,0.08,yes,0.0000031746\n");
        DataFileException e = assertThrows(DataFileException.class, () -> RiskFreeCsvReader.read(f));
        assertEquals(f + ":2: field 'dtb3_is_ffill' value 'yes' is not 0 or 1", e.getMessage());
    }

    @Test
    void join_sameDates_makesMarketDays() {
        NavigableMap<LocalDate, Double> vix = new TreeMap<>(Map.of(D1, 25.1, D2, 22.0));
        NavigableMap<LocalDate, Double> rf = new TreeMap<>(Map.of(D1, 1e-6, D2, 2e-6));
        assertEquals(List.of(new MarketDay(D1, 25.1, 1e-6), new MarketDay(D2, 22.0, 2e-6)),
                MarketDays.join("VIX.csv", vix, "rf.csv", rf));
    }

    @Test
    void join_dateMissingFromRiskFree_namesFileAndDate() {
        NavigableMap<LocalDate, Double> vix = new TreeMap<>(Map.of(D1, 25.1, D2, 22.0));
        NavigableMap<LocalDate, Double> rf = new TreeMap<>(Map.of(D1, 1e-6));
        DataFileException e = assertThrows(DataFileException.class, () -> MarketDays.join("VIX.csv", vix, "rf.csv", rf));
        assertEquals("rf.csv: no row for 2012-05-21, which VIX.csv has", e.getMessage());
    }
}
