package io.rebalancer.explain;

import io.rebalancer.agents.AppliedThresholdChange;
import io.rebalancer.agents.CycleRecord;
import io.rebalancer.agents.PlannedTrade;
import io.rebalancer.rules.facts.EffectiveThresholds;
import io.rebalancer.rules.facts.Observation;
import io.rebalancer.rules.facts.Recommendation;
import io.rebalancer.rules.facts.ScenarioScore;
import io.rebalancer.rules.facts.ScenarioVeto;
import io.rebalancer.rules.facts.Trigger;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.rebalancer.explain.Figures.f;
import static io.rebalancer.explain.Figures.pct;
import static io.rebalancer.explain.Figures.pp;

/**
 * What each fired rule of a stored decision concluded, read from the conclusion facts in its record (they carry the
 * name of the rule that made them). A rule that fired more than once concludes in turn; a rule whose conclusion the
 * record does not keep (an intermediate fact) is described by what it is for.
 */
public final class RuleConclusions {
    private final Map<String, Deque<String>> byRule;

    private RuleConclusions(Map<String, Deque<String>> byRule) {
        this.byRule = byRule;
    }

    /** The next conclusion of this rule, in the order the record keeps them. */
    public String next(String rule) {
        Deque<String> q = byRule.get(rule);
        return q == null || q.isEmpty() ? intermediate(rule) : q.poll();
    }

    public static RuleConclusions of(CycleRecord r) {
        Map<String, Deque<String>> out = new LinkedHashMap<>();
        CycleRecord.Monitor m = r.monitor();
        add(out, m.regime().rule(), "regime " + m.regime().regime() + ": " + m.regime().reason());
        EffectiveThresholds t = m.thresholds();
        add(out, t.rule(), f("thresholds in force: drift critical %s, high %s, medium %s, turnover cap %s",
                pct(t.driftCritical()), pct(t.driftHigh()), pct(t.driftMedium()), pct(t.maxTurnover())));
        for (Trigger tr : m.triggers()) {
            add(out, tr.rule(), "trigger " + tr.code() + ": " + tr.reason());
        }
        for (Observation o : m.observations()) {
            add(out, o.rule(), "observation " + o.code() + ": " + o.reason());
        }
        add(out, "verdict: triggered", "verdict TRIGGERED");
        add(out, "verdict: stable", "verdict STABLE");
        if (r.analysis() != null) {
            for (CycleRecord.Scenario sc : r.analysis().scenarios()) {
                if (sc.score() != null) {
                    ScenarioScore x = sc.score();
                    add(out, x.rule(), f("%s nets %.2f bp a year (benefit %.2f - cost %.2f)", x.type(), x.netBp(),
                            x.benefitBp(), x.costBp()));
                }
            }
            for (CycleRecord.Scenario sc : r.analysis().scenarios()) {
                for (ScenarioVeto v : sc.vetoes()) {
                    add(out, v.rule(), "veto " + v.type() + ": " + v.reason());
                }
            }
            Recommendation rec = r.analysis().recommendation();
            add(out, rec.rule(), f("recommend %s (net %.2f bp a year, confidence %.0f %%)", rec.type(), rec.score(), rec.confidence() * 100));
        }
        CycleRecord.Decision d = r.decision();
        if (d.chosen() != null) {
            add(out, d.chosen().rule(), "choose " + d.chosen().type() + ": " + d.chosen().reason());
        }
        if (d.timing() != null) {
            add(out, d.timing().rule(), f("timing %s (%d tranches, re-check %d days): %s", d.timing().timing(),
                    d.timing().tranches(), d.timing().recheckDays(), d.timing().reason()));
        }
        for (PlannedTrade p : d.plan()) {
            add(out, p.rule(), p.priority() + " " + p.side() + " " + p.ticker() + ": " + p.rationale());
        }
        for (AppliedThresholdChange c : d.thresholdChanges()) {
            add(out, c.rule(), c.kind() + " " + pp(c.requestedDelta()) + ": " + c.reason());
        }
        return new RuleConclusions(out);
    }

    private static void add(Map<String, Deque<String>> out, String rule, String text) {
        if (rule != null) {
            out.computeIfAbsent(rule, k -> new ArrayDeque<>()).add(text);
        }
    }

    /** What a rule whose conclusion is not kept in the record is for, from the naming of the shipped rules. */
    static String intermediate(String rule) {
        if (rule.startsWith("vix from")) {
            return "VIX signal (intermediate; see the regime line)";
        }
        if (rule.startsWith("realised vol")) {
            return "realised-volatility signal (intermediate; see the regime line)";
        }
        if (rule.startsWith("thresholds: ") && !rule.startsWith("thresholds: the regime")) {
            return "the regime's row of thresholds.drl.xlsx (intermediate; see the thresholds line)";
        }
        if (rule.startsWith("cost-benefit:")) {
            return "risk aversion and holding horizon for the regime (intermediate; used by the values)";
        }
        if (rule.startsWith("review:")) {
            return "today is a review day for the regime's cadence";
        }
        return "(intermediate fact, not kept in the record)";
    }
}
