package io.rebalancer.rules;

import java.util.Collection;

/** The rule engine port: facts in, conclusions out. Implementations are built once and are thread-safe. */
public interface RuleEngine {
    PhaseResult fire(Phase phase, Collection<?> facts);

    /** SHA-256 (hex, first 12 characters) over the rule files' names and contents, in name order. */
    String ruleSetHash();
}
