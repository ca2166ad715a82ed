package io.rebalancer.service;

import io.rebalancer.agents.CycleRecord;

/** A live cycle's record; {@code alreadyRecorded} when the same cycle was stored before and nothing was written. */
public record CycleOutcome(CycleRecord record, boolean alreadyRecorded, boolean asOfDefaulted, String storeDescription) {
}
