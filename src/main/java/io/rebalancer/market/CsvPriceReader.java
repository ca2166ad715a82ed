package io.rebalancer.market;

import io.rebalancer.domain.PriceBar;
import io.rebalancer.domain.Ticker;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads daily bars from a CSV file in Yahoo's format ({@code Date,Open,High,Low,Close,Adj Close,Volume}) or the
 * shared format ({@code date,open,high,low,close,adj_close,volume}); the header decides, column order is free.
 * The whole file is validated: any bad row is a {@link DataFileException} and no bars are returned.
 */
public final class CsvPriceReader {
    static final List<String> COLUMNS = List.of("date", "open", "high", "low", "close", "adj_close", "volume");

    private CsvPriceReader() {
    }

    /** Reads the file; the ticker is the file name without extension ({@code AAPL.csv}, {@code brk-b.csv}). */
    public static List<PriceBar> read(Path file) {
        return read(file, tickerFromFileName(file));
    }

    public static List<PriceBar> read(Path file, Ticker ticker) {
        return bars(CsvTable.read(file, COLUMNS), ticker);
    }

    /** Reads CSV text; {@code fileLabel} names it in error messages. */
    public static List<PriceBar> read(String fileLabel, Reader reader, Ticker ticker) {
        try {
            return bars(CsvTable.read(fileLabel, reader, COLUMNS), ticker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code prices/AAPL.csv} gives AAPL; a name that is not a ticker is a {@link DataFileException}. */
    public static Ticker tickerFromFileName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        try {
            return Ticker.of(stem.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DataFileException(file.toString(), 0, "cannot tell the ticker from the file name: " + e.getMessage());
        }
    }

    /** Above this a value is not a share price or index level (the highest US share trades near 10^6). */
    static final double MAX_PRICE = 1e7;
    private static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);

    /** A trading day: a weekday from 1970 to tomorrow. */
    static void checkTradingDay(CsvTable.Row row, LocalDate date) {
        java.time.DayOfWeek dow = date.getDayOfWeek();
        if (dow == java.time.DayOfWeek.SATURDAY || dow == java.time.DayOfWeek.SUNDAY) {
            throw row.error("field 'date' value '" + date + "' is a " + dow.toString().charAt(0)
                    + dow.toString().substring(1).toLowerCase(java.util.Locale.ROOT) + ", not a trading day");
        }
        LocalDate tomorrow = LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1);
        if (date.isBefore(FIRST_DAY) || date.isAfter(tomorrow)) {
            throw row.error("field 'date' value '" + date + "' is outside " + FIRST_DAY + " .. " + tomorrow);
        }
    }

    private static void plausible(CsvTable.Row row, String field, double price) {
        if (price > MAX_PRICE) {
            throw row.error("field '" + field + "' value '" + row.text(field) + "' is not a plausible price (above "
                    + (long) MAX_PRICE + ")");
        }
    }

    private static void withinDay(CsvTable.Row row, String field, double price, double low, double high) {
        if (price < low || price > high) {
            throw row.error("field '" + field + "' value '" + row.text(field) + "' is outside low '" + row.text("low")
                    + "' .. high '" + row.text("high") + "'");
        }
    }

    private static List<PriceBar> bars(CsvTable table, Ticker ticker) {
        List<PriceBar> out = new ArrayList<>(table.rows.size());
        CsvTable.DateOrder order = new CsvTable.DateOrder();
        PriceBar previous = null;
        for (CsvTable.Row row : table.rows) {
            LocalDate date = row.date("date");
            double open = row.positive("open");
            double high = row.positive("high");
            double low = row.positive("low");
            double close = row.positive("close");
            double adjClose = row.positive("adj_close");
            long volume = row.wholeNumber("volume");
            if (high < low) {
                throw row.error("field 'high' value '" + row.text("high") + "' is below field 'low' value '"
                        + row.text("low") + "'");
            }
            plausible(row, "open", open);
            plausible(row, "high", high);
            plausible(row, "low", low);
            plausible(row, "close", close);
            plausible(row, "adj_close", adjClose);
            double slack = 1e-9 * high;
            withinDay(row, "open", open, low - slack, high + slack);
            withinDay(row, "close", close, low - slack, high + slack);
            if (adjClose > close * (1 + 1e-6)) {
                throw row.error("field 'adj_close' value '" + row.text("adj_close") + "' is above field 'close' value '"
                        + row.text("close") + "' (dividends only ever lower the adjusted close)");
            }
            checkTradingDay(row, date);
            order.check(row, "date", date);
            if (previous != null) {
                java.util.Optional<String> jump = PriceJump.refusal(previous.date().toString(), previous.close(),
                        date.toString(), close);
                if (jump.isPresent()) {
                    throw row.error("field 'close' value '" + row.text("close") + "': " + jump.get());
                }
            }
            try {
                previous = new PriceBar(ticker, date, open, high, low, close, adjClose, volume);
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage());
            }
            out.add(previous);
        }
        return List.copyOf(out);
    }
}
