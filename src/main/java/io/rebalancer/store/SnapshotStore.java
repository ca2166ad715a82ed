package io.rebalancer.store;

import java.time.LocalDate;
import java.util.List;

/** Daily portfolio snapshots (JSON objects), per backtest run or live ({@code runId == null}). */
public interface SnapshotStore {
    /** Inserts or replaces the snapshot of (runId, portfolioId, date). */
    void save(String runId, String portfolioId, LocalDate date, String json);

    /** Snapshots of the run ({@code null}: live), by date then portfolio id. */
    List<String> byRun(String runId);

    /** One snapshot to save in bulk, as the arguments of {@link #save}. */
    record Entry(String runId, String portfolioId, LocalDate date, String json) {
    }

    /** {@link #save} of many snapshots in one bulk write. */
    void saveAll(List<Entry> entries);
}
