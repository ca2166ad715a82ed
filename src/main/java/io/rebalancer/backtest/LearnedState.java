package io.rebalancer.backtest;

import io.rebalancer.agents.AgentMemory;

import java.util.Objects;

/**
 * What an agent carries from one backtest period into a later one (walk-forward): its memory (adaptive offsets,
 * last regime, latest rebalances) and the book of scored outcomes its learning rules read. Decisions still inside
 * their horizon at the end of the earlier period are not carried.
 */
public record LearnedState(AgentMemory memory, OutcomeBook outcomes) {
    public LearnedState {
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(outcomes, "outcomes");
    }

    /** Nothing learned: the state every ordinary backtest starts from. */
    public static LearnedState fresh() {
        return new LearnedState(AgentMemory.fresh(), new OutcomeBook());
    }

    /** Scored decisions carried. */
    public int outcomeCount() {
        return outcomes.size();
    }
}
