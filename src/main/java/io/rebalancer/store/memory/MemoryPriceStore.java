package io.rebalancer.store.memory;

import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.MarketDay;
import io.rebalancer.domain.PriceBar;
import io.rebalancer.domain.Ticker;
import io.rebalancer.store.PriceStore;
import io.rebalancer.store.StoreException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Bars per ticker and market days, each by date. Read far more than written (a batch's workers read in parallel),
 * so reads share a read lock and a save takes the write lock for the whole validated batch.
 */
final class MemoryPriceStore implements PriceStore {
    private final Map<Ticker, TreeMap<LocalDate, PriceBar>> bars = new HashMap<>();
    private final TreeMap<LocalDate, MarketDay> market = new TreeMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    @Override
    public void saveBars(List<PriceBar> batch) {
        Objects.requireNonNull(batch, "bars");
        Map<Ticker, TreeMap<LocalDate, PriceBar>> byTicker = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            PriceBar bar = batch.get(i);
            if (bar == null) {
                throw new StoreException("bars[" + i + "] is null; nothing was saved");
            }
            PriceBar previous = byTicker.computeIfAbsent(bar.ticker(), t -> new TreeMap<>()).put(bar.date(), bar);
            if (previous != null && !previous.equals(bar)) {
                throw new StoreException("the batch holds two different bars for " + bar.ticker() + " on "
                        + bar.date() + " (close " + previous.close() + " and " + bar.close() + "); nothing was saved");
            }
        }
        write(() -> byTicker.forEach((t, days) -> bars.computeIfAbsent(t, k -> new TreeMap<>()).putAll(days)));
    }

    @Override
    public void saveMarketDays(List<MarketDay> days) {
        Objects.requireNonNull(days, "days");
        TreeMap<LocalDate, MarketDay> batch = new TreeMap<>();
        for (int i = 0; i < days.size(); i++) {
            MarketDay day = days.get(i);
            if (day == null) {
                throw new StoreException("days[" + i + "] is null; nothing was saved");
            }
            MarketDay previous = batch.put(day.date(), day);
            if (previous != null && !previous.equals(day)) {
                throw new StoreException("the batch holds two different market days for " + day.date()
                        + "; nothing was saved");
            }
        }
        write(() -> market.putAll(batch));
    }

    @Override
    public Optional<LocalDate> latestDate() {
        return read(() -> bars.values().stream().filter(days -> !days.isEmpty()).map(TreeMap::lastKey)
                .max(LocalDate::compareTo));
    }

    @Override
    public List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        checkRange(from, to);
        return read(() -> {
            TreeSet<LocalDate> days = new TreeSet<>();
            bars.values().forEach(b -> days.addAll(b.subMap(from, true, to, true).keySet()));
            return new ArrayList<>(days);
        });
    }

    @Override
    public Map<Ticker, PriceBar> bars(Collection<Ticker> tickers, LocalDate date) {
        Objects.requireNonNull(tickers, "tickers");
        Objects.requireNonNull(date, "date");
        tickers.forEach(t -> Objects.requireNonNull(t, "ticker"));
        if (tickers.isEmpty()) {
            return Map.of();
        }
        return read(() -> {
            Map<Ticker, PriceBar> out = new TreeMap<>();
            for (Ticker t : tickers) {
                TreeMap<LocalDate, PriceBar> days = bars.get(t);
                PriceBar bar = days == null ? null : days.get(date);
                if (bar != null) {
                    out.put(t, bar);
                }
            }
            return out;
        });
    }

    @Override
    public PriceHistory history(List<Ticker> tickers, LocalDate from, LocalDate to) {
        Objects.requireNonNull(tickers, "tickers");
        checkRange(from, to);
        if (tickers.isEmpty()) {
            throw new StoreException("history needs at least one ticker");
        }
        if (new LinkedHashSet<>(tickers).size() != tickers.size()) {
            throw new StoreException("history lists a ticker twice: " + tickers);
        }
        List<String> symbols = tickers.stream().map(Ticker::symbol).toList();
        List<PriceBar[]> rows = read(() -> {
            List<PriceBar[]> out = new ArrayList<>(tickers.size());
            for (Ticker t : tickers) {
                TreeMap<LocalDate, PriceBar> days = bars.get(t);
                NavigableMap<LocalDate, PriceBar> range = days == null ? new TreeMap<>() : days.subMap(from, true, to, true);
                if (range.isEmpty()) {
                    throw new StoreException("no prices stored for " + t.symbol() + " between " + from + " and " + to);
                }
                out.add(range.values().toArray(PriceBar[]::new));
            }
            return out;
        });
        TreeSet<LocalDate> union = new TreeSet<>();
        rows.forEach(r -> {
            for (PriceBar b : r) {
                union.add(b.date());
            }
        });
        int k = tickers.size();
        int n = union.size();
        double[][] close = new double[k][n];
        double[][] adj = new double[k][n];
        double[][] vol = new double[k][n];
        int day = 0;
        for (LocalDate date : union) {
            for (int t = 0; t < k; t++) {
                PriceBar[] row = rows.get(t);
                // a ticker's bars are in date order, so its day-th bar is this date unless it lacks one
                if (day >= row.length || !row[day].date().equals(date)) {
                    throw new StoreException("price history " + from + ".." + to + ": " + symbols.get(t)
                            + " has no price on " + date + ", which other tickers have (first missing date)");
                }
                close[t][day] = row[day].close();
                adj[t][day] = row[day].adjClose();
                vol[t][day] = row[day].volume();
            }
            day++;
        }
        try {
            return PriceHistory.of(new ArrayList<>(union), symbols, close, adj, vol);
        } catch (IllegalArgumentException e) {
            throw new StoreException("stored prices are invalid: " + e.getMessage(), e);
        }
    }

    @Override
    public List<MarketDay> marketDays(LocalDate from, LocalDate to) {
        checkRange(from, to);
        return read(() -> new ArrayList<>(market.subMap(from, true, to, true).values()));
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new StoreException("date range " + from + ".." + to + " is empty: from is after to");
        }
    }

    private <T> T read(Supplier<T> body) {
        lock.readLock().lock();
        try {
            return body.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void write(Runnable body) {
        lock.writeLock().lock();
        try {
            body.run();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
