package io.rebalancer.query;

import io.rebalancer.agents.AppliedThresholdChange;
import io.rebalancer.agents.CycleRecord;
import io.rebalancer.agents.PlannedTrade;
import io.rebalancer.rules.facts.ScenarioVeto;
import io.rebalancer.rules.facts.Trigger;
import io.rebalancer.service.CycleOutcome;
import io.rebalancer.service.ExecutionOutcome;
import io.rebalancer.service.ExecutionService;
import io.rebalancer.service.LiveCycleService;
import io.rebalancer.service.NotFoundException;
import io.rebalancer.service.RecordJson;
import io.rebalancer.store.Stores;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Stored decisions and runs as answers, and a live cycle run on request (what the MCP tools call). */
public final class DecisionQueries {
    public static final int MAX_LIMIT = 500;

    private final Stores stores;
    private final Supplier<LiveCycleService> cycles;

    public DecisionQueries(Stores stores, Supplier<LiveCycleService> cycles) {
        this.stores = stores;
        this.cycles = cycles;
    }

    public DecisionList list(String portfolioId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in 1.." + MAX_LIMIT + ", was " + limit);
        }
        LiveCycleService.portfolio(stores, portfolioId);
        List<DecisionSummary> out = new ArrayList<>();
        for (String doc : stores.decisions().recent(portfolioId, null, limit)) {
            CycleRecord r = RecordJson.read(doc, CycleRecord.class);
            out.add(DecisionSummary.of(r, stores.ledger().ofDecision(r.cycleId())));
        }
        return new DecisionList(portfolioId, out);
    }

    public DecisionExplanation explain(String decisionId) {
        String doc = stores.decisions().find(decisionId).orElseThrow(() -> new NotFoundException(
                "no decision with id " + decisionId + "; 'history' lists the stored ones"));
        CycleRecord r = RecordJson.read(doc, CycleRecord.class);
        List<DecisionExplanation.Firing> fired = r.firedRules().stream()
                .map(f -> new DecisionExplanation.Firing(f.phase(), f.group(), f.rule())).toList();
        List<DecisionExplanation.ScenarioRow> scenarios = new ArrayList<>();
        if (r.analysis() != null) {
            for (CycleRecord.Scenario s : r.analysis().scenarios()) {
                scenarios.add(new DecisionExplanation.ScenarioRow(s.type().name(),
                        s.score() == null ? null : s.score().score(), s.metrics().tradeCount(), s.metrics().turnover(),
                        s.metrics().cost(), s.metrics().driftAfter(),
                        s.vetoes().stream().map(ScenarioVeto::reason).toList()));
            }
        }
        CycleRecord.Decision d = r.decision();
        var rec = r.analysis() == null ? null : r.analysis().recommendation();
        return new DecisionExplanation(DecisionSummary.of(r, stores.ledger().ofDecision(r.cycleId())),
                r.inputs().nav(), r.inputs().cash(), r.inputs().vix(), r.monitor().regime().reason(), d.reasoning(),
                r.monitor().triggers().stream().map(Trigger::reason).toList(), fired, scenarios,
                rec == null ? null : rec.type().name(), rec == null ? Double.NaN : rec.confidence(),
                rec == null ? null : rec.reason(), d.chosen() == null ? null : d.chosen().reason(),
                d.timing() == null ? null : d.timing().reason(), plan(d),
                d.thresholdChanges().stream().map(DecisionQueries::change).toList());
    }

    /** Runs and records the live cycle (as {@code run}); with {@code execute}, executes the day as {@code run --execute}. */
    public CycleRun run(String portfolioId, LocalDate asOf, boolean execute) {
        CycleOutcome o = cycles.get().run(portfolioId, asOf);
        CycleRecord r = o.record();
        CycleRun.ExecutionSummary summary = null;
        String note = null;
        if (execute) {
            Optional<ExecutionOutcome> e = new ExecutionService(stores).executeDay(r);
            if (e.isPresent()) {
                var x = e.get().execution();
                summary = new CycleRun.ExecutionSummary(x.id(), x.cycleId(), x.date(), x.tranche(), x.tranches(),
                        x.fills().size(), x.tradedValue(), x.cost(), e.get().before().cash(), e.get().after().cash(),
                        e.get().alreadyExecuted());
            } else {
                note = "nothing to execute: the decision is " + r.decision().action();
            }
        }
        return new CycleRun(DecisionSummary.of(r, stores.ledger().ofDecision(r.cycleId())), o.alreadyRecorded(),
                o.asOfDefaulted(), r.decision().reasoning(), plan(r.decision()), summary, note);
    }

    /** The run, or the latest finished one when {@code runId} is null. */
    @SuppressWarnings("unchecked")
    public BacktestSummary backtest(String runId) {
        String doc = runId == null
                ? stores.runs().latestFinished().orElseThrow(() -> new NotFoundException(
                        "no finished backtest run is stored; 'backtest' makes one"))
                : stores.runs().find(runId).orElseThrow(() -> new NotFoundException(
                        "no backtest run " + runId + "; 'backtest list' shows the stored ones"));
        Map<String, Object> m = QueryJson.parse(doc);
        Map<String, Map<String, Object>> strategies = new LinkedHashMap<>();
        if (m.get("strategies") instanceof Map<?, ?> s) {
            s.forEach((k, v) -> {
                if (v instanceof Map<?, ?> metrics) {
                    strategies.put(String.valueOf(k), (Map<String, Object>) metrics);
                }
            });
        }
        String id = text(m, "run_id");
        List<String> others = new ArrayList<>();
        for (String other : stores.runs().all()) {
            String o = text(QueryJson.parse(other), "run_id");
            if (o != null && !o.equals(id)) {
                others.add(o);
            }
        }
        return new BacktestSummary(id, text(m, "status"), text(m, "portfolio_id"), text(m, "from"), text(m, "to"),
                text(m, "rules_hash"), text(m, "started_at"), text(m, "finished_at"), strategies, others);
    }

    private static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : String.valueOf(v);
    }

    private static List<DecisionExplanation.PlanRow> plan(CycleRecord.Decision d) {
        List<DecisionExplanation.PlanRow> rows = new ArrayList<>();
        for (PlannedTrade p : d.plan()) {
            rows.add(new DecisionExplanation.PlanRow(p.priority().name(), p.ticker(), p.side().name(), p.shares(),
                    p.price(), p.value(), p.cost(), p.rationale()));
        }
        return rows;
    }

    private static String change(AppliedThresholdChange c) {
        return String.format(java.util.Locale.ROOT, "%s: critical drift %.2f %% -> %.2f %%%s (%s; rule \"%s\")",
                c.kind(), c.driftCriticalBefore() * 100, c.driftCriticalAfter() * 100,
                c.until() == null ? "" : " until " + c.until(), c.reason(), c.rule());
    }
}
