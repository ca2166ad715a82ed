package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Conclusion (decide): when to execute; tranches for GRADUAL, re-check in trading days for DEFER. */
public record TimingDecided(Timing timing, int tranches, int recheckDays, String reason, String rule) {
}
