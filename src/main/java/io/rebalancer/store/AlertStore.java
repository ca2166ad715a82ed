package io.rebalancer.store;

import io.rebalancer.domain.Alert;

import java.util.List;

/** Raised alerts (collection {@code alerts}), one per code, portfolio and day. */
public interface AlertStore {
    /** Stores the alert; false, writing nothing, when one with its {@link Alert#key()} exists. */
    boolean save(Alert alert);

    /**
     * Newest first (by day, then by when raised).
     *
     * @param portfolioId {@code null} for all portfolios
     */
    List<Alert> recent(String portfolioId, int limit);
}
