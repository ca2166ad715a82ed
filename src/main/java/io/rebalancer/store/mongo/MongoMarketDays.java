package io.rebalancer.store.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import io.rebalancer.domain.MarketDay;
import io.rebalancer.store.StoreException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.bson.Document;

/**
 * Collection {@code market}: one document per calendar year ({@code _id} = year, unique on {@code year}) with
 * parallel arrays {@code dates, vix, rf_daily} sorted by date, so a date appears at most once. Upserting 3,425
 * one-day documents into the embedded H2 backend took 2-12 s; 14 year documents take milliseconds.
 */
final class MongoMarketDays {
    private final MongoCollection<Document> market;

    MongoMarketDays(MongoCollection<Document> market) {
        this.market = market;
    }

    /**
     * Converts a collection written by the first version of this adapter (one document per date, with a unique
     * index on {@code date}) to year documents. Runs before the indexes are ensured; does nothing otherwise.
     */
    static void migrateOneDocumentPerDate(MongoCollection<Document> market) {
        if (market.find(exists("year", false)).first() == null) {
            return;
        }
        List<MarketDay> days = new ArrayList<>();
        for (Document d : market.find(exists("year", false))) {
            days.add(new MarketDay(Docs.date(d, "date"), Docs.number(d, "vix"), Docs.number(d, "rf_daily")));
        }
        List<Document> years = new ArrayList<>();
        market.find(exists("year", true)).into(years);
        market.drop();
        if (!years.isEmpty()) {
            market.insertMany(years);
        }
        new MongoMarketDays(market).save(days);
    }

    void save(List<MarketDay> days) {
        Objects.requireNonNull(days, "days");
        Map<Integer, TreeMap<LocalDate, MarketDay>> byYear = new TreeMap<>();
        for (int i = 0; i < days.size(); i++) {
            MarketDay day = days.get(i);
            if (day == null) {
                throw new StoreException("days[" + i + "] is null; nothing was saved");
            }
            MarketDay previous = byYear.computeIfAbsent(day.date().getYear(), y -> new TreeMap<>()).put(day.date(), day);
            if (previous != null && !previous.equals(day)) {
                throw new StoreException("the batch holds two different market days for " + day.date()
                        + "; nothing was saved");
            }
        }
        if (byYear.isEmpty()) {
            return;
        }
        Docs.guardRun("saving " + days.size() + " market days", () -> {
            Map<Integer, Document> stored = new HashMap<>();
            market.find(in("_id", new ArrayList<>(byYear.keySet()))).forEach(d -> stored.put(d.getInteger("_id"), d));
            List<WriteModel<Document>> writes = new ArrayList<>();
            byYear.forEach((year, batch) -> {
                TreeMap<LocalDate, MarketDay> merged = new TreeMap<>();
                Document old = stored.get(year);
                if (old != null) {
                    decode(old).forEach(d -> merged.put(d.date(), d));
                }
                merged.putAll(batch);
                writes.add(new ReplaceOneModel<>(eq("_id", year), encode(year, merged.values()),
                        new ReplaceOptions().upsert(true)));
            });
            market.bulkWrite(writes);
        });
    }

    List<MarketDay> range(LocalDate from, LocalDate to) {
        return Docs.guard("reading market days " + from + ".." + to, () -> {
            List<MarketDay> out = new ArrayList<>();
            for (Document d : market.find(and(gte("year", from.getYear()), lte("year", to.getYear())))
                    .sort(Sorts.ascending("year"))) {
                for (MarketDay day : decode(d)) {
                    if (!day.date().isBefore(from) && !day.date().isAfter(to)) {
                        out.add(day);
                    }
                }
            }
            return out;
        });
    }

    private static Document encode(int year, Iterable<MarketDay> days) {
        List<String> dates = new ArrayList<>();
        List<Double> vix = new ArrayList<>();
        List<Double> rf = new ArrayList<>();
        for (MarketDay d : days) {
            dates.add(d.date().toString());
            vix.add(d.vix());
            rf.add(d.rfDaily());
        }
        return new Document("_id", year).append("year", year).append("dates", dates).append("vix", vix)
                .append("rf_daily", rf);
    }

    private static List<MarketDay> decode(Document d) {
        try {
            List<String> dates = d.getList("dates", String.class);
            List<?> vix = d.getList("vix", Object.class);
            List<?> rf = d.getList("rf_daily", Object.class);
            if (vix.size() != dates.size() || rf.size() != dates.size()) {
                throw new StoreException("stored market document " + d.get("_id") + " has " + dates.size() + " dates, "
                        + vix.size() + " vix and " + rf.size() + " rf_daily values");
            }
            List<MarketDay> out = new ArrayList<>(dates.size());
            for (int i = 0; i < dates.size(); i++) {
                out.add(new MarketDay(LocalDate.parse(dates.get(i)), ((Number) vix.get(i)).doubleValue(),
                        ((Number) rf.get(i)).doubleValue()));
            }
            return out;
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException("stored market document " + d.get("_id") + " is malformed: " + e.getMessage(), e);
        }
    }
}
