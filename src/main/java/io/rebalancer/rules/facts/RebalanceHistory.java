package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Input: trading days since the last executed rebalance (a large number if none) and rebalances in the last 60 trading days. */
public record RebalanceHistory(int daysSinceLastRebalance, int recentRebalances) {
}
