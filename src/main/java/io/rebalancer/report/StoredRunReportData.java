package io.rebalancer.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.rebalancer.agents.AppliedThresholdChange;
import io.rebalancer.agents.CycleRecord;
import io.rebalancer.agents.PlannedTrade;
import io.rebalancer.analytics.Linking;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.Regime;
import io.rebalancer.service.NotFoundException;
import io.rebalancer.service.RecordJson;
import io.rebalancer.store.Stores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds {@link ReportData} of a finished backtest run from the store alone: the run document (portfolio,
 * rules hash, tickers, metrics per strategy under the contract's names), the daily snapshots (one document per
 * day or per chunk of days {@code {"days": [...]}}; adjusted closes,
 * every strategy's NAV, the agent's weights, regime and thresholds) and the stored decisions (cycle records
 * with a {@code backtest} outcome object holding regret and the scenarios' outcomes).
 */
public final class StoredRunReportData {
    private StoredRunReportData() {
    }

    /** The id of the most recently finished run. */
    public static String latestRunId(Stores stores) {
        String json = stores.runs().latestFinished()
                .orElseThrow(() -> new NotFoundException("no finished backtest run in the store; run 'rebalancer backtest' first"));
        return tree(json).path("run_id").asText();
    }

    public static ReportData load(Stores stores, String runId, Linking linking) {
        JsonNode run = tree(stores.runs().find(runId)
                .orElseThrow(() -> new NotFoundException("no backtest run '" + runId + "' in the store")));
        if (!"finished".equals(run.path("status").asText("finished"))) {
            throw new IllegalArgumentException("run " + runId + " has not finished (status "
                    + run.path("status").asText() + ")");
        }
        String portfolioId = run.path("portfolio_id").asText();
        PortfolioDefinition pf = stores.portfolios().definition(portfolioId)
                .orElseThrow(() -> new NotFoundException("run " + runId + " names portfolio '" + portfolioId
                        + "', which is not in the store"));
        List<String> tickers = new ArrayList<>();
        run.path("tickers").forEach(t -> tickers.add(t.asText()));
        if (tickers.isEmpty()) {
            pf.tickers().forEach(t -> tickers.add(t.toString()));
        }
        List<JsonNode> docs = days(stores.snapshots().byRun(runId));
        int n = docs.size();
        if (n < 2) {
            throw new NotFoundException("run " + runId + " has " + n + " stored snapshots; a report needs at least 2");
        }
        List<LocalDate> dates = new ArrayList<>(n);
        Map<String, double[]> adj = new LinkedHashMap<>();
        Map<String, double[]> weights = new LinkedHashMap<>();
        tickers.forEach(t -> {
            adj.put(t, new double[n]);
            weights.put(t, new double[n]);
        });
        Map<String, double[]> navs = new LinkedHashMap<>();
        double[] crit = new double[n];
        double[] high = new double[n];
        double[] med = new double[n];
        double[] rel = new double[n];
        List<Regime> regimes = new ArrayList<>(n);
        double[] benchmark = new double[n];
        double[] agentCost = new double[n];
        boolean hasBenchmark = true;
        for (int k = 0; k < n; k++) {
            JsonNode s = docs.get(k);
            hasBenchmark &= s.path("benchmark_adj_close").isNumber();
            benchmark[k] = s.path("benchmark_adj_close").asDouble(Double.NaN);
            agentCost[k] = s.path("strategies").path("agent").path("cost").asDouble(0);
            dates.add(LocalDate.parse(s.path("date").asText()));
            for (String t : tickers) {
                adj.get(t)[k] = s.path("prices").path(t).asDouble(Double.NaN);
            }
            int day = k;
            for (Iterator<Map.Entry<String, JsonNode>> it = s.path("strategies").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                navs.computeIfAbsent(e.getKey(), x -> new double[n])[day] = e.getValue().path("nav").asDouble(Double.NaN);
            }
            JsonNode a = s.path("agent");
            for (String t : tickers) {
                weights.get(t)[k] = a.path("weights").path(t).asDouble(0);
            }
            crit[k] = a.path("drift_critical").asDouble(Double.NaN);
            high[k] = a.path("drift_high").asDouble(Double.NaN);
            med[k] = a.path("drift_medium").asDouble(Double.NaN);
            rel[k] = a.path("relative_band").asDouble(Double.NaN);
            String regime = a.path("regime").asText(null);
            regimes.add(regime == null ? null : Regime.valueOf(regime));
        }
        if (!navs.containsKey("agent")) {
            throw new IllegalArgumentException("run " + runId + " has no 'agent' strategy in its snapshots");
        }
        List<ReportData.Strategy> strategies = new ArrayList<>();
        strategies.add(new ReportData.Strategy("agent", true, navs.get("agent"), metrics(run, "agent")));
        navs.forEach((name, nav) -> {
            if (!name.equals("agent")) {
                strategies.add(new ReportData.Strategy(name, false, nav, metrics(run, name)));
            }
        });
        List<ReportData.DecisionRow> decisions = new ArrayList<>();
        List<ReportData.ThresholdChangeRow> changes = new ArrayList<>();
        for (String json : stores.decisions().byRun(runId)) {
            CycleRecord rec = RecordJson.read(json, CycleRecord.class);
            if (rec.decision() != null && rec.decision().thresholdChanges() != null) {
                for (AppliedThresholdChange c : rec.decision().thresholdChanges()) {
                    changes.add(new ReportData.ThresholdChangeRow(rec.asOf(), c.kind(), c.driftCriticalBefore(),
                            c.driftCriticalAfter(), c.durationDays(), c.reason(), c.rule()));
                }
            }
            if (rec.analysis() == null) {
                continue;
            }
            decisions.add(decision(rec, tree(json).path("backtest")));
        }
        decisions.sort(java.util.Comparator.comparing(ReportData.DecisionRow::date));
        changes.sort(java.util.Comparator.comparing(ReportData.ThresholdChangeRow::date));
        return new ReportData("Backtest of " + portfolioId + ", " + dates.get(0) + " to " + dates.get(n - 1), runId,
                run.path("rules_hash").asText(), pf, dates, strategies, adj, weights, crit, high, med, regimes,
                decisions, changes, linking, pf.benchmark().symbol(), hasBenchmark ? benchmark : null, agentCost, rel,
                RunSettings.describe(run.path("settings")));
    }

    private static Map<String, Double> metrics(JsonNode run, String strategy) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = run.path("strategies").path(strategy).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().isNumber() ? e.getValue().asDouble() : Double.NaN);
        }
        return out;
    }

    private static ReportData.DecisionRow decision(CycleRecord rec, JsonNode outcome) {
        List<ReportData.TradeRow> trades = new ArrayList<>();
        CycleRecord.Decision d = rec.decision();
        for (PlannedTrade t : d.plan()) {
            trades.add(new ReportData.TradeRow(t.ticker(), String.valueOf(t.side()), t.shares(), t.value(), t.cost(),
                    t.priority() == null ? null : t.priority().name(), t.rule()));
        }
        Map<String, Double> alternatives = new LinkedHashMap<>();
        String chosen = outcome.path("chosen").asText(d.chosen() == null ? null : d.chosen().type().name());
        for (JsonNode s : outcome.path("scenarios")) {
            String type = s.path("type").asText();
            alternatives.put(type + (s.path("vetoed").asBoolean() ? " (vetoed)" : "")
                    + (type.equals(chosen) ? " (chosen)" : ""), s.path("objective").asDouble(Double.NaN));
        }
        List<String> fired = new ArrayList<>();
        if (rec.firedRules() != null) {
            rec.firedRules().forEach(f -> fired.add(f.phase() + ": " + f.rule()));
        }
        double regret = outcome.path("scored").asBoolean(false) && outcome.path("regret").isNumber()
                ? outcome.path("regret").asDouble() : Double.NaN;
        String regime = outcome.path("regime").asText(rec.monitor() == null || rec.monitor().regime() == null ? null
                : rec.monitor().regime().regime().name());
        return new ReportData.DecisionRow(rec.asOf(), rec.cycleId(), d.action(), chosen, regime, trades, d.turnover(),
                d.cost(), regret, outcome.path("best_alternative").asText(null), alternatives, fired,
                d.reasoning() == null ? List.of() : d.reasoning(),
                d.timing() == null || d.timing().timing() == null ? null : d.timing().timing().name());
    }

    /** Day snapshots of the stored documents: one day each, or a chunk {@code {"days": [...]}}, in stored order. */
    static List<JsonNode> days(List<String> documents) {
        List<JsonNode> out = new ArrayList<>();
        for (String doc : documents) {
            JsonNode n = tree(doc);
            if (n.has("days")) {
                n.path("days").forEach(out::add);
            } else {
                out.add(n);
            }
        }
        return out;
    }

    private static JsonNode tree(String json) {
        try {
            return RecordJson.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("stored document is not JSON: " + e.getMessage(), e);
        }
    }
}
