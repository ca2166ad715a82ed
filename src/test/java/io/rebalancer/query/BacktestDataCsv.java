package io.rebalancer.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads backtest-data/prices/TICKER.csv directly, so tests check the queries against the files, not the store. */
final class BacktestDataCsv {
    record Row(LocalDate date, double close, double adjClose) {
    }

    private BacktestDataCsv() {
    }

    static List<Row> rows(String ticker) {
        try {
            List<Row> out = new ArrayList<>();
            List<String> lines = Files.readAllLines(Path.of("backtest-data", "prices", ticker + ".csv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                out.add(new Row(LocalDate.parse(f[0]), Double.parseDouble(f[4]), Double.parseDouble(f[5])));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int index(List<Row> rows, LocalDate date) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).date().equals(date)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no row of " + date);
    }
}
