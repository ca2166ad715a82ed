package io.rebalancer.rulediff;

import io.rebalancer.agents.Cycle;
import io.rebalancer.agents.CycleRecord;
import io.rebalancer.backtest.BacktestContext;
import io.rebalancer.backtest.BacktestEngine;
import io.rebalancer.backtest.BacktestListener;
import io.rebalancer.backtest.BacktestResult;
import io.rebalancer.backtest.BacktestResult.AgentDay;
import io.rebalancer.backtest.BacktestResult.DecisionOutcome;
import io.rebalancer.backtest.StrategyMetrics;
import io.rebalancer.rules.RuleEngine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Two rule sets through the backtest on the same prices, costs and starting book: the agent's metrics under
 * each (NAV, Sharpe, turnover, drift...) and the days whose decisions differ. Once one set trades and the other
 * does not, the books part and later days differ for that reason too; the comparison shows the whole effect.
 * Nothing is stored.
 */
public final class RuleSetComparison {
    private RuleSetComparison() {
    }

    /** One day whose decisions differ; {@code onlyA}/{@code onlyB} are rules fired under one set only. */
    public record DayDifference(LocalDate date, List<String> fields, String a, String b, Set<String> onlyA,
                                Set<String> onlyB) {
        public DayDifference {
            fields = List.copyOf(fields);
            onlyA = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(onlyA));
            onlyB = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(onlyB));
        }
    }

    /** The agent's metrics under each set, the trading days replayed and the days that differ. */
    public record Result(LocalDate from, LocalDate to, int days, String hashA, String hashB, StrategyMetrics a,
                         StrategyMetrics b, List<DayDifference> differences) {
        public Result {
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
            differences = List.copyOf(differences);
        }
    }

    /** Replays {@code context} once with each rule set (learning as the context's settings say). */
    public static Result run(BacktestContext context, RuleEngine a, RuleEngine b) {
        BacktestResult ra = BacktestEngine.run(context, new Cycle(a), "rules-diff-a", new BacktestListener() { });
        BacktestResult rb = BacktestEngine.run(context, new Cycle(b), "rules-diff-b", new BacktestListener() { });
        return new Result(ra.from(), ra.to(), ra.agentDays().size(), a.ruleSetHash(), b.ruleSetHash(),
                ra.agent().metrics(), rb.agent().metrics(), differences(ra, rb));
    }

    static List<DayDifference> differences(BacktestResult ra, BacktestResult rb) {
        Map<LocalDate, DecisionOutcome> da = byDate(ra.decisions());
        Map<LocalDate, DecisionOutcome> db = byDate(rb.decisions());
        List<DayDifference> out = new ArrayList<>();
        for (int k = 0; k < Math.min(ra.agentDays().size(), rb.agentDays().size()); k++) {
            AgentDay x = ra.agentDays().get(k);
            AgentDay y = rb.agentDays().get(k);
            DecisionOutcome ox = da.get(x.date());
            DecisionOutcome oy = db.get(y.date());
            List<String> fields = new ArrayList<>();
            if (x.regime() != y.regime()) {
                fields.add("regime");
            }
            if (x.verdict() != y.verdict()) {
                fields.add("verdict");
            }
            if (!Objects.equals(chosen(ox), chosen(oy))) {
                fields.add("chosen");
            }
            if (!Objects.equals(timing(ox), timing(oy))) {
                fields.add("timing");
            }
            if (!Objects.equals(x.action(), y.action())) {
                fields.add("action");
            }
            if (fields.isEmpty()) {
                continue;
            }
            Set<String> fa = fired(ox);
            Set<String> fb = fired(oy);
            Set<String> onlyA = new LinkedHashSet<>(fa);
            Set<String> onlyB = new LinkedHashSet<>(fb);
            if (ox != null && oy != null) {
                onlyA.removeAll(fb);
                onlyB.removeAll(fa);
            } else {
                onlyA.clear();
                onlyB.clear();
            }
            out.add(new DayDifference(x.date(), fields, summary(x, ox), summary(y, oy), onlyA, onlyB));
        }
        return out;
    }

    private static Map<LocalDate, DecisionOutcome> byDate(List<DecisionOutcome> decisions) {
        Map<LocalDate, DecisionOutcome> m = new HashMap<>();
        decisions.forEach(d -> m.put(d.date(), d));
        return m;
    }

    private static String chosen(DecisionOutcome o) {
        return o == null || o.chosen() == null ? "-" : o.chosen().name();
    }

    private static String timing(DecisionOutcome o) {
        return o == null || o.timing() == null ? "-" : o.timing().name();
    }

    private static Set<String> fired(DecisionOutcome o) {
        Set<String> s = new LinkedHashSet<>();
        if (o != null && o.record() != null) {
            CycleRecord r = o.record();
            r.firedRules().forEach(f -> s.add(f.rule()));
        }
        return s;
    }

    private static String summary(AgentDay d, DecisionOutcome o) {
        return d.regime() + " " + d.verdict() + " " + d.action() + " " + chosen(o) + " " + timing(o);
    }
}
