package io.rebalancer.domain;

/** Urgency of one trade, from drift against the thresholds. */
public enum Priority {
    CRITICAL, HIGH, MEDIUM, LOW
}
