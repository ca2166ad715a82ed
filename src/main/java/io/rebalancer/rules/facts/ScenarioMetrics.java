package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Input (analyze): one simulated scenario. Fractions of NAV for turnover, cost and drift; VaR as a one-day return; tracking error annualised. */
public record ScenarioMetrics(ScenarioType type, int tradeCount, double turnover, double cost, double driftBefore, double driftAfter, double maxAbsDriftAfter, double trackingErrorBefore, double trackingErrorAfter, double varBefore, double varAfter, double sharpeAfter, double betaBefore, double betaAfter, boolean riskReducing) {
}
