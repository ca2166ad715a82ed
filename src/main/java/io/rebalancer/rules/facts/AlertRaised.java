package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/**
 * Conclusion (alert): raise an alert of {@code code} with this severity; {@code message} is the table's template
 * (placeholders such as {var95} are filled from the signals after the rules ran), {@code rule} the rule's name.
 */
public record AlertRaised(String code, AlertSeverity severity, String message, String rule) {
}
