package io.rebalancer.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An alert raised by a named rule of the alert table for a portfolio on a day: {@code code} says which condition
 * (TRIGGERED, VAR_CRITICAL, ...); there is at most one per code, portfolio and day ({@link #key()}).
 */
public record Alert(String portfolioId, LocalDate day, String code, AlertSeverity severity, String message,
                    String rule, Instant raisedAt) {
    public Alert {
        Checks.notBlank("portfolio id", portfolioId);
        Objects.requireNonNull(day, "day");
        Checks.notBlank("alert code", code);
        Objects.requireNonNull(severity, "severity");
        Checks.notBlank("alert message", message);
        Checks.notBlank("rule", rule);
        Objects.requireNonNull(raisedAt, "raisedAt");
    }

    /** What makes an alert unique: portfolio, day and code. */
    public String key() {
        return portfolioId + "|" + day + "|" + code;
    }
}
