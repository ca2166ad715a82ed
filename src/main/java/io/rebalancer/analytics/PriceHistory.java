package io.rebalancer.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Immutable daily price history for a set of tickers on one calendar, held in Tablesaw columns that are
 * built once. Day indexes are positions in {@link #dates()}; lookups by (ticker, day) are constant time.
 *
 * <p>{@link #upTo(int)} gives a view that cannot see later days (look-ahead safety for backtests): every
 * accessor of the view rejects a day after its last one. Views share the underlying columns.
 */
public final class PriceHistory {

    private final List<LocalDate> allDates;
    private final List<String> tickers;
    private final Map<String, Integer> tickerIndex;
    private final DoubleColumn[] close;
    private final DoubleColumn[] adjClose;
    private final DoubleColumn[] volume;
    private final List<LocalDate> dates;
    private final int days;

    private PriceHistory(List<LocalDate> allDates, List<String> tickers, Map<String, Integer> tickerIndex, DoubleColumn[] close,
            DoubleColumn[] adjClose, DoubleColumn[] volume, List<LocalDate> dates) {
        this.allDates = allDates;
        this.tickers = tickers;
        this.tickerIndex = tickerIndex;
        this.close = close;
        this.adjClose = adjClose;
        this.volume = volume;
        this.dates = dates;
        this.days = dates.size();
    }

    /**
     * Builds a history from arrays indexed {@code [ticker][day]}. Dates must be strictly increasing; prices
     * positive and finite; volumes finite and non-negative. Arrays are copied.
     */
    public static PriceHistory of(List<LocalDate> dates, List<String> tickers, double[][] close, double[][] adjClose,
            double[][] volume) {
        List<LocalDate> ds = checkDates(dates);
        List<String> ts = checkTickers(tickers);
        checkShape(close, "close", ts, ds);
        checkShape(adjClose, "adjClose", ts, ds);
        checkShape(volume, "volume", ts, ds);
        int k = ts.size();
        DoubleColumn[] c = new DoubleColumn[k];
        DoubleColumn[] a = new DoubleColumn[k];
        DoubleColumn[] v = new DoubleColumn[k];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < k; i++) {
            String t = ts.get(i);
            checkPrices(close[i], "close", t, ds);
            checkPrices(adjClose[i], "adjClose", t, ds);
            checkVolumes(volume[i], t, ds);
            c[i] = DoubleColumn.create(t + ".close", close[i].clone());
            a[i] = DoubleColumn.create(t + ".adj_close", adjClose[i].clone());
            v[i] = DoubleColumn.create(t + ".volume", volume[i].clone());
            index.put(t, i);
        }
        return new PriceHistory(ds, ts, Map.copyOf(index), c, a, v, ds);
    }

    /** Trading dates visible in this history, ascending. */
    public List<LocalDate> dates() {
        return dates;
    }

    /** Tickers in construction order. */
    public List<String> tickers() {
        return tickers;
    }

    /** Number of visible days. */
    public int size() {
        return days;
    }

    /** Day index of the date, or -1 if it is not a (visible) trading day. */
    public int indexOf(LocalDate date) {
        int i = Collections.binarySearch(dates, requireDate(date));
        return i >= 0 ? i : -1;
    }

    /** Index of the last visible trading day on or before the date, or -1 if the date precedes the first day. */
    public int indexOnOrBefore(LocalDate date) {
        int i = Collections.binarySearch(dates, requireDate(date));
        return i >= 0 ? i : -i - 2;
    }

    /** Close (split-adjusted, as traded) of the ticker on the day. */
    public double close(String ticker, int day) {
        return close[column(ticker)].getDouble(checkDay(day));
    }

    /** Adjusted close (splits and dividends) of the ticker on the day. */
    public double adjClose(String ticker, int day) {
        return adjClose[column(ticker)].getDouble(checkDay(day));
    }

    /** Shares traded on the day. */
    public double volume(String ticker, int day) {
        return volume[column(ticker)].getDouble(checkDay(day));
    }

    /**
     * The last {@code lookback} simple adj-close returns ending at {@code endDayInclusive} (the return of a
     * day is relative to the previous day); fewer when the history starts later.
     */
    public double[] adjCloseReturns(String ticker, int endDayInclusive, int lookback) {
        DoubleColumn col = adjClose[column(ticker)];
        checkDay(endDayInclusive);
        if (lookback < 0) {
            throw new IllegalArgumentException("lookback = " + lookback + " must not be negative");
        }
        int start = Math.max(1, endDayInclusive - lookback + 1);
        int n = Math.max(0, endDayInclusive - start + 1);
        double[] r = new double[n];
        double prev = col.getDouble(start - 1);
        for (int i = 0; i < n; i++) {
            double p = col.getDouble(start + i);
            r[i] = p / prev - 1;
            prev = p;
        }
        return r;
    }

    /** A view of days 0..dayInclusive; later days are invisible to it and to anything derived from it. */
    public PriceHistory upTo(int dayInclusive) {
        checkDay(dayInclusive);
        return new PriceHistory(allDates, tickers, tickerIndex, close, adjClose, volume, dates.subList(0, dayInclusive + 1));
    }

    /**
     * The columns as one table (all days, also those a view cannot see); package-private so Tablesaw stays
     * inside. Built on demand: the first {@code Table} of a process costs about a second, because Tablesaw's
     * static initialiser scans the whole class path for readers and writers.
     */
    Table table() {
        Table table = Table.create("prices").addColumns(DateColumn.create("date", allDates));
        for (int i = 0; i < tickers.size(); i++) {
            table.addColumns(close[i], adjClose[i], volume[i]);
        }
        return table;
    }

    @Override
    public String toString() {
        String span = days == 0 ? "no days" : dates.get(0) + ".." + dates.get(days - 1);
        return "PriceHistory[" + tickers.size() + " tickers " + tickers + " x " + days + " days, " + span + "]";
    }

    private int column(String ticker) {
        Integer i = tickerIndex.get(ticker);
        if (i == null) {
            throw new IllegalArgumentException("unknown ticker '" + ticker + "'; known: " + tickers);
        }
        return i;
    }

    private int checkDay(int day) {
        if (day < 0 || day >= days) {
            String last = days == 0 ? "none" : (days - 1) + " (" + dates.get(days - 1) + ")";
            throw new IndexOutOfBoundsException("day " + day + " is outside this history; last visible day is " + last);
        }
        return day;
    }

    private static LocalDate requireDate(LocalDate date) {
        if (date == null) {
            throw new IllegalArgumentException("date must not be null");
        }
        return date;
    }

    private static List<LocalDate> checkDates(List<LocalDate> dates) {
        if (dates == null) {
            throw new IllegalArgumentException("dates must not be null");
        }
        List<LocalDate> copy = new ArrayList<>(dates.size());
        for (int i = 0; i < dates.size(); i++) {
            LocalDate d = dates.get(i);
            if (d == null) {
                throw new IllegalArgumentException("dates[" + i + "] is null");
            }
            if (i > 0 && !d.isAfter(copy.get(i - 1))) {
                throw new IllegalArgumentException("dates must be strictly increasing: dates[" + i + "] = " + d
                        + (d.equals(copy.get(i - 1)) ? " repeats " : " is before ") + "dates[" + (i - 1) + "] = "
                        + copy.get(i - 1));
            }
            copy.add(d);
        }
        return Collections.unmodifiableList(copy);
    }

    private static List<String> checkTickers(List<String> tickers) {
        if (tickers == null || tickers.isEmpty()) {
            throw new IllegalArgumentException("tickers must name at least one ticker, got " + tickers);
        }
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < tickers.size(); i++) {
            String t = Checks.text(tickers.get(i), "tickers[" + i + "]");
            String previous = seen.put(t.toUpperCase(Locale.ROOT), t);
            if (previous != null) {
                throw new IllegalArgumentException("ticker '" + t + "' is listed twice (as '" + previous + "')");
            }
        }
        return List.copyOf(tickers);
    }

    private static void checkShape(double[][] values, String name, List<String> tickers, List<LocalDate> dates) {
        if (values == null || values.length != tickers.size()) {
            throw new IllegalArgumentException(name + " must have one row per ticker (" + tickers.size() + "), got "
                    + (values == null ? "null" : values.length + " rows"));
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || values[i].length != dates.size()) {
                throw new IllegalArgumentException(name + " row of " + tickers.get(i) + " must have " + dates.size()
                        + " values (one per date), got " + (values[i] == null ? "null" : values[i].length));
            }
        }
    }

    private static void checkPrices(double[] p, String name, String ticker, List<LocalDate> dates) {
        for (int d = 0; d < p.length; d++) {
            if (!(p[d] > 0) || Double.isInfinite(p[d])) {
                throw new IllegalArgumentException(name + " of " + ticker + " on " + dates.get(d) + " is " + p[d]
                        + "; prices must be positive and finite");
            }
        }
    }

    private static void checkVolumes(double[] v, String ticker, List<LocalDate> dates) {
        for (int d = 0; d < v.length; d++) {
            if (!(v[d] >= 0) || Double.isInfinite(v[d])) {
                throw new IllegalArgumentException("volume of " + ticker + " on " + dates.get(d) + " is " + v[d]
                        + "; volumes must be finite and non-negative");
            }
        }
    }
}
