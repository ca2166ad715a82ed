package io.rebalancer.market;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Reads the VIX index file ({@code date,open,high,low,close}); returns the close of each day. */
public final class VixCsvReader {
    static final List<String> COLUMNS = List.of("date", "open", "high", "low", "close");

    private VixCsvReader() {
    }

    /** VIX close by date; any bad row is a {@link DataFileException} and nothing is returned. */
    public static NavigableMap<LocalDate, Double> read(Path file) {
        CsvTable table = CsvTable.read(file, COLUMNS);
        NavigableMap<LocalDate, Double> out = new TreeMap<>();
        CsvTable.DateOrder order = new CsvTable.DateOrder();
        for (CsvTable.Row row : table.rows) {
            LocalDate date = row.date("date");
            row.positive("open");
            double high = row.positive("high");
            double low = row.positive("low");
            double close = row.positive("close");
            if (high < low) {
                throw row.error("field 'high' value '" + row.text("high") + "' is below field 'low' value '"
                        + row.text("low") + "'");
            }
            order.check(row, "date", date);
            out.put(date, close);
        }
        return Collections.unmodifiableNavigableMap(out);
    }
}
