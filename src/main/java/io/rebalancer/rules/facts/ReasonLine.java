package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Conclusion (any phase): one line of reasoning for the console and the record. */
public record ReasonLine(String phase, String text, String rule) {
}
