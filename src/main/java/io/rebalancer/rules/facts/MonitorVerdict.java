package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Conclusion (monitor): TRIGGERED when any trigger fired, else STABLE. */
public record MonitorVerdict(Verdict verdict, String rule) {
}
