package io.rebalancer.domain;

/** How urgent an alert is, least first. */
public enum AlertSeverity {
    INFO, WARNING, CRITICAL
}
