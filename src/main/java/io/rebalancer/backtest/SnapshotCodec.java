package io.rebalancer.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rebalancer.backtest.BacktestResult.AgentDay;
import io.rebalancer.service.RecordJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * The stored daily snapshot of a backtest run (collection {@code snapshots}, one document per day):
 * <pre>
 * {"date": "2015-01-05", "rf_daily": 1.1e-6, "benchmark_adj_close": 167.05,
 *  "prices": {"AAPL": 24.26, ...},                               adj_close of every position
 *  "strategies": {"agent": {"nav":..., "drift":..., "turnover":..., "cost":..., "trades":...}, "buy_and_hold": {...}},
 *  "agent": {"cash":..., "weights": {"AAPL": 0.1, ...}, "max_position_drift":..., "regime": "MODERATE",
 *            "verdict": "STABLE", "action": "NO_ACTION", "drift_critical":..., "drift_high":..., "drift_medium":...,
 *            "relative_band":...}}
 * </pre>
 * Days are stored in chunks of one calendar month: the document of (run, portfolio, first day of the chunk) is
 * {@code {"days": [day, day, ...]}} (one document per day made the embedded store's upserts dominate the run).
 * {@code turnover} is that day's one-way turnover ((buys + sells) / 2 / NAV before trading). Everything
 * {@code backtest rescore} needs is here and in the run's decisions.
 */
final class SnapshotCodec {
    private static final ObjectMapper MAPPER = RecordJson.mapper();

    private SnapshotCodec() {
    }

    static String write(LocalDate date, double rf, double benchmark, List<String> tickers, double[] prices,
                        List<StrategyLedger> strategies, int k, AgentDay agent) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("date", date.toString());
        root.put("rf_daily", rf);
        root.put("benchmark_adj_close", benchmark);
        ObjectNode p = root.putObject("prices");
        for (int i = 0; i < tickers.size(); i++) {
            p.put(tickers.get(i), prices[i]);
        }
        ObjectNode s = root.putObject("strategies");
        for (StrategyLedger l : strategies) {
            ObjectNode o = s.putObject(l.name);
            o.put("nav", l.nav[k]);
            o.put("drift", l.drift[k]);
            o.put("turnover", l.oneWayTurnover[k]);
            o.put("cost", l.cost[k]);
            o.put("trades", l.trades[k]);
        }
        if (agent != null) {
            ObjectNode a = root.putObject("agent");
            a.put("cash", agent.cash());
            ObjectNode w = a.putObject("weights");
            for (int i = 0; i < tickers.size(); i++) {
                w.put(tickers.get(i), agent.weights()[i]);
            }
            a.put("max_position_drift", agent.maxPositionDrift());
            a.put("regime", agent.regime().name());
            a.put("verdict", agent.verdict().name());
            a.put("action", agent.action());
            a.put("drift_critical", agent.driftCritical());
            a.put("drift_high", agent.driftHigh());
            a.put("drift_medium", agent.driftMedium());
            a.put("relative_band", agent.relativeBand());
        }
        return root.toString();
    }

    /** One stored document holding the given day snapshots, oldest first. */
    static String chunk(List<String> days) {
        return "{\"days\":[" + String.join(",", days) + "]}";
    }

    /** The day snapshots of stored documents (chunked or single days), in stored order. */
    static List<JsonNode> days(List<String> documents) {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String doc : documents) {
            JsonNode n = read(doc);
            if (n.has("days")) {
                n.path("days").forEach(out::add);
            } else {
                out.add(n);
            }
        }
        return out;
    }

    static JsonNode read(String json) {
        try {
            return RecordJson.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("stored snapshot is not JSON: " + e.getMessage(), e);
        }
    }
}
