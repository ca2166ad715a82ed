package io.rebalancer.alerts;

import io.rebalancer.domain.Alert;
import io.rebalancer.rules.facts.AlertSignals;
import io.rebalancer.store.AlertStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Raises alerts: the rules decide which, the store keeps one per code, portfolio and day (a repeat is dropped), and
 * every new alert goes to each sink. A sink that fails is logged and does not stop the others or the caller.
 */
public final class AlertService {
    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);

    private final AlertStore store;
    private final AlertRules rules;
    private final List<AlertSink> sinks;

    public AlertService(AlertStore store, AlertRules rules, List<AlertSink> sinks) {
        this.store = store;
        this.rules = rules;
        this.sinks = List.copyOf(sinks);
    }

    /** The alerts newly raised for these signals (stored and sent); those raised before are left out. */
    public List<Alert> raise(AlertSignals signals) {
        List<Alert> fresh = new ArrayList<>();
        for (Alert a : rules.evaluate(signals)) {
            if (store.save(a)) {
                fresh.add(a);
                for (AlertSink sink : sinks) {
                    try {
                        sink.send(a);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        LOG.warn("alert {} not sent to {}: interrupted", a.key(), sink.name());
                    } catch (Exception e) {
                        LOG.warn("alert {} not sent to {}: {}", a.key(), sink.name(), e.getMessage());
                    }
                }
            }
        }
        return fresh;
    }
}
