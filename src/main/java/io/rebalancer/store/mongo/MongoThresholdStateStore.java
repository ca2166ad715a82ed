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
 * Collection {@code threshold_state}: one document per (portfolio_id, run_id), unique on that pair; for the live
 * state (run_id null) the latest-dated one. Collection {@code threshold_history}: every live state by day,
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
                states.replaceOne(key(s.portfolioId(), s.runId()), doc,
                        new ReplaceOptions().upsert(true));
                return;
            }
            String id = s.portfolioId() + "|" + s.updatedAsOf();
            history.replaceOne(eq("_id", id), new Document(doc).append("_id", id), new ReplaceOptions().upsert(true));
            Document current = states.find(key(s.portfolioId(), null)).first();
            LocalDate currentDay = current == null ? null : Docs.date(current, "updated_as_of");
            if (currentDay == null || !s.updatedAsOf().isBefore(currentDay)) {
                states.replaceOne(key(s.portfolioId(), null), doc, new ReplaceOptions().upsert(true));
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
        java.util.List<com.mongodb.client.model.WriteModel<Document>> past = new java.util.ArrayList<>();
        java.util.Map<String, ThresholdState> latest = new java.util.HashMap<>();
        for (ThresholdState s : live) {
            String id = s.portfolioId() + "|" + s.updatedAsOf();
            past.add(new com.mongodb.client.model.ReplaceOneModel<>(eq("_id", id), document(s).append("_id", id),
                    new ReplaceOptions().upsert(true)));
            latest.merge(s.portfolioId(), s, (a, b) -> b.updatedAsOf().isBefore(a.updatedAsOf()) ? a : b);
        }
        Docs.guardRun("saving " + live.size() + " threshold states", () -> {
            history.bulkWrite(past, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
            java.util.Map<String, LocalDate> currentDay = new java.util.HashMap<>();
            states.find(and(eq("run_id", null), com.mongodb.client.model.Filters.in("portfolio_id", latest.keySet())))
                    .projection(new Document("portfolio_id", 1).append("updated_as_of", 1))
                    .forEach(d -> currentDay.put(d.getString("portfolio_id"), Docs.date(d, "updated_as_of")));
            java.util.List<com.mongodb.client.model.WriteModel<Document>> now = new java.util.ArrayList<>();
            for (ThresholdState s : latest.values()) {
                LocalDate day = currentDay.get(s.portfolioId());
                if (day == null || !s.updatedAsOf().isBefore(day)) {
                    now.add(new com.mongodb.client.model.ReplaceOneModel<>(key(s.portfolioId(), null), document(s),
                            new ReplaceOptions().upsert(true)));
                }
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

    private static Bson key(String portfolioId, String runId) {
        return and(eq("portfolio_id", portfolioId), eq("run_id", runId));
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
