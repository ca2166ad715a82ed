package io.rebalancer.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rebalancer.backtest.BacktestResult.DecisionOutcome;
import io.rebalancer.backtest.BacktestResult.ScenarioOutcome;
import io.rebalancer.service.RecordJson;

/**
 * A backtest decision as stored in {@code decisions} and exported: the whole CycleRecord at the top level (so
 * every reader of cycle records can read it) plus a {@code backtest} object with the outcome:
 * {@code {scored, horizon_end, chosen, regret, best_alternative, active_return, scenarios: [{type, vetoed,
 * score, turnover, cost, horizon_return, tracking_error, objective}]}}.
 */
final class DecisionJson {
    private static final ObjectMapper MAPPER = RecordJson.mapper();

    private DecisionJson() {
    }

    static ObjectNode node(DecisionOutcome o) {
        ObjectNode root = MAPPER.valueToTree(o.record());
        root.set("backtest", outcome(o));
        return root;
    }

    static ObjectNode outcome(DecisionOutcome o) {
        ObjectNode b = MAPPER.createObjectNode();
        b.put("scored", o.scored());
        b.put("horizon_end", o.horizonEnd() == null ? null : o.horizonEnd().toString());
        b.put("regime", o.regime().name());
        b.put("chosen", o.chosen().name());
        b.put("timing", o.timing() == null ? null : o.timing().name());
        number(b, "regret", o.regret());
        b.put("best_alternative", o.bestAlternative() == null ? null : o.bestAlternative().name());
        number(b, "active_return", o.activeReturn());
        number(b, "regret_return", o.regretReturn());
        number(b, "regret_tracking", o.regretTracking());
        ArrayNode scenarios = b.putArray("scenarios");
        for (ScenarioOutcome s : o.scenarios()) {
            ObjectNode n = scenarios.addObject();
            n.put("type", s.type().name());
            n.put("vetoed", s.vetoed());
            number(n, "score", s.score());
            number(n, "turnover", s.turnover());
            number(n, "cost", s.cost());
            number(n, "horizon_return", s.horizonReturn());
            number(n, "tracking_error", s.trackingError());
            number(n, "objective", s.objective());
        }
        return b;
    }

    private static void number(ObjectNode n, String field, double v) {
        if (Double.isFinite(v)) {
            n.put(field, v);
        } else {
            n.putNull(field);
        }
    }
}
