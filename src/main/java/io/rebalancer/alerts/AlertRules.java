package io.rebalancer.alerts;

import io.rebalancer.agents.CycleRecord;
import io.rebalancer.domain.Alert;
import io.rebalancer.rules.Phase;
import io.rebalancer.rules.PhaseResult;
import io.rebalancer.rules.RuleEngine;
import io.rebalancer.rules.facts.AlertRaised;
import io.rebalancer.rules.facts.AlertSignals;
import io.rebalancer.rules.facts.Trigger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which alerts to raise: the alert table's rules ({@code rules/alerts.drl.xlsx}, phase {@link Phase#ALERT}) fire on
 * one {@link AlertSignals}; each {@link AlertRaised} becomes an {@link Alert} with the table's message template
 * filled from the signals. When two rows raise the same code, the first to fire is kept.
 */
public final class AlertRules {
    public static final String NONE = AlertSignals.NONE;
    public static final String EXECUTION = AlertSignals.EXECUTION;
    public static final String BATCH = AlertSignals.BATCH;

    private final RuleEngine rules;
    private final Clock clock;

    public AlertRules(RuleEngine rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    public List<Alert> evaluate(AlertSignals signals) {
        PhaseResult result = rules.fire(Phase.ALERT, List.of(signals));
        Map<String, Alert> byCode = new LinkedHashMap<>();
        for (AlertRaised r : result.all(AlertRaised.class)) {
            byCode.putIfAbsent(r.code(), new Alert(signals.portfolioId(), signals.day(), r.code(), r.severity(),
                    fill(r.message(), signals), r.rule(), clock.instant()));
        }
        return new ArrayList<>(byCode.values());
    }

    /** The signals of a cycle: its verdict, regime change, VaR and thresholds, and how stale the prices are. */
    public static AlertSignals ofCycle(CycleRecord r, LocalDate latestPriceDay, int staleSessions) {
        CycleRecord.Monitor m = r.monitor();
        String triggers = m.triggers().stream().map(Trigger::reason).collect(Collectors.joining("; "));
        return new AlertSignals(r.portfolioId(), r.asOf(), m.verdict(), m.regime().regime(),
                m.previousRegime() == null ? null : m.previousRegime().regime(), m.risk().var95(),
                m.thresholds().varWarning(), m.thresholds().varCritical(), latestPriceDay, staleSessions, NONE, null,
                triggers);
    }

    /** The signals of a failure ({@link #EXECUTION} or {@link #BATCH}) or of stale prices alone, with no cycle. */
    public static AlertSignals ofEvent(String portfolioId, LocalDate day, LocalDate latestPriceDay, int staleSessions,
            String failure, String message) {
        return new AlertSignals(portfolioId, day, null, null, null, Double.NaN, Double.NaN, Double.NaN,
                latestPriceDay, staleSessions, failure, message, null);
    }

    /** Fills {portfolio}, {day}, {regime}, {previous_regime}, {var95}, {var_warning}, {var_critical}, ... */
    static String fill(String template, AlertSignals s) {
        return template.replace("{portfolio}", s.portfolioId())
                .replace("{day}", String.valueOf(s.day()))
                .replace("{regime}", String.valueOf(s.regime()))
                .replace("{previous_regime}", String.valueOf(s.previousRegime()))
                .replace("{var95}", pct(s.var95()))
                .replace("{var_warning}", pct(s.varWarning()))
                .replace("{var_critical}", pct(s.varCritical()))
                .replace("{latest_price_day}", String.valueOf(s.latestPriceDay()))
                .replace("{stale_sessions}", Integer.toString(s.staleSessions()))
                .replace("{failure_message}", s.failureMessage() == null ? "" : s.failureMessage())
                .replace("{triggers}", s.triggers() == null ? "" : s.triggers());
    }

    private static String pct(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.2f %%", fraction * 100) : "n/a";
    }
}
