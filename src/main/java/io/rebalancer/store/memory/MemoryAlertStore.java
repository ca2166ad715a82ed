package io.rebalancer.store.memory;

import io.rebalancer.domain.Alert;
import io.rebalancer.store.AlertStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Alerts by {@link Alert#key()}; a repeat of a key is refused. */
final class MemoryAlertStore implements AlertStore {
    /**
     * Newest first by day, then by the raised-at instant's ISO text, which is what the MongoDB adapter sorts on (an
     * instant with fractional seconds sorts before the whole second it follows).
     */
    private static final Comparator<Alert> NEWEST_FIRST = Comparator.comparing(Alert::day)
            .thenComparing(a -> a.raisedAt().toString()).reversed();

    private final Map<String, Alert> alerts = new LinkedHashMap<>();

    @Override
    public synchronized boolean save(Alert alert) {
        Objects.requireNonNull(alert, "alert");
        return alerts.putIfAbsent(alert.key(), alert) == null;
    }

    @Override
    public synchronized List<Alert> recent(String portfolioId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return alerts.values().stream().filter(a -> portfolioId == null || portfolioId.equals(a.portfolioId()))
                .sorted(NEWEST_FIRST).limit(limit).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }
}
