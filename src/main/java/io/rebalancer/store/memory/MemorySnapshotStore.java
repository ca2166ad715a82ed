package io.rebalancer.store.memory;

import io.rebalancer.domain.Checks;
import io.rebalancer.store.SnapshotStore;
import io.rebalancer.store.StoreException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Snapshots per run (the live ones under a null run id), each run's ordered by date then portfolio id. */
final class MemorySnapshotStore implements SnapshotStore {
    private record Key(LocalDate date, String portfolioId) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int byDate = date.compareTo(o.date);
            return byDate != 0 ? byDate : portfolioId.compareTo(o.portfolioId);
        }
    }

    private final Map<String, TreeMap<Key, String>> byRun = new HashMap<>();

    @Override
    public synchronized void save(String runId, String portfolioId, LocalDate date, String json) {
        Checks.notBlank("portfolio id", portfolioId);
        Objects.requireNonNull(date, "date");
        String snapshot = checked(portfolioId, date, json);
        byRun.computeIfAbsent(runId, r -> new TreeMap<>()).put(new Key(date, portfolioId), snapshot);
    }

    @Override
    public synchronized List<String> byRun(String runId) {
        TreeMap<Key, String> run = byRun.get(runId);
        return run == null ? new ArrayList<>() : new ArrayList<>(run.values());
    }

    @Override
    public synchronized void saveAll(List<Entry> entries) {
        List<String> checked = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            Checks.notBlank("portfolio id", e.portfolioId());
            Objects.requireNonNull(e.date(), "date");
            checked.add(checked(e.portfolioId(), e.date(), e.json()));
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            byRun.computeIfAbsent(e.runId(), r -> new TreeMap<>()).put(new Key(e.date(), e.portfolioId()), checked.get(i));
        }
    }

    /** Deletes every snapshot of the run (a backtest run being deleted). */
    synchronized void deleteRun(String runId) {
        byRun.remove(runId);
    }

    private static String checked(String portfolioId, LocalDate date, String json) {
        String snapshot = json == null ? "" : json.strip();
        if (!snapshot.startsWith("{") || !snapshot.endsWith("}")) {
            throw new StoreException("snapshot of " + portfolioId + " on " + date + " is not a JSON object");
        }
        return snapshot;
    }
}
