package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Input: trailing-252-day risk of the current holdings: historical VaR95 (negative return), Sharpe, beta to the benchmark, annualised volatility, drawdown from the trailing peak (negative). */
public record RiskSnapshot(double var95, double sharpe, double beta, double volatility, double drawdown) {
}
