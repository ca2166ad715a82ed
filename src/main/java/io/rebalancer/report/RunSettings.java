package io.rebalancer.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.rebalancer.report.ReportView.KeyValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A backtest run's settings (the {@code settings} of metrics.json and of the stored run) as a report reader names
 * them, and the comparison page's side-by-side of two runs' settings, so that what differs besides the rules shows.
 */
final class RunSettings {
    private RunSettings() {
    }

    /** Costs, learning, dividends, outcome horizon, regret lambda and starting NAV; what the node lacks is left out. */
    static Map<String, String> describe(JsonNode s) {
        Map<String, String> out = new LinkedHashMap<>();
        if (s == null || !s.isObject()) {
            return out;
        }
        JsonNode c = s.path("costs");
        if (c.isObject()) {
            double commission = c.path("commission_bps").asDouble(0);
            double spread = c.path("half_spread_bps").asDouble(0);
            double impact = c.path("impact_coefficient").asDouble(0);
            out.put("Costs", commission == 0 && spread == 0 && impact == 0 ? "none"
                    : String.format(Locale.ROOT, "%s bp commission + %s bp half spread, square-root impact %s",
                    num(commission), num(spread), num(impact)));
        }
        if (s.has("learning")) {
            out.put("Learning", s.path("learning").asBoolean() ? "on" : "off");
        }
        if (s.has("dividends")) {
            out.put("Dividends", s.path("dividends").asText().toLowerCase(Locale.ROOT));
        }
        if (s.has("horizon_days")) {
            out.put("Outcome horizon", s.path("horizon_days").asInt() + " trading days");
        }
        if (s.has("lambda")) {
            out.put("Regret \u03bb (tracking-error penalty)", num(s.path("lambda").asDouble()));
        }
        if (s.has("initial_nav")) {
            out.put("Starting NAV", Fmt.money(s.path("initial_nav").asDouble()));
        }
        return out;
    }

    /** One line per setting either run has: {@code both X}, or {@code A: X; B: Y (differ)}. */
    static List<KeyValue> compare(Map<String, String> a, Map<String, String> b) {
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<KeyValue> out = new ArrayList<>();
        for (String k : keys) {
            String va = a.getOrDefault(k, "not recorded");
            String vb = b.getOrDefault(k, "not recorded");
            out.add(new KeyValue(k, va.equals(vb) ? "both " + va : "A: " + va + "; B: " + vb + " (differ)"));
        }
        return out;
    }

    private static String num(double v) {
        return io.rebalancer.domain.PlainNumber.of(v, 10);
    }
}
