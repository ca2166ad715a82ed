package io.rebalancer.query;

import java.util.List;
import java.util.Map;

/**
 * A stored backtest run: status, portfolio, period and rule set, and per strategy its final NAV, CAGR, volatility,
 * Sharpe, maximum drawdown, turnover, rebalances, trades and costs as the run stored them ({@code strategies}
 * keyed by name: agent, buy_and_hold, monthly, ...). {@code otherRuns} lists the ids of the other stored runs.
 */
public record BacktestSummary(String runId, String status, String portfolioId, String from, String to,
                              String rulesHash, String startedAt, String finishedAt,
                              Map<String, Map<String, Object>> strategies, List<String> otherRuns) {
}
