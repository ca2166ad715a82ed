package io.rebalancer.alerts;

import io.rebalancer.domain.Alert;

/** Where a new alert goes besides the store: the console, a JSON-lines file, a webhook. */
public interface AlertSink {
    /** Delivers the alert; throws when it could not be delivered (the service logs it and goes on). */
    void send(Alert alert) throws Exception;

    /** A name for logs, safe to print (no secrets). */
    String name();
}
