package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/**
 * Input (analyze): one simulated scenario. Fractions of NAV for turnover, cost and drift; VaR as a one-day return;
 * tracking error annualised: to target, and of the drift beyond the bands only ({@code excessTracking...}: each
 * position's drift less its band, 0 inside it), which is what the cost-benefit values. {@code riskReducing}: VaR
 * no deeper and beta no higher than today's; {@code withinTargetRisk}: no deeper and no higher than the target
 * portfolio's (a trade back toward the mandate's own risk).
 */
public record ScenarioMetrics(ScenarioType type, int tradeCount, double turnover, double cost, double driftBefore, double driftAfter, double maxAbsDriftAfter, double trackingErrorBefore, double trackingErrorAfter, double excessTrackingErrorBefore, double excessTrackingErrorAfter, double varBefore, double varAfter, double sharpeAfter, double betaBefore, double betaAfter, boolean riskReducing, boolean withinTargetRisk) {
}
