package io.rebalancer.store.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.rebalancer.domain.Checks;
import io.rebalancer.store.StoreException;
import io.rebalancer.store.ThresholdState;
import io.rebalancer.store.ThresholdStateStore;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Collection {@code threshold_state}: one document per (portfolio_id, run_id), {@code _id} = {@link #id} of that
 * pair (so a replacement finds its document through the {@code _id} index instead of scanning the embedded
 * collection: stores of layout 3 and earlier, keyed by an ObjectId and a unique index on the pair, are migrated by
 * {@link #migrateToIdKeys}); for the live state (run_id null) the latest-dated one. Collection {@code threshold_history}: every live state by day,
 * {@code _id} = portfolio id + "|" + day, so the lookup of an earlier day needs no secondary index. Stores written
 * before the history existed have only the current document, which still answers for days after it.
 */
final class MongoThresholdStateStore implements ThresholdStateStore {
    private final MongoCollection<Document> states;
    private final MongoCollection<Document> history;

    MongoThresholdStateStore(MongoCollection<Document> states, MongoCollection<Document> history) {
        this.states = states;
        this.history = history;
    }

    @Override
    public Optional<ThresholdState> load(String portfolioId, String runId) {
        Checks.notBlank("portfolio id", portfolioId);
        Document doc = Docs.guard("loading threshold state of " + portfolioId,
                () -> states.find(key(portfolioId, runId)).first());
        return Optional.ofNullable(doc).map(MongoThresholdStateStore::fromDocument);
    }

    @Override
    public Optional<ThresholdState> liveBefore(String portfolioId, LocalDate day) {
        Objects.requireNonNull(day, "day");
        Optional<ThresholdState> current = load(portfolioId, null);
        if (current.isEmpty() || current.get().updatedAsOf().isBefore(day)) {
            return current;
        }
        Document doc = Docs.guard("loading the threshold state of " + portfolioId + " before " + day,
                () -> history.find(and(eq("portfolio_id", portfolioId), lt("updated_as_of", Docs.date(day))))
                        .sort(Sorts.descending("updated_as_of")).limit(1).first());
        return Optional.ofNullable(doc).map(MongoThresholdStateStore::fromDocument);
    }

    @Override
    public void save(ThresholdState s) {
        Objects.requireNonNull(s, "threshold state");
        Document doc = document(s);
        Docs.guardRun("saving threshold state of " + s.portfolioId(), () -> {
            if (s.runId() != null) {
                states.replaceOne(key(s.portfolioId(), s.runId()), withId(doc, s),
                        new ReplaceOptions().upsert(true));
                return;
            }
            String id = s.portfolioId() + "|" + s.updatedAsOf();
            history.replaceOne(eq("_id", id), new Document(doc).append("_id", id), new ReplaceOptions().upsert(true));
            Document current = states.find(key(s.portfolioId(), null)).first();
            LocalDate currentDay = current == null ? null : Docs.date(current, "updated_as_of");
            if (currentDay == null || !s.updatedAsOf().isBefore(currentDay)) {
                states.replaceOne(key(s.portfolioId(), null), withId(doc, s), new ReplaceOptions().upsert(true));
            }
        });
    }

    @Override
    public java.util.Map<String, ThresholdState> liveBeforeAll(java.util.Collection<String> portfolioIds, LocalDate day) {
        Objects.requireNonNull(day, "day");
        java.util.Set<String> wanted = new java.util.HashSet<>(portfolioIds);
        java.util.Map<String, ThresholdState> out = new java.util.HashMap<>();
        java.util.List<String> older = new java.util.ArrayList<>();
        Docs.guardRun("loading the live threshold states", () -> states.find(eq("run_id", null)).forEach(d -> {
            ThresholdState s = fromDocument(d);
            if (wanted.contains(s.portfolioId())) {
                if (s.updatedAsOf().isBefore(day)) {
                    out.put(s.portfolioId(), s);
                } else {
                    older.add(s.portfolioId()); // a day at or before the latest cycle: from the history
                }
            }
        }));
        for (String id : older) {
            liveBefore(id, day).ifPresent(s -> out.put(id, s));
        }
        return out;
    }

    @Override
    public void saveAll(java.util.List<ThresholdState> all) {
        java.util.List<ThresholdState> live = new java.util.ArrayList<>();
        for (ThresholdState s : all) {
            if (s.runId() == null) {
                live.add(s);
            } else {
                save(s);
            }
        }
        if (live.isEmpty()) {
            return;
        }
        java.util.List<Document> past = new java.util.ArrayList<>();
        java.util.Map<String, ThresholdState> latest = new java.util.HashMap<>();
        for (ThresholdState s : live) {
            String id = s.portfolioId() + "|" + s.updatedAsOf();
            past.add(document(s).append("_id", id));
            latest.merge(s.portfolioId(), s, (a, b) -> b.updatedAsOf().isBefore(a.updatedAsOf()) ? a : b);
        }
        Docs.guardRun("saving " + live.size() + " threshold states", () -> {
            // inserts, with the few days already stored replaced one by one (an upsert each scans the embedded store)
            try {
                history.insertMany(past, new com.mongodb.client.model.InsertManyOptions().ordered(false));
            } catch (com.mongodb.MongoBulkWriteException e) {
                for (com.mongodb.bulk.BulkWriteError error : e.getWriteErrors()) {
                    if (error.getCategory() != com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    Document d = past.get(error.getIndex());
                    history.replaceOne(eq("_id", d.get("_id")), d, new ReplaceOptions().upsert(true));
                }
            }
            java.util.Map<String, LocalDate> currentDay = new java.util.HashMap<>();
            java.util.List<String> ids = latest.keySet().stream().map(p -> id(p, null)).toList();
            states.find(com.mongodb.client.model.Filters.in("_id", ids))
                    .projection(new Document("portfolio_id", 1).append("updated_as_of", 1))
                    .forEach(d -> currentDay.put(d.getString("portfolio_id"), Docs.date(d, "updated_as_of")));
            java.util.List<com.mongodb.client.model.WriteModel<Document>> now = new java.util.ArrayList<>();
            java.util.List<Document> first = new java.util.ArrayList<>();
            for (ThresholdState s : latest.values()) {
                LocalDate day = currentDay.get(s.portfolioId());
                if (day == null) {
                    first.add(withId(document(s), s));
                } else if (!s.updatedAsOf().isBefore(day)) {
                    now.add(new com.mongodb.client.model.ReplaceOneModel<>(key(s.portfolioId(), null),
                            withId(document(s), s),
                            new ReplaceOptions().upsert(true)));
                }
            }
            if (!first.isEmpty()) {
                states.insertMany(first, new com.mongodb.client.model.InsertManyOptions().ordered(false));
            }
            if (!now.isEmpty()) {
                states.bulkWrite(now, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
            }
        });
    }

    private static Document document(ThresholdState s) {
        return new Document("portfolio_id", s.portfolioId()).append("run_id", s.runId())
                .append("persistent_offset", s.persistentOffset())
                .append("temporary_offset", s.temporaryOffset())
                .append("temporary_until", Docs.date(s.temporaryUntil()))
                .append("last_regime", s.lastRegime())
                .append("last_rebalance", Docs.date(s.lastRebalance()))
                .append("updated_as_of", Docs.date(s.updatedAsOf()))
                .append("last_cycle_id", s.lastCycleId());
    }

    /**
     * The {@code _id} of a state: {@code live|PORTFOLIO} for the live one, {@code run|LENGTH|RUN|PORTFOLIO} for a
     * backtest's (the run id's length keeps a run id or portfolio id holding '|' from meeting another pair's key).
     */
    static String id(String portfolioId, String runId) {
        return runId == null ? "live|" + portfolioId : "run|" + runId.length() + "|" + runId + "|" + portfolioId;
    }

    private static Bson key(String portfolioId, String runId) {
        return eq("_id", id(portfolioId, runId));
    }

    private static Document withId(Document doc, ThresholdState s) {
        Document out = new Document("_id", id(s.portfolioId(), s.runId()));
        out.putAll(doc);
        return out;
    }

    /**
     * Layout 3 and earlier kept each state under an ObjectId with a unique index on (portfolio_id, run_id), which the
     * embedded backend cannot use for a filter on the pair: every replacement scanned the collection. Gives each
     * document its {@link #id} (copies first, then the old documents removed, so a process killed half-way leaves
     * both, and the next open, which runs this again because the layout version is written last, finishes it) and
     * drops the old index, which the unique {@code _id} now implies.
     */
    static void migrateToIdKeys(MongoCollection<Document> states) {
        java.util.List<Document> copies = new java.util.ArrayList<>();
        java.util.List<Object> old = new java.util.ArrayList<>();
        states.find().forEach(d -> {
            String id = id(d.getString("portfolio_id"), d.getString("run_id"));
            if (!id.equals(d.get("_id"))) {
                old.add(d.get("_id"));
                Document copy = new Document("_id", id);
                d.forEach((k, v) -> {
                    if (!"_id".equals(k)) {
                        copy.append(k, v);
                    }
                });
                copies.add(copy);
            }
        });
        java.util.List<String> pairIndexes = new java.util.ArrayList<>();
        states.listIndexes().forEach(ix -> {
            Document keys = ix.get("key", Document.class);
            if (keys != null && keys.keySet().equals(java.util.Set.of("portfolio_id", "run_id"))) {
                pairIndexes.add(ix.getString("name"));
            }
        });
        pairIndexes.forEach(states::dropIndex);
        if (copies.isEmpty()) {
            return;
        }
        try {
            states.insertMany(copies, new com.mongodb.client.model.InsertManyOptions().ordered(false));
        } catch (com.mongodb.MongoBulkWriteException e) {
            for (com.mongodb.bulk.BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                    throw e; // a copy already made by a migration cut short is kept
                }
            }
        }
        states.deleteMany(com.mongodb.client.model.Filters.in("_id", old));
    }

    private static ThresholdState fromDocument(Document d) {
        try {
            return new ThresholdState(d.getString("portfolio_id"), d.getString("run_id"),
                    Docs.number(d, "persistent_offset"), Docs.number(d, "temporary_offset"),
                    Docs.date(d, "temporary_until"), d.getString("last_regime"), Docs.date(d, "last_rebalance"),
                    Docs.date(d, "updated_as_of"), d.getString("last_cycle_id"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StoreException("stored threshold state of " + d.get("portfolio_id") + " is invalid: "
                    + e.getMessage(), e);
        }
    }
}
