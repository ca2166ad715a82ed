package io.rebalancer.report;

import io.rebalancer.agents.CycleRecord;
import io.rebalancer.agents.PlannedTrade;
import io.rebalancer.analytics.Linking;
import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.backtest.BacktestResult;
import io.rebalancer.domain.Regime;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link ReportData} from a {@link BacktestResult} and the prices the run traded at. */
public final class BacktestReportData {
    private BacktestReportData() {
    }

    /**
     * @param prices a history holding every ticker of the run on every day of the run (adjusted closes are used)
     * @throws IllegalArgumentException if a day or ticker of the run is missing from the prices
     */
    public static ReportData of(BacktestResult r, PriceHistory prices, Linking linking) {
        List<LocalDate> dates = r.dates();
        int n = dates.size();
        Map<String, double[]> adj = new LinkedHashMap<>();
        int[] idx = new int[n];
        for (int d = 0; d < n; d++) {
            idx[d] = prices.indexOf(dates.get(d));
            if (idx[d] < 0) {
                throw new IllegalArgumentException("no prices on " + dates.get(d) + " for the report of run " + r.runId());
            }
        }
        for (String t : r.tickers()) {
            if (!prices.tickers().contains(t)) {
                throw new IllegalArgumentException("no prices for " + t + " for the report of run " + r.runId());
            }
            double[] a = new double[n];
            for (int d = 0; d < n; d++) {
                a[d] = prices.adjClose(t, idx[d]);
            }
            adj.put(t, a);
        }
        List<ReportData.Strategy> strategies = new ArrayList<>();
        BacktestResult.StrategyResult agent = r.agent();
        if (agent == null) {
            throw new IllegalArgumentException("run " + r.runId() + " has no '" + BacktestResult.AGENT + "' strategy");
        }
        strategies.add(strategy(agent, true));
        r.strategies().forEach((name, s) -> {
            if (!name.equals(BacktestResult.AGENT)) {
                strategies.add(strategy(s, false));
            }
        });
        Map<String, double[]> weights = new LinkedHashMap<>();
        for (String t : r.tickers()) {
            weights.put(t, new double[n]);
        }
        double[] crit = new double[n];
        double[] high = new double[n];
        double[] med = new double[n];
        double[] rel = new double[n];
        List<Regime> regimes = new ArrayList<>(n);
        List<BacktestResult.AgentDay> days = r.agentDays();
        if (days.size() != n) {
            throw new IllegalArgumentException("run " + r.runId() + " has " + days.size() + " agent days for " + n
                    + " dates");
        }
        for (int d = 0; d < n; d++) {
            BacktestResult.AgentDay day = days.get(d);
            for (int i = 0; i < r.tickers().size(); i++) {
                weights.get(r.tickers().get(i))[d] = day.weights()[i];
            }
            crit[d] = day.driftCritical();
            high[d] = day.driftHigh();
            med[d] = day.driftMedium();
            rel[d] = day.relativeBand();
            regimes.add(day.regime());
        }
        List<ReportData.DecisionRow> decisions = new ArrayList<>();
        for (BacktestResult.DecisionOutcome o : r.decisions()) {
            decisions.add(decision(o));
        }
        List<ReportData.ThresholdChangeRow> changes = new ArrayList<>();
        for (BacktestResult.ThresholdEvent e : r.thresholdChanges()) {
            var c = e.change();
            changes.add(new ReportData.ThresholdChangeRow(e.date(), c.kind(), c.driftCriticalBefore(),
                    c.driftCriticalAfter(), c.durationDays(), c.reason() + (e.regime() == null ? "" : " (regime "
                    + e.regime() + ")"), c.rule()));
        }
        String bench = r.portfolio().benchmark().symbol();
        double[] benchmark = null;
        if (prices.tickers().contains(bench)) {
            benchmark = new double[n];
            for (int d = 0; d < n; d++) {
                benchmark[d] = prices.adjClose(bench, idx[d]);
            }
        }
        double[] dailyCost = new double[n];
        for (int d = 0; d < n; d++) {
            dailyCost[d] = days.get(d).cost();
        }
        return new ReportData("Backtest of " + r.portfolio().id() + ", " + r.from() + " to " + r.to(), r.runId(),
                r.rulesHash(), r.portfolio(), dates, strategies, adj, weights, crit, high, med, regimes, decisions,
                changes, linking, bench, benchmark, dailyCost, rel,
                RunSettings.describe(io.rebalancer.service.RecordJson.mapper().valueToTree(r.settings())));
    }

    private static ReportData.Strategy strategy(BacktestResult.StrategyResult s, boolean agent) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (s.metrics() != null) {
            s.metrics().toMap().forEach((k, v) -> m.put(k, ((Number) v).doubleValue()));
        }
        return new ReportData.Strategy(s.name(), agent, s.nav(), m);
    }

    static ReportData.DecisionRow decision(BacktestResult.DecisionOutcome o) {
        CycleRecord rec = o.record();
        List<ReportData.TradeRow> trades = new ArrayList<>();
        double turnover = Double.NaN;
        double cost = Double.NaN;
        List<String> reasoning = List.of();
        if (rec != null && rec.decision() != null) {
            CycleRecord.Decision d = rec.decision();
            for (PlannedTrade t : d.plan()) {
                trades.add(new ReportData.TradeRow(t.ticker(), String.valueOf(t.side()), t.shares(), t.value(),
                        t.cost(), t.priority() == null ? null : t.priority().name(), t.rule()));
            }
            turnover = d.turnover();
            cost = d.cost();
            reasoning = d.reasoning() == null ? List.of() : d.reasoning();
        }
        Map<String, Double> alternatives = new LinkedHashMap<>();
        for (BacktestResult.ScenarioOutcome s : o.scenarios()) {
            alternatives.put(s.type() + (s.vetoed() ? " (vetoed)" : "") + (s.type() == o.chosen() ? " (chosen)" : ""),
                    s.objective());
        }
        List<String> fired = new ArrayList<>();
        if (rec != null && rec.firedRules() != null) {
            rec.firedRules().forEach(f -> fired.add(f.phase() + ": " + f.rule()));
        }
        return new ReportData.DecisionRow(o.date(), o.cycleId(), o.action(),
                o.chosen() == null ? null : o.chosen().name(), o.regime() == null ? null : o.regime().name(), trades,
                turnover, cost, o.scored() ? o.regret() : Double.NaN,
                o.bestAlternative() == null ? null : o.bestAlternative().name(), alternatives, fired, reasoning,
                o.timing() == null ? null : o.timing().name());
    }
}
