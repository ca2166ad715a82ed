package io.rebalancer.store.memory;

import io.rebalancer.domain.Checks;
import io.rebalancer.store.ThresholdState;
import io.rebalancer.store.ThresholdStateStore;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The current state per (portfolio, run) and every live state by portfolio and day. A live state replaces the
 * current one unless that is dated later; of two live states of one day the later saved wins.
 */
final class MemoryThresholdStateStore implements ThresholdStateStore {
    private record Key(String portfolioId, String runId) {
    }

    private final Map<Key, ThresholdState> current = new HashMap<>();
    private final Map<String, TreeMap<LocalDate, ThresholdState>> liveHistory = new HashMap<>();

    @Override
    public synchronized Optional<ThresholdState> load(String portfolioId, String runId) {
        Checks.notBlank("portfolio id", portfolioId);
        return Optional.ofNullable(current.get(new Key(portfolioId, runId)));
    }

    @Override
    public synchronized Optional<ThresholdState> liveBefore(String portfolioId, LocalDate day) {
        Objects.requireNonNull(day, "day");
        Optional<ThresholdState> latest = load(portfolioId, null);
        if (latest.isEmpty() || latest.get().updatedAsOf().isBefore(day)) {
            return latest;
        }
        TreeMap<LocalDate, ThresholdState> days = liveHistory.get(portfolioId);
        return Optional.ofNullable(days == null ? null : days.lowerEntry(day)).map(Map.Entry::getValue);
    }

    @Override
    public synchronized void save(ThresholdState state) {
        Objects.requireNonNull(state, "threshold state");
        if (state.runId() != null) {
            current.put(new Key(state.portfolioId(), state.runId()), state);
            return;
        }
        liveHistory.computeIfAbsent(state.portfolioId(), p -> new TreeMap<>()).put(state.updatedAsOf(), state);
        Key key = new Key(state.portfolioId(), null);
        ThresholdState latest = current.get(key);
        if (latest == null || !state.updatedAsOf().isBefore(latest.updatedAsOf())) {
            current.put(key, state);
        }
    }

    @Override
    public synchronized Map<String, ThresholdState> liveBeforeAll(Collection<String> portfolioIds, LocalDate day) {
        Objects.requireNonNull(day, "day");
        Map<String, ThresholdState> out = new HashMap<>();
        for (String id : new java.util.HashSet<>(portfolioIds)) {
            if (current.containsKey(new Key(id, null))) {
                liveBefore(id, day).ifPresent(s -> out.put(id, s));
            }
        }
        return out;
    }

    @Override
    public synchronized void saveAll(List<ThresholdState> states) {
        states.forEach(s -> Objects.requireNonNull(s, "threshold state"));
        states.forEach(this::save);
    }
}
