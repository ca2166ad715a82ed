package io.rebalancer.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.rebalancer.agents.CycleRecord;
import io.rebalancer.backtest.BacktestResult.DecisionOutcome;
import io.rebalancer.backtest.BacktestResult.OutcomeSummary;
import io.rebalancer.service.NotFoundException;
import io.rebalancer.service.RecordJson;
import io.rebalancer.store.Stores;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes a stored run's metrics and regret from what the store holds alone: the run document (tickers,
 * targets, horizon, lambda), the daily snapshots (prices, NAV and trading of every strategy, rf, benchmark) and
 * the decisions (cycle records with their simulated scenarios). No prices are read from the price store.
 */
public final class BacktestRescore {
    /**
     * @param metrics        per strategy stored in the snapshots
     * @param decisions      every stored decision, re-scored where its horizon lies inside the run
     * @param maxRegretChange largest |recomputed - stored| regret over decisions scored both times
     */
    public record Result(String runId, String portfolioId, LocalDate from, LocalDate to,
                         Map<String, StrategyMetrics> metrics, List<DecisionOutcome> decisions,
                         List<OutcomeSummary> outcomeSummary, double maxRegretChange) {
    }

    private BacktestRescore() {
    }

    public static Result rescore(Stores stores, String runId) {
        JsonNode run = SnapshotCodec.read(stores.runs().find(runId).orElseThrow(
                () -> new NotFoundException("no backtest run '" + runId + "' in the store")));
        if (!"backtest".equals(run.path("kind").asText())) {
            throw new IllegalArgumentException("run " + runId + " is not a backtest run");
        }
        if (!"finished".equals(run.path("status").asText("finished"))) {
            // a killed run's snapshots stop part-way: metrics of that would pass for the run's
            throw new IllegalArgumentException("run " + runId + " has not finished (status "
                    + run.path("status").asText() + "); only a finished run is rescored");
        }
        List<String> tickers = new ArrayList<>();
        run.path("tickers").forEach(t -> tickers.add(t.asText()));
        double[] targets = new double[tickers.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = run.path("targets").get(i).asDouble();
        }
        JsonNode settings = run.path("settings");
        int horizon = settings.path("horizon_days").asInt(RegretScorer.DEFAULT_HORIZON);
        double lambda = settings.path("lambda").asDouble(RegretScorer.DEFAULT_LAMBDA);

        List<JsonNode> docs = SnapshotCodec.days(stores.snapshots().byRun(runId));
        if (docs.size() < 2) {
            throw new NotFoundException("run " + runId + " has " + docs.size() + " stored snapshots; need at least 2");
        }
        int n = docs.size();
        List<LocalDate> dates = new ArrayList<>(n);
        double[][] adj = new double[tickers.size()][n];
        double[] rf = new double[n - 1];
        double[] bench = new double[n];
        Map<String, double[][]> series = new LinkedHashMap<>();
        Map<String, int[]> trades = new HashMap<>();
        for (int k = 0; k < n; k++) {
            JsonNode s = docs.get(k);
            dates.add(LocalDate.parse(s.path("date").asText()));
            for (int i = 0; i < tickers.size(); i++) {
                adj[i][k] = s.path("prices").path(tickers.get(i)).asDouble();
            }
            if (k > 0) {
                rf[k - 1] = s.path("rf_daily").asDouble();
            }
            bench[k] = s.path("benchmark_adj_close").asDouble();
            for (Iterator<Map.Entry<String, JsonNode>> it = s.path("strategies").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                double[][] a = series.computeIfAbsent(e.getKey(), x -> new double[4][n]);
                a[0][k] = e.getValue().path("nav").asDouble();
                a[1][k] = e.getValue().path("drift").asDouble();
                a[2][k] = e.getValue().path("turnover").asDouble();
                a[3][k] = e.getValue().path("cost").asDouble();
                trades.computeIfAbsent(e.getKey(), x -> new int[n])[k] = e.getValue().path("trades").asInt();
            }
        }
        double[] benchReturns = new double[n - 1];
        for (int k = 1; k < n; k++) {
            benchReturns[k - 1] = bench[k] / bench[k - 1] - 1;
        }
        double[] atTarget = BacktestContext.targetReturns(adj, targets, 0, n - 1);
        Map<String, StrategyMetrics> metrics = new LinkedHashMap<>();
        series.forEach((name, a) -> metrics.put(name,
                BacktestMetrics.of(dates, a[0], rf, benchReturns, a[2], trades.get(name), a[3], a[1], atTarget)));

        Map<LocalDate, Integer> dayIndex = new HashMap<>();
        for (int k = 0; k < n; k++) {
            dayIndex.put(dates.get(k), k);
        }
        RegretScorer scorer = new RegretScorer(tickers, targets, horizon, lambda);
        OutcomeBook book = new OutcomeBook();
        List<DecisionOutcome> outcomes = new ArrayList<>();
        double maxChange = 0;
        for (String json : stores.decisions().byRun(runId)) {
            CycleRecord record = RecordJson.read(json, CycleRecord.class);
            Integer t = dayIndex.get(record.asOf());
            if (t == null || record.analysis() == null) {
                continue;
            }
            DecisionOutcome o = t + horizon <= n - 1 ? scorer.score(record, t, adj, dates, n - 1)
                    : RegretScorer.unscored(record);
            outcomes.add(o);
            if (o.scored()) {
                JsonNode stored = SnapshotCodec.read(json).path("backtest").path("regret");
                if (stored.isNumber()) {
                    maxChange = Math.max(maxChange, Math.abs(stored.asDouble() - o.regret()));
                }
            }
        }
        outcomes.sort(java.util.Comparator.comparing(DecisionOutcome::date));
        outcomes.stream().filter(DecisionOutcome::scored).forEach(book::add);
        return new Result(runId, run.path("portfolio_id").asText(), dates.get(0), dates.get(n - 1), metrics, outcomes,
                book.summary(), maxChange);
    }
}
