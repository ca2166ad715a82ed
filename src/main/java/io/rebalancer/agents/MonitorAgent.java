package io.rebalancer.agents;

import io.rebalancer.domain.Regime;
import io.rebalancer.rules.Phase;
import io.rebalancer.rules.PhaseResult;
import io.rebalancer.rules.RuleEngine;
import io.rebalancer.rules.facts.*;

import java.util.ArrayList;
import java.util.List;

/** Phase 1: drift, risk and market facts in; regime, thresholds in force, triggers and a verdict out. */
public final class MonitorAgent {
    /** The regime assumed before the first cycle, so the VIX table's hysteresis has a starting point. */
    static final Regime STARTING_REGIME = Regime.MODERATE;
    private static final int RECENT_WINDOW = 60;

    private final RuleEngine rules;

    public MonitorAgent(RuleEngine rules) {
        this.rules = rules;
    }

    MonitorResult assess(CycleInput in, Book book, RiskModel risk) {
        DriftFacts drift = DriftFacts.of(book, in.portfolio());
        RiskSnapshot riskNow = risk.snapshot(book.weights());
        MarketConditions market = risk.market(in.vix(), in.vixPercentile(), in.history(),
                in.portfolio().benchmark().symbol(), in.asOfIndex());
        AgentMemory m = in.memory();
        AdaptiveState adaptive = new AdaptiveState(m.persistentOffset(), m.temporaryOffset(),
                m.temporaryActive(in.asOf()), in.portfolio().bounds().minDriftCritical(),
                in.portfolio().bounds().maxDriftCritical());
        PreviousRegime previous = new PreviousRegime(m.lastRegime() == null ? STARTING_REGIME : m.lastRegime());
        RebalanceHistory history = new RebalanceHistory(in.daysSinceLastRebalance(), in.rebalancesWithin(RECENT_WINDOW));

        List<Object> facts = new ArrayList<>();
        facts.addAll(drift.positions());
        facts.addAll(drift.sectors());
        facts.add(drift.portfolio());
        facts.add(riskNow);
        facts.add(market);
        facts.add(calendar(in));
        facts.add(adaptive);
        facts.add(previous);
        facts.add(history);
        PhaseResult result = rules.fire(Phase.MONITOR, facts);
        RegimeClassified regime = required(result, RegimeClassified.class);
        RegimeThresholds table = required(result, RegimeThresholds.class);
        CostBenefit value = required(result, CostBenefit.class);
        EffectiveThresholds thresholds = required(result, EffectiveThresholds.class);
        MonitorVerdict verdict = required(result, MonitorVerdict.class);
        return new MonitorResult(drift, riskNow, market, table, value, adaptive, previous, history, regime, thresholds,
                result.all(Trigger.class), result.all(Observation.class), verdict, result);
    }

    /** New week, month, quarter and year against the previous stored trading day (every period is new on the first day). */
    static ReviewCalendar calendar(CycleInput in) {
        int end = in.asOfIndex();
        if (end == 0) {
            return ReviewCalendar.allNew();
        }
        java.time.LocalDate today = in.asOf();
        java.time.LocalDate previous = in.history().dates().get(end - 1);
        java.time.temporal.WeekFields iso = java.time.temporal.WeekFields.ISO;
        boolean newWeek = today.get(iso.weekOfWeekBasedYear()) != previous.get(iso.weekOfWeekBasedYear())
                || today.get(iso.weekBasedYear()) != previous.get(iso.weekBasedYear());
        boolean newMonth = today.getMonthValue() != previous.getMonthValue() || today.getYear() != previous.getYear();
        boolean newQuarter = (today.getMonthValue() - 1) / 3 != (previous.getMonthValue() - 1) / 3
                || today.getYear() != previous.getYear();
        boolean newYear = today.getYear() != previous.getYear();
        return new ReviewCalendar(newWeek, newMonth, newQuarter, newYear);
    }

    static <T> T required(PhaseResult result, Class<T> type) {
        return result.one(type).orElseThrow(() -> new IllegalStateException("the " + result.phase().name()
                .toLowerCase(java.util.Locale.ROOT) + " rules concluded no " + type.getSimpleName()
                + "; check the rule tables cover every case (rules validate)"));
    }
}
