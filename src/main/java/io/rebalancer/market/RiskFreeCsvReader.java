package io.rebalancer.market;

import io.rebalancer.domain.MarketDay;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Reads {@code date,dtb3_pct,dtb3_is_ffill,rf_daily}: the 3-month T-bill rate in percent a year and the
 * per-trading-day rate {@code rf_daily = dtb3_pct / 100 / 252} as a fraction; returns rf_daily by date.
 */
public final class RiskFreeCsvReader {
    static final List<String> COLUMNS = List.of("date", "dtb3_pct", "dtb3_is_ffill", "rf_daily");
    /** rf_daily must equal dtb3_pct / 100 / 252 within this (the file rounds to 10 decimals). */
    static final double CONSISTENCY_TOLERANCE = 1e-9;

    private RiskFreeCsvReader() {
    }

    /** rf_daily by date; any bad row is a {@link DataFileException} and nothing is returned. */
    public static NavigableMap<LocalDate, Double> read(Path file) {
        CsvTable table = CsvTable.read(file, COLUMNS);
        NavigableMap<LocalDate, Double> out = new TreeMap<>();
        CsvTable.DateOrder order = new CsvTable.DateOrder();
        for (CsvTable.Row row : table.rows) {
            LocalDate date = row.date("date");
            double pct = row.number("dtb3_pct");
            String ffill = row.text("dtb3_is_ffill");
            if (!ffill.equals("0") && !ffill.equals("1")) {
                throw row.bad("dtb3_is_ffill", "is not 0 or 1");
            }
            double rf = row.number("rf_daily");
            if (Math.abs(rf) > MarketDay.MAX_ABS_RF_DAILY) {
                throw row.bad("rf_daily", "is not a daily fraction (|rf_daily| > " + MarketDay.MAX_ABS_RF_DAILY + ")");
            }
            double expected = pct / 100 / 252;
            if (Math.abs(rf - expected) > CONSISTENCY_TOLERANCE) {
                throw row.bad("rf_daily", String.format(Locale.ROOT,
                        "does not match dtb3_pct %s / 100 / 252 = %.10f", row.text("dtb3_pct"), expected));
            }
            order.check(row, "date", date);
            out.put(date, rf);
        }
        return Collections.unmodifiableNavigableMap(out);
    }
}
