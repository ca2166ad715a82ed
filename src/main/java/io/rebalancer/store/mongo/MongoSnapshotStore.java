package io.rebalancer.store.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.rebalancer.domain.Checks;
import io.rebalancer.store.SnapshotStore;
import io.rebalancer.store.StoreException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bson.Document;

/**
 * Collection {@code snapshots}: {@code {run_id, portfolio_id, date, snapshot}}, unique on
 * (run_id, portfolio_id, date) so that re-running a day replaces its snapshot. The snapshot is kept as JSON text
 * for the same reason as decision records (see {@link MongoDecisionLog}); sub-documents of the first layout are
 * still read.
 */
final class MongoSnapshotStore implements SnapshotStore {
    private final MongoCollection<Document> snapshots;

    MongoSnapshotStore(MongoCollection<Document> snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public void save(String runId, String portfolioId, LocalDate date, String json) {
        Checks.notBlank("portfolio id", portfolioId);
        Objects.requireNonNull(date, "date");
        String snapshot = json == null ? "" : json.strip();
        if (!snapshot.startsWith("{") || !snapshot.endsWith("}")) {
            throw new StoreException("snapshot of " + portfolioId + " on " + date + " is not a JSON object");
        }
        Document doc = new Document("run_id", runId).append("portfolio_id", portfolioId)
                .append("date", date.toString()).append("snapshot", snapshot);
        Docs.guardRun("saving snapshot of " + portfolioId + " on " + date, () -> snapshots.replaceOne(
                and(eq("run_id", runId), eq("portfolio_id", portfolioId), eq("date", date.toString())), doc,
                new ReplaceOptions().upsert(true)));
    }

    @Override
    public List<String> byRun(String runId) {
        return Docs.guard("reading snapshots of run " + runId, () -> {
            List<String> out = new ArrayList<>();
            snapshots.find(eq("run_id", runId))
                    .sort(Sorts.orderBy(Sorts.ascending("date"), Sorts.ascending("portfolio_id")))
                    .forEach(d -> out.add(d.get("snapshot") instanceof String text ? text
                            : Docs.toJson(d.get("snapshot", Document.class))));
            return out;
        });
    }

    @Override
    public void saveAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<com.mongodb.client.model.WriteModel<Document>> writes = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            String snapshot = e.json() == null ? "" : e.json().strip();
            if (!snapshot.startsWith("{") || !snapshot.endsWith("}")) {
                throw new StoreException("snapshot of " + e.portfolioId() + " on " + e.date() + " is not a JSON object");
            }
            Document doc = new Document("run_id", e.runId()).append("portfolio_id", e.portfolioId())
                    .append("date", e.date().toString()).append("snapshot", snapshot);
            writes.add(new com.mongodb.client.model.ReplaceOneModel<>(and(eq("run_id", e.runId()),
                    eq("portfolio_id", e.portfolioId()), eq("date", e.date().toString())), doc,
                    new ReplaceOptions().upsert(true)));
        }
        Docs.guardRun("saving " + entries.size() + " snapshots", () -> snapshots.bulkWrite(writes,
                new com.mongodb.client.model.BulkWriteOptions().ordered(false)));
    }
}
