package io.rebalancer.backtest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rebalancer.backtest.BacktestResult.DecisionOutcome;
import io.rebalancer.backtest.BacktestResult.StrategyResult;
import io.rebalancer.backtest.BacktestResult.ThresholdEvent;
import io.rebalancer.service.AtomicFiles;
import io.rebalancer.service.RecordJson;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a run's files, each whole or not at all (temporary file beside it, then an atomic move):
 * {@code nav.csv} (date and one NAV column per strategy), {@code metrics.json}
 * ({@code {"run_id", "from", "to", "rules_hash", "portfolio_id", "settings", "strategies": {name: {metric: value}},
 * "outcome_summary", "threshold_changes", "final_thresholds"}}) and {@code decisions.json} (every triggered agent
 * decision: the whole cycle record plus its {@code backtest} outcome, see {@link DecisionJson}).
 */
public final class BacktestExport {
    public static final String NAV_CSV = "nav.csv";
    public static final String METRICS_JSON = "metrics.json";
    public static final String DECISIONS_JSON = "decisions.json";

    private BacktestExport() {
    }

    public static void write(BacktestResult r, Path dir) {
        AtomicFiles.write(dir.resolve(NAV_CSV), w -> navCsv(r, w));
        AtomicFiles.write(dir.resolve(METRICS_JSON), w -> w.write(RecordJson.writePretty(metricsDocument(r))));
        AtomicFiles.write(dir.resolve(DECISIONS_JSON), w -> decisions(r.decisions(), w));
    }

    /** {@code nav.csv} and {@code metrics.json} only (an evaluation suite's samples: no decisions file). */
    public static void writeSummary(BacktestResult r, Path dir) {
        AtomicFiles.write(dir.resolve(NAV_CSV), w -> navCsv(r, w));
        AtomicFiles.write(dir.resolve(METRICS_JSON), w -> w.write(RecordJson.writePretty(metricsDocument(r))));
    }

    static void navCsv(BacktestResult r, Writer w) throws IOException {
        StringBuilder sb = new StringBuilder("date");
        for (String name : r.strategies().keySet()) {
            sb.append(',').append(name);
        }
        sb.append('\n');
        List<StrategyResult> s = List.copyOf(r.strategies().values());
        for (int k = 0; k < r.dates().size(); k++) {
            sb.append(r.dates().get(k));
            for (StrategyResult x : s) {
                sb.append(',').append(String.format(Locale.ROOT, "%.4f", x.nav()[k]));
            }
            sb.append('\n');
        }
        w.write(sb.toString());
    }

    /** The metrics.json document. */
    public static ObjectNode metricsDocument(BacktestResult r) {
        ObjectMapper m = RecordJson.mapper();
        ObjectNode root = m.createObjectNode();
        root.put("run_id", r.runId());
        root.put("from", r.from().toString());
        root.put("to", r.to().toString());
        root.put("rules_hash", r.rulesHash());
        root.put("portfolio_id", r.portfolio().id());
        root.set("settings", m.valueToTree(r.settings()));
        ObjectNode strategies = root.putObject("strategies");
        for (Map.Entry<String, StrategyResult> e : r.strategies().entrySet()) {
            strategies.set(e.getKey(), m.valueToTree(e.getValue().metrics().toMap()));
        }
        root.set("outcome_summary", m.valueToTree(r.outcomeSummary()));
        ArrayNode changes = root.putArray("threshold_changes");
        for (ThresholdEvent t : r.thresholdChanges()) {
            ObjectNode n = changes.addObject();
            n.put("date", t.date().toString());
            n.put("regime", t.regime().name());
            n.setAll((ObjectNode) m.valueToTree(t.change()));
        }
        if (!r.agentDays().isEmpty()) {
            BacktestResult.AgentDay last = r.agentDays().get(r.agentDays().size() - 1);
            ObjectNode f = root.putObject("final_thresholds");
            f.put("date", last.date().toString());
            f.put("drift_critical", last.driftCritical());
            f.put("drift_high", last.driftHigh());
            f.put("drift_medium", last.driftMedium());
            f.put("regime", last.regime().name());
        }
        return root;
    }

    static void decisions(List<DecisionOutcome> decisions, Writer w) throws IOException {
        ObjectMapper m = RecordJson.mapper().copy().disable(SerializationFeature.INDENT_OUTPUT);
        try (JsonGenerator g = m.getFactory().createGenerator(w)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartArray();
            for (DecisionOutcome o : decisions) {
                m.writeTree(g, DecisionJson.node(o));
                g.writeRaw('\n');
            }
            g.writeEndArray();
        }
    }
}
