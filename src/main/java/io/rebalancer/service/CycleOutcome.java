package io.rebalancer.service;

import io.rebalancer.rules.facts.OutcomeStats;

import java.util.List;

import io.rebalancer.agents.CycleRecord;

/**
 * A live cycle's record; {@code alreadyRecorded} when the same cycle was stored before and nothing was written;
 * {@code outcomes}, how earlier decisions turned out, as the learning rules saw them (empty when recorded before).
 */
public record CycleOutcome(CycleRecord record, boolean alreadyRecorded, boolean asOfDefaulted, String storeDescription,
                           List<OutcomeStats> outcomes) {
    public CycleOutcome {
        outcomes = List.copyOf(outcomes);
    }
}
