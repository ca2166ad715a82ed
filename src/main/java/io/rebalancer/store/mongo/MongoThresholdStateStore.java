package io.rebalancer.store.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import io.rebalancer.domain.Checks;
import io.rebalancer.store.StoreException;
import io.rebalancer.store.ThresholdState;
import io.rebalancer.store.ThresholdStateStore;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Collection {@code threshold_state}: one document per (portfolio_id, run_id), unique on that pair. */
final class MongoThresholdStateStore implements ThresholdStateStore {
    private final MongoCollection<Document> states;

    MongoThresholdStateStore(MongoCollection<Document> states) {
        this.states = states;
    }

    @Override
    public Optional<ThresholdState> load(String portfolioId, String runId) {
        Checks.notBlank("portfolio id", portfolioId);
        Document doc = Docs.guard("loading threshold state of " + portfolioId,
                () -> states.find(key(portfolioId, runId)).first());
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
        Docs.guardRun("saving threshold state of " + s.portfolioId(),
                () -> states.replaceOne(key(s.portfolioId(), s.runId()), doc, new ReplaceOptions().upsert(true)));
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
