package io.rebalancer.backtest;

import io.rebalancer.domain.CostModel;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the user asked for. {@code costBps} (when not null) replaces the portfolio's commission plus half
 * spread by one linear rate (charged as commission, half spread 0, impact unchanged); {@code noCosts} turns
 * every cost, impact included, off.
 */
public record BacktestRequest(String portfolioId, LocalDate from, LocalDate to, Double costBps, boolean noCosts,
                              boolean learning, int horizonDays, double lambda, boolean withNoLearning,
                              double initialNav, DividendMode dividends) {
    public static final String DEFAULT_PORTFOLIO = "PORT_A_TechGrowth";
    public static final LocalDate DEFAULT_FROM = LocalDate.of(2015, 1, 2);
    public static final LocalDate DEFAULT_TO = LocalDate.of(2024, 12, 31);
    public static final double DEFAULT_NAV = 1_000_000;
    /** {@code horizonDays} value meaning: the outcome horizon of the rules (learning.drl.xlsx). */
    public static final int HORIZON_FROM_RULES = 0;

    public BacktestRequest {
        Objects.requireNonNull(portfolioId, "portfolio");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(dividends, "dividends");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        if (costBps != null && (!(costBps >= 0) || costBps.isInfinite())) {
            throw new IllegalArgumentException("--cost-bps must be a non-negative number, was " + costBps);
        }
        if (horizonDays < 2 && horizonDays != HORIZON_FROM_RULES) {
            throw new IllegalArgumentException("--horizon must be at least 2 trading days, was " + horizonDays);
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("--lambda must be a non-negative number, was " + lambda);
        }
        if (!(initialNav > 0)) {
            throw new IllegalArgumentException("initial NAV must be positive, was " + initialNav);
        }
    }

    /** Dividends reinvested (valued at adj_close): the earlier shape, kept for existing callers. */
    public BacktestRequest(String portfolioId, LocalDate from, LocalDate to, Double costBps, boolean noCosts,
                           boolean learning, int horizonDays, double lambda, boolean withNoLearning,
                           double initialNav) {
        this(portfolioId, from, to, costBps, noCosts, learning, horizonDays, lambda, withNoLearning, initialNav,
                DividendMode.REINVEST);
    }

    public static BacktestRequest defaults() {
        return new BacktestRequest(DEFAULT_PORTFOLIO, DEFAULT_FROM, DEFAULT_TO, null, false, true,
                HORIZON_FROM_RULES, RegretScorer.DEFAULT_LAMBDA, false, DEFAULT_NAV, DividendMode.CASH);
    }

    /** The request with the horizon the rules give when it asks for theirs; otherwise itself. */
    public BacktestRequest withRulesHorizon(io.rebalancer.agents.Cycle cycle) {
        if (horizonDays != HORIZON_FROM_RULES) {
            return this;
        }
        return new BacktestRequest(portfolioId, from, to, costBps, noCosts, learning,
                cycle.outcomeHorizon(RegretScorer.DEFAULT_HORIZON), lambda, withNoLearning, initialNav, dividends);
    }

    /** The horizon in trading days: this request's, or the default when it asks for the rules' (not at hand). */
    public int horizonOrDefault() {
        return horizonDays == HORIZON_FROM_RULES ? RegretScorer.DEFAULT_HORIZON : horizonDays;
    }

    /** The cost model charged, given the portfolio's own. */
    public CostModel costs(CostModel portfolioCosts) {
        if (noCosts) {
            return CostModel.none();
        }
        if (costBps != null) {
            return new CostModel(costBps, 0, portfolioCosts.impactCoefficient());
        }
        return portfolioCosts;
    }
}
