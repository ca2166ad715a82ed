package io.rebalancer.agents;

import io.rebalancer.domain.ScenarioType;
import io.rebalancer.domain.Trade;
import io.rebalancer.domain.Verdict;
import io.rebalancer.rules.FiredRule;
import io.rebalancer.rules.facts.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The whole record of one cycle, as stored and exported: inputs, every phase's facts and conclusions, the
 * fired rules in order, the decision and the memory carried to the next cycle. Fractions of NAV throughout.
 */
public record CycleRecord(
        String cycleId,
        String portfolioId,
        LocalDate asOf,
        String runId,
        String rulesHash,
        Inputs inputs,
        Monitor monitor,
        Analysis analysis,
        Decision decision,
        List<Firing> firedRules,
        AgentMemory memoryAfter) {

    /** What the agents were given. */
    public record Inputs(double nav, double cash, String priceBasis, Map<String, Double> prices,
                         Map<String, Double> shares, double vix, double vixPercentile) {
    }

    public record Monitor(List<PositionDrift> positions, List<SectorDrift> sectors, PortfolioDrift portfolioDrift,
                          RiskSnapshot risk, MarketConditions market, RegimeClassified regime,
                          PreviousRegime previousRegime, EffectiveThresholds thresholds, RebalanceHistory history,
                          List<Trigger> triggers, List<Observation> observations, Verdict verdict) {
    }

    /** One scenario: its simulated metrics, trades, score and any vetoes. */
    public record Scenario(ScenarioType type, ScenarioMetrics metrics, List<Trade> trades, ScenarioScore score,
                           List<ScenarioVeto> vetoes) {
    }

    public record Analysis(List<Scenario> scenarios, Recommendation recommendation) {
    }

    /**
     * action: NO_ACTION (monitor stable), DEFER or REBALANCE. Totals are over the plan: trade count, traded value
     * (currency), turnover (fraction of NAV) and modelled cost (currency).
     */
    public record Decision(String action, ScenarioChosen chosen, TimingDecided timing, List<PlannedTrade> plan,
                           int tradeCount, double tradedValue, double turnover, double cost,
                           List<AppliedThresholdChange> thresholdChanges, List<String> reasoning) {
    }

    /** A fired rule with the phase it fired in. */
    public record Firing(String phase, String group, String rule) {
        static Firing of(String phase, FiredRule f) {
            return new Firing(phase, f.group(), f.rule());
        }
    }

    public boolean rebalanced() {
        return "REBALANCE".equals(decision.action());
    }
}
