package io.rebalancer.store.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.rebalancer.domain.Checks;
import io.rebalancer.store.RunStore;
import io.rebalancer.store.StoreException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * Collection {@code runs}: the caller's run JSON plus {@code run_id}, {@code status}, {@code started_at},
 * {@code finished_at}; unique on run_id. {@code finish_seq} (hidden from callers) orders finished runs.
 */
final class MongoRunStore implements RunStore {
    private static final String FINISH_SEQ = "finish_seq";
    private static final AtomicLong LAST_SEQ = new AtomicLong();

    private final MongoCollection<Document> runs;
    private final MongoCollection<Document> decisions;
    private final MongoCollection<Document> snapshots;
    private final Clock clock;

    MongoRunStore(MongoCollection<Document> runs, MongoCollection<Document> decisions,
            MongoCollection<Document> snapshots, Clock clock) {
        this.runs = runs;
        this.decisions = decisions;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    @Override
    public List<String> all() {
        return Docs.guard("listing runs", () -> {
            List<String> out = new ArrayList<>();
            runs.find().sort(Sorts.descending("started_at")).forEach(d -> out.add(json(d)));
            return out;
        });
    }

    @Override
    public boolean delete(String runId) {
        Checks.notBlank("run id", runId);
        return Docs.guard("deleting run " + runId, () -> {
            if (runs.find(eq("run_id", runId)).first() == null) {
                return false;
            }
            decisions.deleteMany(eq("run_id", runId));
            snapshots.deleteMany(eq("run_id", runId));
            runs.deleteOne(eq("run_id", runId));
            return true;
        });
    }

    @Override
    public void start(String runId, String json) {
        Checks.notBlank("run id", runId);
        Document doc = Docs.parseObject("run " + runId, json);
        doc.remove("_id");
        doc.put("run_id", runId);
        doc.put("status", RUNNING);
        doc.put("started_at", clock.instant().toString());
        doc.remove("finished_at");
        doc.remove(FINISH_SEQ);
        Docs.guardRun("starting run " + runId, () -> {
            try {
                runs.insertOne(doc);
            } catch (MongoWriteException e) {
                if (Docs.isDuplicateKey(e)) {
                    throw new StoreException("run " + runId + " already exists");
                }
                throw e;
            }
        });
    }

    @Override
    public void finish(String runId, String json) {
        Checks.notBlank("run id", runId);
        Document doc = Docs.parseObject("run " + runId, json);
        Docs.guardRun("finishing run " + runId, () -> {
            Document started = runs.find(eq("run_id", runId)).first();
            doc.remove("_id");
            doc.put("run_id", runId);
            doc.put("status", FINISHED);
            doc.put("started_at", started == null ? null : started.get("started_at"));
            doc.put("finished_at", clock.instant().toString());
            doc.put(FINISH_SEQ, nextSeq());
            runs.replaceOne(eq("run_id", runId), doc, new ReplaceOptions().upsert(true));
        });
    }

    @Override
    public void fail(String runId, String error) {
        Checks.notBlank("run id", runId);
        Docs.guardRun("marking run " + runId + " failed", () -> runs.updateOne(eq("run_id", runId),
                com.mongodb.client.model.Updates.combine(
                        com.mongodb.client.model.Updates.set("status", FAILED),
                        com.mongodb.client.model.Updates.set("error", error == null ? "" : error),
                        com.mongodb.client.model.Updates.set("finished_at", clock.instant().toString()))));
    }

    @Override
    public Optional<String> find(String runId) {
        Checks.notBlank("run id", runId);
        return Docs.guard("finding run " + runId, () -> Optional.ofNullable(runs.find(eq("run_id", runId)).first())
                .map(MongoRunStore::json));
    }

    @Override
    public Optional<String> latestFinished() {
        return Docs.guard("finding the latest finished run", () -> Optional.ofNullable(runs.find(eq("status", FINISHED))
                .sort(Sorts.descending(FINISH_SEQ)).first()).map(MongoRunStore::json));
    }

    private static String json(Document doc) {
        return Docs.toJson(doc, "_id", FINISH_SEQ);
    }

    /** Microseconds since the epoch, strictly increasing within this process. */
    private long nextSeq() {
        long now = clock.millis() * 1000;
        return LAST_SEQ.updateAndGet(prev -> Math.max(prev + 1, now));
    }
}
