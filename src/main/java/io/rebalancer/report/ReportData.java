package io.rebalancer.report;

import io.rebalancer.analytics.Linking;
import io.rebalancer.analytics.PerformanceMetrics;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.Regime;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the HTML report shows about one backtest run, independent of where it came from (a fresh
 * backtest result or the store). Day-indexed arrays are aligned with {@link #dates()}; weights and drifts are
 * fractions of NAV; NaN marks a value that is not known on a day.
 *
 * @param title heading of the page
 * @param runId backtest run id
 * @param rulesHash hash of the rule set the agent ran on
 * @param portfolio the portfolio definition (targets, sectors, thresholds)
 * @param dates trading days of the run, ascending
 * @param strategies the agent first, then every baseline; NAV per day and the metric contract's metrics
 * @param adjClose adjusted close per ticker per day (total return prices the backtest traded at)
 * @param agentWeights the agent's weight per ticker at each day's close, after that day's trades
 * @param driftCritical critical position-drift threshold in force per day
 * @param driftHigh high position-drift threshold in force per day
 * @param driftMedium medium position-drift threshold in force per day
 * @param regimes market regime per day (null where not classified)
 * @param decisions the agent's decisions (cycles that were triggered), oldest first
 * @param thresholdChanges adaptive threshold changes, oldest first
 * @param linking how monthly attribution effects are linked over the run
 * @param benchmarkName the portfolio's benchmark (SPY)
 * @param benchmarkAdjClose the benchmark's adjusted close per day (its total-return index), or null if not known
 * @param agentDailyCost trading costs the agent was charged each day (currency), or null if not known
 * @param relativeBand relative band in force per day (a fraction of each position's target: a position is out of
 *                     band beyond the tighter of {@code driftCritical} and this times its target), or null if not
 *                     known (runs stored before it was recorded)
 * @param settings the run's settings as a reader names them (costs, learning, dividends, outcome horizon, regret
 *                 lambda, starting NAV: {@link RunSettings}), empty if not known
 */
public record ReportData(
        String title,
        String runId,
        String rulesHash,
        PortfolioDefinition portfolio,
        List<LocalDate> dates,
        List<Strategy> strategies,
        Map<String, double[]> adjClose,
        Map<String, double[]> agentWeights,
        double[] driftCritical,
        double[] driftHigh,
        double[] driftMedium,
        List<Regime> regimes,
        List<DecisionRow> decisions,
        List<ThresholdChangeRow> thresholdChanges,
        Linking linking,
        String benchmarkName,
        double[] benchmarkAdjClose,
        double[] agentDailyCost,
        double[] relativeBand,
        Map<String, String> settings) {

    public ReportData {
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(linking, "linking");
        dates = List.copyOf(dates);
        strategies = List.copyOf(strategies);
        adjClose = Map.copyOf(adjClose);
        agentWeights = Map.copyOf(agentWeights);
        regimes = regimes == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(regimes));
        decisions = List.copyOf(decisions);
        thresholdChanges = List.copyOf(thresholdChanges);
        settings = settings == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        int n = dates.size();
        if (n < 2) {
            throw new IllegalArgumentException("a report needs at least 2 days, got " + n);
        }
        if (strategies.isEmpty() || !strategies.get(0).agent()) {
            throw new IllegalArgumentException("the first strategy must be the agent, got "
                    + strategies.stream().map(Strategy::name).toList());
        }
        for (Strategy s : strategies) {
            requireLength(s.nav(), n, "NAV of " + s.name());
        }
        for (String t : portfolio.tickers().stream().map(Object::toString).toList()) {
            requireLength(adjClose.get(t), n, "adjusted close of " + t);
            requireLength(agentWeights.get(t), n, "agent weight of " + t);
        }
        requireLength(driftCritical, n, "driftCritical");
        requireLength(driftHigh, n, "driftHigh");
        requireLength(driftMedium, n, "driftMedium");
        if (benchmarkAdjClose != null) {
            requireLength(benchmarkAdjClose, n, "benchmark adjusted close");
        }
        if (agentDailyCost != null) {
            requireLength(agentDailyCost, n, "agent daily cost");
        }
        if (!regimes.isEmpty() && regimes.size() != n) {
            throw new IllegalArgumentException("regimes has " + regimes.size() + " days, expected " + n);
        }
    }

    /** Without benchmark and daily costs (the pages then leave out what needs them). */
    public ReportData(String title, String runId, String rulesHash, PortfolioDefinition portfolio, List<LocalDate> dates,
            List<Strategy> strategies, Map<String, double[]> adjClose, Map<String, double[]> agentWeights,
            double[] driftCritical, double[] driftHigh, double[] driftMedium, List<Regime> regimes,
            List<DecisionRow> decisions, List<ThresholdChangeRow> thresholdChanges, Linking linking) {
        this(title, runId, rulesHash, portfolio, dates, strategies, adjClose, agentWeights, driftCritical, driftHigh,
                driftMedium, regimes, decisions, thresholdChanges, linking, null, null, null, null, null);
    }

    /** A copy with the benchmark's total-return index and the agent's daily costs. */
    public ReportData withBenchmarkAndCosts(String name, double[] benchmark, double[] dailyCost) {
        return new ReportData(title, runId, rulesHash, portfolio, dates, strategies, adjClose, agentWeights,
                driftCritical, driftHigh, driftMedium, regimes, decisions, thresholdChanges, linking, name, benchmark,
                dailyCost, relativeBand, settings);
    }

    /** The band a position of target weight {@code target} had on day {@code d}: the tighter of the two. */
    public double positionBand(int d, double target) {
        double critical = driftCritical[d];
        if (relativeBand == null || !Double.isFinite(relativeBand[d])) {
            return critical;
        }
        return Math.min(critical, relativeBand[d] * target);
    }

    private static void requireLength(double[] a, int n, String what) {
        if (a == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (a.length != n) {
            throw new IllegalArgumentException(what + " has " + a.length + " days, expected " + n);
        }
    }

    public Strategy agent() {
        return strategies.get(0);
    }

    /**
     * One strategy of the run (the agent or a baseline) with its NAV series and its metrics under the metric
     * contract's names (snake_case, as in metrics.json: cagr, volatility, sharpe, ...).
     */
    public record Strategy(String name, boolean agent, double[] nav, Map<String, Double> metrics) {
        public Strategy {
            Objects.requireNonNull(name, "strategy name");
            Objects.requireNonNull(nav, "nav of " + name);
            Objects.requireNonNull(metrics, "metrics of " + name);
            metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        }

        /** The analytics package's headline metrics under the contract's names. */
        public static Map<String, Double> metricsOf(PerformanceMetrics m) {
            Map<String, Double> out = new java.util.LinkedHashMap<>();
            out.put("final_nav", m.finalNav());
            out.put("cagr", m.cagr());
            out.put("volatility", m.volatility());
            out.put("sharpe", m.sharpe());
            out.put("sharpe_arithmetic", m.sharpeArithmetic());
            out.put("sortino", m.sortino());
            out.put("calmar", m.calmar());
            out.put("max_drawdown", m.maxDrawdown());
            out.put("var95_historical", m.var95Historical());
            out.put("cvar95", m.cvar95());
            out.put("var95_gaussian", m.var95Gaussian());
            out.put("var95_cornish_fisher", m.var95CornishFisher());
            out.put("beta", m.beta());
            return out;
        }
    }

    /** One trade of a decision; value and cost in currency. */
    public record TradeRow(String ticker, String side, double shares, double value, double cost, String priority,
                           String rule) {
    }

    /**
     * One decision of the agent.
     *
     * @param regret best alternative's outcome minus the chosen one's (fraction of NAV; NaN if not scored)
     * @param alternatives outcome of every simulated alternative by scenario name (fraction of NAV), in order
     * @param firedRules fired rules in firing order, as "phase: rule"
     * @param timing IMMEDIATE, GRADUAL or DEFER (null if not known)
     */
    public record DecisionRow(LocalDate date, String cycleId, String action, String scenario, String regime,
                              List<TradeRow> trades, double turnover, double cost, double regret,
                              String bestAlternative, Map<String, Double> alternatives, List<String> firedRules,
                              List<String> reasoning, String timing) {
        public DecisionRow {
            trades = List.copyOf(trades);
            alternatives = alternatives == null ? Map.of() : java.util.Collections.unmodifiableMap(
                    new java.util.LinkedHashMap<>(alternatives));
            firedRules = List.copyOf(firedRules);
            reasoning = List.copyOf(reasoning);
        }
    }

    /** An adaptive change of the critical drift threshold: before and after (fractions), and the rule that made it. */
    public record ThresholdChangeRow(LocalDate date, String kind, double before, double after, int durationDays,
                                     String reason, String rule) {
    }
}
