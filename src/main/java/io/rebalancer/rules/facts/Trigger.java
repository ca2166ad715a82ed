package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Conclusion (monitor): a reason to analyse; value and threshold in the code's units. */
public record Trigger(String code, String subject, double value, double threshold, String reason, String rule) {
}
