package io.rebalancer.backtest;

import io.rebalancer.agents.AppliedThresholdChange;
import io.rebalancer.agents.CycleRecord;
import io.rebalancer.domain.CostModel;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.Regime;
import io.rebalancer.domain.ScenarioType;
import io.rebalancer.domain.Timing;
import io.rebalancer.domain.Verdict;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a report needs about one backtest run. Immutable; this shape is a contract with the HTML report
 * (package {@code io.rebalancer.report}) and the exporters: add fields at the end, never rename or remove.
 *
 * <p>Conventions: weights, drift, returns, turnover and thresholds are fractions (0.03 = 3 %); NAV and costs in
 * currency; {@code dates} are the trading days of the run, {@code from} included, and every per-day list or
 * array is aligned to them (index {@code k} = {@code dates.get(k)}). Strategy names: {@value #AGENT},
 * optionally {@value #AGENT_NO_LEARNING}, then the baselines in {@link Baselines#NAMES} order.
 *
 * @param runId            the run id the snapshots and decisions are stored under
 * @param portfolio        the portfolio definition as simulated (its {@code costs} are the costs charged)
 * @param rulesHash        {@code RuleEngine.ruleSetHash()} of the rules the agent ran on
 * @param from             first day (all strategies are fully invested at target at its close; NAV = initialNav)
 * @param to               last day
 * @param settings         how the run was configured
 * @param tickers          the portfolio's tickers in target order (the order of {@link AgentDay#weights})
 * @param targets          target weight of each ticker, aligned to {@code tickers}
 * @param dates            trading days of the run
 * @param strategies       per strategy (insertion order = display order): NAV series and metrics
 * @param agentDays        the agent's state at each day's close, after that day's trades
 * @param decisions        every triggered agent cycle (analysis ran), oldest first, with its regret once scored
 * @param thresholdChanges every adaptive threshold change the agent applied, oldest first
 * @param outcomeSummary   regret and outcome aggregated per regime x chosen scenario over scored decisions
 * @param timings          wall-clock split of the run
 */
public record BacktestResult(
        String runId,
        PortfolioDefinition portfolio,
        String rulesHash,
        LocalDate from,
        LocalDate to,
        Settings settings,
        List<String> tickers,
        double[] targets,
        List<LocalDate> dates,
        Map<String, StrategyResult> strategies,
        List<AgentDay> agentDays,
        List<DecisionOutcome> decisions,
        List<ThresholdEvent> thresholdChanges,
        List<OutcomeSummary> outcomeSummary,
        Timings timings) {

    public static final String AGENT = "agent";
    public static final String AGENT_NO_LEARNING = "agent_no_learning";

    public BacktestResult {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(portfolio, "portfolio");
        tickers = List.copyOf(tickers);
        dates = List.copyOf(dates);
        strategies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(strategies));
        agentDays = List.copyOf(agentDays);
        decisions = List.copyOf(decisions);
        thresholdChanges = List.copyOf(thresholdChanges);
        outcomeSummary = List.copyOf(outcomeSummary);
    }

    public StrategyResult agent() {
        return strategies.get(AGENT);
    }

    /**
     * How the run was set up.
     *
     * @param costs           the cost model charged to every strategy (also inside {@code portfolio})
     * @param learning        whether matured decision outcomes were fed back to the agent as OutcomeStats
     * @param horizonDays     regret horizon in trading days
     * @param lambda          tracking-error penalty weight of the regret objective
     * @param initialNav      NAV of every strategy at the close of {@code from}
     * @param withNoLearning  whether an {@value #AGENT_NO_LEARNING} strategy ran alongside
     * @param dividends       paid into cash (valued at the close) or reinvested (valued at adj_close)
     */
    public record Settings(CostModel costs, boolean learning, int horizonDays, double lambda, double initialNav,
                           boolean withNoLearning, DividendMode dividends) {
        public Settings {
            dividends = dividends == null ? DividendMode.REINVEST : dividends;
        }

        /** Dividends reinvested: the earlier shape. */
        public Settings(CostModel costs, boolean learning, int horizonDays, double lambda, double initialNav,
                        boolean withNoLearning) {
            this(costs, learning, horizonDays, lambda, initialNav, withNoLearning, DividendMode.REINVEST);
        }
    }

    /**
     * One strategy over the run.
     *
     * @param nav      NAV at each day's close (after that day's trades and costs), aligned to {@code dates}
     * @param drift    portfolio drift {@code sum|w - t| / 2} (cash included, target 0) at each close
     * @param rebalanceDays indexes into {@code dates} of the days on which it traded
     * @param unitValue the NAV with contributions and withdrawals taken out (time-weighted; the performance
     *                  metrics are computed on it); the NAV itself when the portfolio has no cash flows
     */
    public record StrategyResult(String name, double[] nav, double[] drift, List<Integer> rebalanceDays,
                                 StrategyMetrics metrics, double[] unitValue) {
        public StrategyResult {
            rebalanceDays = List.copyOf(rebalanceDays);
            unitValue = unitValue == null ? nav : unitValue;
        }

        /** Without cash flows (the unit value is the NAV): the earlier shape. */
        public StrategyResult(String name, double[] nav, double[] drift, List<Integer> rebalanceDays,
                              StrategyMetrics metrics) {
            this(name, nav, drift, rebalanceDays, metrics, nav);
        }
    }

    /**
     * The agent at one day's close.
     *
     * @param weights        weight of each ticker (aligned to {@code tickers}) after the day's trades
     * @param drift          portfolio drift after the day's trades
     * @param maxPositionDrift largest |w - t| of a position after the day's trades
     * @param driftCritical  critical drift threshold in force that day (after regime scaling and adaptation);
     *                       likewise {@code driftHigh} and {@code driftMedium}
     * @param action         NO_ACTION, DEFER or REBALANCE (the cycle's decision)
     * @param traded         value traded that day (currency, including tranches of an earlier GRADUAL plan)
     */
    public record AgentDay(LocalDate date, double nav, double cash, double[] weights, double drift,
                           double maxPositionDrift, double driftCritical, double driftHigh, double driftMedium,
                           double relativeBand, Regime regime, Verdict verdict, String action, double traded,
                           double cost) {
    }

    /**
     * One scenario of a triggered decision, simulated forward over the horizon from the decision day's state.
     *
     * @param horizonReturn   NAV after the horizon / NAV before trading - 1 (costs included)
     * @param trackingError   sample sd of daily (scenario - target) returns over the horizon x sqrt(horizon)
     * @param objective       horizonReturn - lambda x trackingError
     * @param vetoed          the rules vetoed it (it still counts as an alternative for regret)
     */
    public record ScenarioOutcome(ScenarioType type, boolean vetoed, double score, double turnover, double cost,
                                  double horizonReturn, double trackingError, double objective) {
    }

    /**
     * A triggered agent decision and how it turned out.
     *
     * @param record          the whole cycle record (scenarios, scores, trades, fired rules)
     * @param chosen          the scenario chosen (DEFER included)
     * @param scored          false when the run ended before the horizon did (regret and outcomes are then NaN)
     * @param horizonEnd      the day the horizon ends (null when not scored)
     * @param regret          best alternative's objective minus the chosen one's, at least 0
     * @param bestAlternative the alternative with the highest objective (null if none)
     * @param activeReturn    cost-adjusted gain over the alternative: for a rebalance its horizon return minus
     *                        DEFER's, for a deferral DEFER's minus FULL's (NaN when that alternative is missing)
     * @param regretReturn    the return part of the regret: best alternative's horizon return minus the chosen one's
     * @param regretTracking  the tracking-error part: lambda x (chosen TE - best alternative's TE); the two add up to
     *                        the regret when it is positive (both 0 when it is 0)
     */
    public record DecisionOutcome(LocalDate date, String cycleId, Regime regime, ScenarioType chosen, Timing timing,
                                  String action, CycleRecord record, boolean scored, LocalDate horizonEnd,
                                  List<ScenarioOutcome> scenarios, double regret, ScenarioType bestAlternative,
                                  double activeReturn, double regretReturn, double regretTracking) {
        public DecisionOutcome {
            scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        }

        /** Without the regret split (NaN): the earlier shape. */
        public DecisionOutcome(LocalDate date, String cycleId, Regime regime, ScenarioType chosen, Timing timing,
                               String action, CycleRecord record, boolean scored, LocalDate horizonEnd,
                               List<ScenarioOutcome> scenarios, double regret, ScenarioType bestAlternative,
                               double activeReturn) {
            this(date, cycleId, regime, chosen, timing, action, record, scored, horizonEnd, scenarios, regret,
                    bestAlternative, activeReturn, Double.NaN, Double.NaN);
        }
    }

    /** An adaptive threshold change the agent applied on {@code date}, in the regime of that cycle. */
    public record ThresholdEvent(LocalDate date, Regime regime, AppliedThresholdChange change) {
    }

    /**
     * Scored, non-overlapping decisions of one regime and chosen scenario: count, mean regret, mean active return,
     * hit rate, the t-statistic of the mean active return and the regret split into its return and tracking-error
     * parts.
     */
    public record OutcomeSummary(Regime regime, ScenarioType scenario, int count, double meanRegret,
                                 double meanActiveReturn, double hitRate, double activeT, double meanRegretReturn,
                                 double meanRegretTracking) {
        /** Without the t-statistic and the split (NaN): the earlier shape. */
        public OutcomeSummary(Regime regime, ScenarioType scenario, int count, double meanRegret,
                              double meanActiveReturn, double hitRate) {
            this(regime, scenario, count, meanRegret, meanActiveReturn, hitRate, Double.NaN, Double.NaN, Double.NaN);
        }
    }

    /**
     * Wall-clock milliseconds: total, price/market load, agent cycles, regret scoring, baselines, store writes
     * (snapshot building plus waiting for the writer at the end); {@code agentCycleCpuMillis} is the CPU time of
     * the agent cycles on their thread (unaffected by other load on the machine).
     */
    public record Timings(long totalMillis, long loadMillis, long agentCycleMillis, long regretMillis,
                          long baselineMillis, long storeMillis, int cycles, long agentCycleCpuMillis) {
        /** Without the CPU figure (-1: not measured); the original shape, kept for existing callers. */
        public Timings(long totalMillis, long loadMillis, long agentCycleMillis, long regretMillis, long baselineMillis,
                       long storeMillis, int cycles) {
            this(totalMillis, loadMillis, agentCycleMillis, regretMillis, baselineMillis, storeMillis, cycles, -1);
        }
    }
}
