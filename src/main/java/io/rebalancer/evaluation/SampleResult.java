package io.rebalancer.evaluation;

import io.rebalancer.backtest.StrategyMetrics;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One sample's outcome: every strategy's metrics over the sample's period ({@code certaintyEquivalent} at the
 * suite's risk aversion), and for a walk-forward sample what the agent carried in.
 *
 * @param from             first trading day of the evaluation period (snapped to the data)
 * @param to               last trading day
 * @param days             trading days in the period
 * @param warmUpDays       trading days of the walk-forward warm-up (0 for none)
 * @param outcomesCarried  scored decisions carried from the warm-up into the period
 * @param offsetCarried    the agent's persistent drift-threshold offset at the end of the warm-up (fraction)
 */
public record SampleResult(SampleSpec spec, String portfolioId, LocalDate from, LocalDate to, int days,
                           Map<String, StrategyMetrics> strategies, int warmUpDays, int outcomesCarried,
                           double offsetCarried) {
    public static final String AGENT = io.rebalancer.backtest.BacktestResult.AGENT;

    public SampleResult {
        Objects.requireNonNull(spec, "spec");
        strategies = Collections.unmodifiableMap(new LinkedHashMap<>(strategies));
        if (!strategies.containsKey(AGENT)) {
            throw new IllegalArgumentException("sample " + spec.id() + " has no agent strategy");
        }
    }

    public StrategyMetrics agent() {
        return strategies.get(AGENT);
    }

    public StrategyMetrics strategy(String name) {
        StrategyMetrics m = strategies.get(name);
        if (m == null) {
            throw new IllegalArgumentException("sample " + spec.id() + " has no strategy '" + name + "'; it has "
                    + strategies.keySet());
        }
        return m;
    }
}
