package io.rebalancer.store.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;

/**
 * Prices are stored one document per ticker and calendar year ({@code _id "AAPL:2015"}, unique on
 * (ticker, year)) holding parallel arrays {@code dates, open, high, low, close, adj_close, volume} sorted by
 * date; (ticker, date) is unique because a year document holds each date once. Reading ten years of 13
 * tickers is 130 documents instead of 33,000. Collection {@code price_tickers} keeps each ticker's first and
 * last date ({@code _id} = ticker), written after the year documents, so {@link #latestDate()} reads 13 small
 * documents. Market days are stored by {@link MongoMarketDays}.
 */
final class MongoPriceStore implements PriceStore {
    private static final String[] PRICE_FIELDS = {"open", "high", "low", "close", "adj_close"};

    /** What {@link #history} reads: no open/high/low. */
    private static final Document HISTORY_FIELDS = new Document("ticker", 1).append("year", 1).append("dates", 1)
            .append("close", 1).append("adj_close", 1).append("volume", 1);

    private final MongoCollection<Document> prices;
    private final MongoMarketDays market;
    private final MongoCollection<Document> tickers;

    MongoPriceStore(MongoCollection<Document> prices, MongoCollection<Document> market,
            MongoCollection<Document> tickers) {
        this.prices = prices;
        this.market = new MongoMarketDays(market);
        this.tickers = tickers;
    }

    static String bucketId(Ticker ticker, int year) {
        return ticker.symbol() + ":" + year;
    }

    @Override
    public void saveBars(List<PriceBar> bars) {
        Objects.requireNonNull(bars, "bars");
        // 1. validate the whole batch before touching the store
        Map<String, TreeMap<LocalDate, PriceBar>> byBucket = new LinkedHashMap<>();
        for (int i = 0; i < bars.size(); i++) {
            PriceBar bar = bars.get(i);
            if (bar == null) {
                throw new StoreException("bars[" + i + "] is null; nothing was saved");
            }
            TreeMap<LocalDate, PriceBar> bucket = byBucket.computeIfAbsent(
                    bucketId(bar.ticker(), bar.date().getYear()), k -> new TreeMap<>());
            PriceBar previous = bucket.put(bar.date(), bar);
            if (previous != null && !previous.equals(bar)) {
                throw new StoreException("the batch holds two different bars for " + bar.ticker() + " on "
                        + bar.date() + " (close " + previous.close() + " and " + bar.close() + "); nothing was saved");
            }
        }
        if (byBucket.isEmpty()) {
            return;
        }
        // 2. merge with what is stored (new values win), then upsert each year document
        Docs.guardRun("saving " + bars.size() + " price bars", () -> {
            Map<String, Document> stored = new HashMap<>();
            prices.find(in("_id", new ArrayList<>(byBucket.keySet()))).forEach(d -> stored.put(d.getString("_id"), d));
            List<WriteModel<Document>> writes = new ArrayList<>();
            for (Map.Entry<String, TreeMap<LocalDate, PriceBar>> e : byBucket.entrySet()) {
                TreeMap<LocalDate, PriceBar> merged = new TreeMap<>();
                Document old = stored.get(e.getKey());
                if (old != null) {
                    merged.putAll(decode(old));
                }
                merged.putAll(e.getValue());
                PriceBar first = merged.firstEntry().getValue();
                writes.add(new ReplaceOneModel<>(eq("_id", e.getKey()),
                        encode(e.getKey(), first.ticker(), first.date().getYear(), merged.values()),
                        new ReplaceOptions().upsert(true)));
            }
            prices.bulkWrite(writes);
            updateTickerSummaries(bars);
        });
    }

    /** Rebuilds {@code price_tickers} from the year documents if it is empty (stores written before it existed). */
    void rebuildTickerSummariesIfMissing() {
        if (tickers.find().first() != null || prices.find().first() == null) {
            return;
        }
        Map<String, String[]> span = new TreeMap<>();
        for (Document d : prices.find().projection(new Document("ticker", 1).append("dates", 1))) {
            List<String> dates = d.getList("dates", String.class);
            if (!dates.isEmpty()) {
                span.merge(d.getString("ticker"), new String[] {dates.get(0), dates.get(dates.size() - 1)}, MongoPriceStore::widen);
            }
        }
        writeSummaries(span);
    }

    private static String[] widen(String[] x, String[] y) {
        return new String[] {x[0].compareTo(y[0]) <= 0 ? x[0] : y[0], x[1].compareTo(y[1]) >= 0 ? x[1] : y[1]};
    }

    /** Widens each ticker's first/last date in {@code price_tickers} to cover the saved bars. */
    private void updateTickerSummaries(List<PriceBar> bars) {
        Map<String, String[]> span = new TreeMap<>();
        for (PriceBar b : bars) {
            String d = b.date().toString();
            span.merge(b.ticker().symbol(), new String[] {d, d}, MongoPriceStore::widen);
        }
        writeSummaries(span);
    }

    private void writeSummaries(Map<String, String[]> span) {
        if (span.isEmpty()) {
            return;
        }
        Map<String, Document> stored = new HashMap<>();
        tickers.find(in("_id", new ArrayList<>(span.keySet()))).forEach(d -> stored.put(d.getString("_id"), d));
        List<WriteModel<Document>> writes = new ArrayList<>();
        span.forEach((symbol, fl) -> {
            Document old = stored.get(symbol);
            String[] both = old == null ? fl : widen(fl, new String[] {old.getString("first_date"), old.getString("last_date")});
            writes.add(new ReplaceOneModel<>(eq("_id", symbol), new Document("_id", symbol)
                    .append("first_date", both[0]).append("last_date", both[1]), new ReplaceOptions().upsert(true)));
        });
        tickers.bulkWrite(writes);
    }

    private static Document encode(String id, Ticker ticker, int year, Collection<PriceBar> bars) {
        List<String> dates = new ArrayList<>(bars.size());
        List<List<Double>> columns = new ArrayList<>();
        for (int f = 0; f < PRICE_FIELDS.length; f++) {
            columns.add(new ArrayList<>(bars.size()));
        }
        List<Long> volume = new ArrayList<>(bars.size());
        for (PriceBar b : bars) {
            dates.add(b.date().toString());
            columns.get(0).add(b.open());
            columns.get(1).add(b.high());
            columns.get(2).add(b.low());
            columns.get(3).add(b.close());
            columns.get(4).add(b.adjClose());
            volume.add(b.volume());
        }
        Document doc = new Document("_id", id).append("ticker", ticker.symbol()).append("year", year)
                .append("dates", dates);
        for (int f = 0; f < PRICE_FIELDS.length; f++) {
            doc.append(PRICE_FIELDS[f], columns.get(f));
        }
        return doc.append("volume", volume);
    }

    /** One year document decoded to validated bars. */
    private static TreeMap<LocalDate, PriceBar> decode(Document doc) {
        Bucket b = Bucket.of(doc);
        TreeMap<LocalDate, PriceBar> out = new TreeMap<>();
        for (int i = 0; i < b.dates.size(); i++) {
            out.put(b.date(i), b.bar(i));
        }
        return out;
    }

    @Override
    public void saveMarketDays(List<MarketDay> days) {
        market.save(days);
    }

    @Override
    public Optional<LocalDate> latestDate() {
        return Docs.guard("reading the latest price date", () -> {
            String latest = null;
            for (Document d : tickers.find()) {
                String last = d.getString("last_date");
                if (last != null && (latest == null || last.compareTo(latest) > 0)) {
                    latest = last;
                }
            }
            return Optional.ofNullable(latest).map(LocalDate::parse);
        });
    }

    @Override
    public List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        checkRange(from, to);
        return Docs.guard("reading trading days " + from + ".." + to, () -> {
            TreeSet<String> days = new TreeSet<>();
            String lo = from.toString();
            String hi = to.toString();
            for (Document d : prices.find(and(gte("year", from.getYear()), lte("year", to.getYear())))
                    .projection(new Document("dates", 1))) {
                for (String s : d.getList("dates", String.class)) {
                    if (s.compareTo(lo) >= 0 && s.compareTo(hi) <= 0) {
                        days.add(s);
                    }
                }
            }
            return days.stream().map(LocalDate::parse).toList();
        });
    }

    @Override
    public Map<Ticker, PriceBar> bars(Collection<Ticker> tickers, LocalDate date) {
        Objects.requireNonNull(tickers, "tickers");
        Objects.requireNonNull(date, "date");
        List<String> ids = tickers.stream().map(t -> bucketId(Objects.requireNonNull(t, "ticker"), date.getYear()))
                .distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Docs.guard("reading bars on " + date, () -> {
            Map<Ticker, PriceBar> out = new TreeMap<>();
            for (Document d : prices.find(in("_id", ids))) {
                Bucket b = Bucket.of(d);
                int i = b.indexOf(date);
                if (i >= 0) {
                    out.put(b.ticker, b.bar(i));
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
        Set<Ticker> unique = new LinkedHashSet<>(tickers);
        if (unique.size() != tickers.size()) {
            throw new StoreException("history lists a ticker twice: " + tickers);
        }
        List<String> symbols = tickers.stream().map(Ticker::symbol).toList();
        List<String> ids = new ArrayList<>();
        for (Ticker t : tickers) {
            for (int year = from.getYear(); year <= to.getYear(); year++) {
                ids.add(bucketId(t, year));
            }
        }
        Map<String, TreeMap<Integer, Bucket>> buckets = new HashMap<>();
        Docs.guardRun("reading price history " + from + ".." + to, () -> {
            for (Document d : prices.find(in("_id", ids)).projection(HISTORY_FIELDS)) {
                Bucket b = Bucket.of(d);
                buckets.computeIfAbsent(b.ticker.symbol(), k -> new TreeMap<>()).put(d.getInteger("year"), b);
            }
        });
        String lo = from.toString();
        String hi = to.toString();
        // each ticker's days in range, in date order (year buckets ascending, dates sorted inside each)
        int k = symbols.size();
        List<List<Bucket>> owners = new ArrayList<>(k);
        List<int[]> positions = new ArrayList<>(k);
        TreeSet<String> union = new TreeSet<>();
        for (String symbol : symbols) {
            List<Bucket> owner = new ArrayList<>();
            int[] pos = new int[0];
            int n = 0;
            for (Bucket b : buckets.getOrDefault(symbol, new TreeMap<>()).values()) {
                for (int i = 0; i < b.dates.size(); i++) {
                    String s = b.dates.get(i);
                    if (s.compareTo(lo) >= 0 && s.compareTo(hi) <= 0) {
                        if (n == pos.length) {
                            pos = java.util.Arrays.copyOf(pos, Math.max(16, n * 2));
                        }
                        owner.add(b);
                        pos[n++] = i;
                        union.add(s);
                    }
                }
            }
            if (n == 0) {
                throw new StoreException("no prices stored for " + symbol + " between " + from + " and " + to);
            }
            owners.add(owner);
            positions.add(java.util.Arrays.copyOf(pos, n));
        }
        int days = union.size();
        double[][] close = new double[k][days];
        double[][] adj = new double[k][days];
        double[][] vol = new double[k][days];
        List<LocalDate> dates = new ArrayList<>(days);
        int[] cursor = new int[k];
        int day = 0;
        for (String s : union) {
            dates.add(LocalDate.parse(s));
            for (int t = 0; t < k; t++) {
                int c = cursor[t];
                Bucket b = c < positions.get(t).length ? owners.get(t).get(c) : null;
                int i = b == null ? -1 : positions.get(t)[c];
                if (b == null || !b.dates.get(i).equals(s)) {
                    throw new StoreException("price history " + from + ".." + to + ": " + symbols.get(t)
                            + " has no price on " + s + ", which other tickers have (first missing date)");
                }
                close[t][day] = b.number("close", i);
                adj[t][day] = b.number("adj_close", i);
                vol[t][day] = b.number("volume", i);
                cursor[t] = c + 1;
            }
            day++;
        }
        try {
            return PriceHistory.of(dates, symbols, close, adj, vol);
        } catch (IllegalArgumentException e) {
            throw new StoreException("stored prices are invalid: " + e.getMessage(), e);
        }
    }

    @Override
    public List<MarketDay> marketDays(LocalDate from, LocalDate to) {
        checkRange(from, to);
        return market.range(from, to);
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new StoreException("date range " + from + ".." + to + " is empty: from is after to");
        }
    }

    /** A decoded year document (arrays kept as the driver returns them). */
    private static final class Bucket {
        final String id;
        final Ticker ticker;
        final List<String> dates;
        final Map<String, List<?>> columns = new HashMap<>();

        private Bucket(Document d) {
            id = d.getString("_id");
            ticker = Ticker.of(d.getString("ticker"));
            dates = d.getList("dates", String.class);
            for (String f : PRICE_FIELDS) {
                if (d.containsKey(f)) {
                    columns.put(f, column(d, f));
                }
            }
            if (d.containsKey("volume")) {
                columns.put("volume", column(d, "volume"));
            }
        }

        static Bucket of(Document d) {
            try {
                return new Bucket(d);
            } catch (RuntimeException e) {
                throw new StoreException("stored price document " + d.get("_id") + " is malformed: " + e.getMessage(), e);
            }
        }

        private List<?> column(Document d, String field) {
            List<?> list = d.getList(field, Object.class);
            if (list == null || list.size() != dates.size()) {
                throw new StoreException("stored price document " + id + " has " + (list == null ? "no" : list.size())
                        + " '" + field + "' values for " + dates.size() + " dates");
            }
            return list;
        }

        int indexOf(LocalDate date) {
            int i = java.util.Collections.binarySearch(dates, date.toString());
            return i >= 0 ? i : -1;
        }

        LocalDate date(int i) {
            return LocalDate.parse(dates.get(i));
        }

        double number(String field, int i) {
            List<?> column = columns.get(field);
            if (column == null) {
                throw new StoreException("stored price document " + id + " has no '" + field + "' values");
            }
            Object v = column.get(i);
            if (!(v instanceof Number n)) {
                throw new StoreException("stored price document " + id + ": '" + field + "' on " + dates.get(i)
                        + " is '" + v + "', not a number");
            }
            return n.doubleValue();
        }

        PriceBar bar(int i) {
            try {
                return new PriceBar(ticker, date(i), number("open", i), number("high", i), number("low", i),
                        number("close", i), number("adj_close", i), (long) number("volume", i));
            } catch (IllegalArgumentException e) {
                throw new StoreException("stored price is invalid: " + e.getMessage(), e);
            }
        }
    }
}
