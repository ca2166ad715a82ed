package io.rebalancer.rules;

import java.util.Collection;

/** The rule engine port: facts in, conclusions out. Implementations are built once and are thread-safe. */
public interface RuleEngine {
    PhaseResult fire(Phase phase, Collection<?> facts);

    /**
     * Runs {@code work}, which fires phases, and returns what it returns. An engine may run it on a thread of its
     * own on which those phases fire without a hand-off each, under the same limits; a phase that breaks them ends
     * the whole work with its {@link RuleFiringException}. This default just calls it.
     */
    default <T> T guarded(java.util.function.Supplier<T> work) {
        return work.get();
    }

    /** SHA-256 (hex, first 12 characters) over the rule files' names and contents, in name order. */
    String ruleSetHash();
}
