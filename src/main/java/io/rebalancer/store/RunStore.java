package io.rebalancer.store;

import java.util.List;
import java.util.Optional;

/**
 * Backtest runs. The caller's JSON object is stored as given, with {@code run_id}, {@code status}
 * ({@value #RUNNING}, {@value #FINISHED} or {@value #FAILED}), {@code started_at} and {@code finished_at} (ISO
 * instants) set by the store. A run whose process was killed stays {@value #RUNNING}.
 */
public interface RunStore {
    String RUNNING = "running";
    String FINISHED = "finished";
    String FAILED = "failed";

    /** Records a new run; a run id that exists already is a {@link StoreException}. */
    void start(String runId, String json);

    /** Replaces the run's JSON with the final one and marks it finished (also if start was never recorded). */
    void finish(String runId, String json);

    /** Marks a started run failed, keeping what start recorded and adding {@code error}; never "finished". */
    void fail(String runId, String error);

    Optional<String> find(String runId);

    /** The most recently finished run. */
    Optional<String> latestFinished();

    /** Every run, most recently started first. */
    List<String> all();

    /**
     * Deletes the run and what it stored: its decisions and snapshots. The run document goes last, so an
     * interrupted delete can be repeated. False when no such run exists.
     */
    boolean delete(String runId);
}
