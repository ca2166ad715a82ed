package io.rebalancer.store.memory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rebalancer.domain.Checks;
import io.rebalancer.store.RunStore;
import io.rebalancer.store.StoreException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs by id in the order first stored: the caller's JSON with {@code run_id}, {@code status}, {@code started_at} and
 * {@code finished_at} set, as the MongoDB adapter keeps them. Deleting a run also deletes its decisions and
 * snapshots.
 */
final class MemoryRunStore implements RunStore {
    /** Field names the MongoDB adapter keeps out of a run's JSON. */
    private static final String ID = "_id";
    private static final String FINISH_SEQ = "finish_seq";

    private record Stored(ObjectNode doc, long finishSeq) {
        String status() {
            return doc.path("status").asText(null);
        }

        /** {@code started_at} as stored; null (sorted lowest) for a run finished without a start. */
        String startedAt() {
            return doc.hasNonNull("started_at") ? doc.get("started_at").asText() : null;
        }
    }

    private final Map<String, Stored> runs = new LinkedHashMap<>();
    private final MemoryDecisionLog decisions;
    private final MemorySnapshotStore snapshots;
    private final Clock clock;
    private long lastSeq;

    MemoryRunStore(MemoryDecisionLog decisions, MemorySnapshotStore snapshots, Clock clock) {
        this.decisions = decisions;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    @Override
    public synchronized void start(String runId, String json) {
        Checks.notBlank("run id", runId);
        ObjectNode doc = RunDocument.parseObject("run " + runId, json);
        doc.remove(ID);
        doc.put("run_id", runId);
        doc.put("status", RUNNING);
        doc.put("started_at", clock.instant().toString());
        doc.remove("finished_at");
        doc.remove(FINISH_SEQ);
        if (runs.containsKey(runId)) {
            throw new StoreException("run " + runId + " already exists");
        }
        runs.put(runId, new Stored(doc, 0));
    }

    @Override
    public synchronized void finish(String runId, String json) {
        Checks.notBlank("run id", runId);
        ObjectNode doc = RunDocument.parseObject("run " + runId, json);
        Stored started = runs.get(runId);
        doc.remove(ID);
        doc.remove(FINISH_SEQ);
        doc.put("run_id", runId);
        doc.put("status", FINISHED);
        if (started == null || started.startedAt() == null) {
            doc.putNull("started_at");
        } else {
            doc.put("started_at", started.startedAt());
        }
        doc.put("finished_at", clock.instant().toString());
        runs.put(runId, new Stored(doc, nextSeq()));
    }

    @Override
    public synchronized void fail(String runId, String error) {
        Checks.notBlank("run id", runId);
        Stored stored = runs.get(runId);
        if (stored == null) {
            return;
        }
        ObjectNode doc = stored.doc().deepCopy();
        doc.put("status", FAILED);
        doc.put("error", error == null ? "" : error);
        doc.put("finished_at", clock.instant().toString());
        runs.put(runId, new Stored(doc, stored.finishSeq()));
    }

    @Override
    public synchronized Optional<String> find(String runId) {
        Checks.notBlank("run id", runId);
        return Optional.ofNullable(runs.get(runId)).map(s -> RunDocument.toJson(s.doc()));
    }

    @Override
    public synchronized Optional<String> latestFinished() {
        return runs.values().stream().filter(s -> FINISHED.equals(s.status()))
                .max(Comparator.comparingLong(Stored::finishSeq)).map(s -> RunDocument.toJson(s.doc()));
    }

    @Override
    public synchronized List<String> all() {
        List<Stored> sorted = new ArrayList<>(runs.values());
        sorted.sort(Comparator.comparing(Stored::startedAt, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                .reversed());
        List<String> out = new ArrayList<>(sorted.size());
        sorted.forEach(s -> out.add(RunDocument.toJson(s.doc())));
        return out;
    }

    @Override
    public synchronized boolean delete(String runId) {
        Checks.notBlank("run id", runId);
        if (!runs.containsKey(runId)) {
            return false;
        }
        decisions.deleteRun(runId);
        snapshots.deleteRun(runId);
        runs.remove(runId);
        return true;
    }

    /** Microseconds since the epoch, strictly increasing within this store. */
    private long nextSeq() {
        lastSeq = Math.max(lastSeq + 1, clock.millis() * 1000);
        return lastSeq;
    }
}
