package io.rebalancer.query;

import java.util.List;

/** Stored live decisions of a portfolio, newest first. */
public record DecisionList(String portfolioId, List<DecisionSummary> decisions) {
    public DecisionList {
        decisions = List.copyOf(decisions);
    }
}
