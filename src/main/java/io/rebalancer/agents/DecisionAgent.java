package io.rebalancer.agents;

import io.rebalancer.domain.Priority;
import io.rebalancer.domain.ScenarioType;
import io.rebalancer.domain.Trade;
import io.rebalancer.rules.Phase;
import io.rebalancer.rules.PhaseResult;
import io.rebalancer.rules.RuleEngine;
import io.rebalancer.rules.facts.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Phase 3: choose the scenario and timing, prioritise the trades, adapt the thresholds. */
public final class DecisionAgent {
    private final RuleEngine rules;

    public DecisionAgent(RuleEngine rules) {
        this.rules = rules;
    }

    DecisionResult decide(CycleInput in, MonitorResult monitor, AnalyzerResult analysis) {
        List<Object> facts = new ArrayList<>();
        facts.add(monitor.regime());
        facts.add(monitor.previousRegime());
        facts.add(monitor.thresholds());
        facts.add(monitor.verdict());
        facts.addAll(in.outcomes());
        Map<String, PositionDrift> driftByTicker = new HashMap<>();
        monitor.drift().positions().forEach(p -> driftByTicker.put(p.ticker(), p));
        if (analysis != null) {
            facts.add(analysis.recommendation());
            for (SimulatedScenario s : analysis.scenarios().values()) {
                facts.add(s.metrics());
                for (Trade t : s.trades()) {
                    PositionDrift d = driftByTicker.get(t.ticker().symbol());
                    facts.add(new TradeCandidate(s.metrics().type(), t.ticker().symbol(), t.side(), t.shares(),
                            t.value(), d.target(), d.drift(), d.absDrift()));
                }
            }
        }
        PhaseResult result = rules.fire(Phase.DECIDE, facts);
        ScenarioChosen chosen = result.one(ScenarioChosen.class).orElse(null);
        TimingDecided timing = result.one(TimingDecided.class).orElse(null);
        if (analysis != null && (chosen == null || timing == null)) {
            throw new IllegalStateException("the decide rules concluded " + (chosen == null ? "no scenario" : "no timing")
                    + " for a triggered cycle; check decide.drl and timing.drl.xlsx (rules validate)");
        }
        List<PlannedTrade> plan = chosen == null || chosen.deferred() ? List.of()
                : plan(analysis.scenarios().get(chosen.type()), result.all(TradePriority.class));
        List<AppliedThresholdChange> applied = new ArrayList<>();
        AgentMemory memory = applyChanges(in, monitor, result.all(ThresholdChange.class), applied);
        memory = remember(memory, in.asOf(), monitor.regime(), DecisionResult.rebalances(chosen, timing, plan));
        return new DecisionResult(chosen, timing, plan, applied, memory, result);
    }

    private static List<PlannedTrade> plan(SimulatedScenario scenario, List<TradePriority> priorities) {
        Map<String, TradePriority> byTicker = new HashMap<>();
        priorities.forEach(p -> byTicker.put(p.ticker(), p));
        List<PlannedTrade> out = new ArrayList<>();
        for (Trade t : scenario.trades()) {
            TradePriority p = byTicker.get(t.ticker().symbol());
            if (p == null) {
                throw new IllegalStateException("the decide rules gave no priority to the " + t.ticker()
                        + " trade; check the priority rules in decide.drl");
            }
            out.add(new PlannedTrade(p.priority(), t.ticker().symbol(), t.side(), t.shares(), t.price(), t.value(),
                    t.cost(), p.rationale(), p.rule()));
        }
        out.sort(Comparator.comparing(PlannedTrade::priority).thenComparing(t -> -t.value()));
        return out;
    }

    private static AgentMemory applyChanges(CycleInput in, MonitorResult monitor, List<ThresholdChange> changes,
                                            List<AppliedThresholdChange> applied) {
        AgentMemory m = in.memory();
        double base = monitor.regimeThresholds().driftCritical();
        double min = in.portfolio().bounds().minDriftCritical();
        double max = in.portfolio().bounds().maxDriftCritical();
        double persistent = m.persistentOffset();
        double temporary = m.temporaryOffset();
        LocalDate until = m.temporaryUntil();
        for (ThresholdChange c : changes) {
            double before = critical(base, persistent, temporary, until, in.asOf(), min, max);
            double appliedDelta;
            LocalDate changeUntil = null;
            if (c.durationDays() > 0) {
                appliedDelta = c.delta();
                temporary = c.delta();
                until = in.asOf().plusDays(c.durationDays());
                changeUntil = until;
            } else {
                double next = Math.max(min - base, Math.min(max - base, persistent + c.delta()));
                appliedDelta = next - persistent;
                persistent = next;
            }
            LocalDate next = in.asOf().plusDays(1);
            double after = critical(base, persistent, temporary, until, next, min, max);
            applied.add(new AppliedThresholdChange(c.kind(), c.delta(), appliedDelta, c.durationDays(), before, after,
                    changeUntil, c.reason(), c.rule()));
        }
        return new AgentMemory(persistent, temporary, until, m.lastRegime(), m.rebalanceDates());
    }

    private static double critical(double scaled, double persistent, double temporary, LocalDate until,
                                   LocalDate on, double min, double max) {
        double t = until != null && !on.isAfter(until) ? temporary : 0;
        return Math.max(min, Math.min(max, scaled + persistent + t));
    }

    private static AgentMemory remember(AgentMemory m, LocalDate asOf, RegimeClassified regime, boolean rebalanced) {
        List<LocalDate> dates = new ArrayList<>(m.rebalanceDates());
        if (rebalanced) {
            dates.add(asOf);
            while (dates.size() > AgentMemory.KEPT) {
                dates.remove(0);
            }
        }
        return new AgentMemory(m.persistentOffset(), m.temporaryOffset(), m.temporaryUntil(), regime.regime(), dates);
    }


}
