package io.rebalancer.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a portfolio holds on a date: whole shares per ticker and cash in currency (2 decimals, HALF_EVEN).
 */
public record Holdings(String portfolioId, LocalDate asOf, Map<Ticker, Long> shares, BigDecimal cash) {
    public Holdings {
        Checks.notBlank("portfolio id", portfolioId);
        Objects.requireNonNull(asOf, "asOf");
        shares = Map.copyOf(new TreeMap<>(shares));
        shares.forEach((t, n) -> {
            if (n < 0) {
                throw new IllegalArgumentException("holding of " + t + " must not be negative, was " + n);
            }
        });
        cash = cash.setScale(2, RoundingMode.HALF_EVEN);
    }

    public long sharesOf(Ticker ticker) {
        return shares.getOrDefault(ticker, 0L);
    }

}
