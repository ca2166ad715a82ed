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
        Document doc = new Document("portfolio_id", s.portfolioId()).append("run_id", s.runId())
                .append("persistent_offset", s.persistentOffset())
                .append("temporary_offset", s.temporaryOffset())
                .append("temporary_until", Docs.date(s.temporaryUntil()))
                .append("last_regime", s.lastRegime())
                .append("last_rebalance", Docs.date(s.lastRebalance()))
                .append("updated_as_of", Docs.date(s.updatedAsOf()))
                .append("last_cycle_id", s.lastCycleId());
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
