package io.rebalancer.market;

import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.TargetWeight;
import io.rebalancer.domain.Thresholds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A portfolio definition as the fields of its file (backtest-data/README.md): the file's field paths
 * ({@code thresholds.drift_critical_pct}, {@code targets[3].weight_pct}) and values in the file's units (percent
 * where the key ends in {@code _pct}), so that a difference can be named as an analyst wrote it.
 */
public final class PortfolioFields {
    private PortfolioFields() {
    }

    /** One field whose value differs; {@code stored} or {@code file} is "(none)" when a target is missing on a side. */
    public record Difference(String field, String stored, String file) {
        @Override
        public String toString() {
            return field + " (stored " + stored + ", file " + file + ")";
        }
    }

    /** Field path to value, in file order. */
    public static Map<String, String> of(PortfolioDefinition d) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("id", d.id());
        f.put("basis", d.basis().stripTrailingZeros().toPlainString());
        f.put("inception", d.inception().toString());
        f.put("benchmark", d.benchmark().symbol());
        for (int i = 0; i < d.targets().size(); i++) {
            TargetWeight t = d.targets().get(i);
            f.put("targets[" + i + "].ticker", t.ticker().symbol());
            f.put("targets[" + i + "].sector", t.sector());
            f.put("targets[" + i + "].weight_pct", pct(t.weight()));
        }
        Thresholds th = d.thresholds();
        f.put("thresholds.drift_critical_pct", pct(th.driftCritical()));
        f.put("thresholds.drift_high_pct", pct(th.driftHigh()));
        f.put("thresholds.drift_medium_pct", pct(th.driftMedium()));
        f.put("thresholds.var_warning_pct", pct(th.varWarning()));
        f.put("thresholds.var_critical_pct", pct(th.varCritical()));
        f.put("thresholds.sharpe_warning", num(th.sharpeWarning()));
        f.put("thresholds.sharpe_critical", num(th.sharpeCritical()));
        f.put("thresholds.max_turnover_pct", pct(th.maxTurnover()));
        f.put("thresholds.cooldown_days", Integer.toString(th.cooldownDays()));
        f.put("thresholds.beta_limit", num(th.betaLimit()));
        f.put("adaptive_bounds.drift_critical_min_pct", pct(d.bounds().minDriftCritical()));
        f.put("adaptive_bounds.drift_critical_max_pct", pct(d.bounds().maxDriftCritical()));
        f.put("costs.commission_bps", num(d.costs().commissionBps()));
        f.put("costs.half_spread_bps", num(d.costs().halfSpreadBps()));
        f.put("costs.impact_coefficient", num(d.costs().impactCoefficient()));
        return f;
    }

    /** The fields whose values differ, in file order (fields only one side has are included). */
    public static List<Difference> differences(PortfolioDefinition stored, PortfolioDefinition file) {
        Map<String, String> a = of(stored);
        Map<String, String> b = of(file);
        List<Difference> out = new ArrayList<>();
        Map<String, String> all = new LinkedHashMap<>(b);
        a.forEach(all::putIfAbsent);
        for (String field : all.keySet()) {
            String s = a.getOrDefault(field, "(none)");
            String v = b.getOrDefault(field, "(none)");
            if (!Objects.equals(s, v)) {
                out.add(new Difference(field, s, v));
            }
        }
        return out;
    }

    /**
     * Whether the field shapes the live holdings from inception on (initial purchase: basis, inception, targets), so
     * that changing it would rewrite the portfolio's past.
     */
    public static boolean shapesHoldings(String field) {
        return field.equals("basis") || field.equals("inception") || field.startsWith("targets[")
                && (field.endsWith(".ticker") || field.endsWith(".weight_pct"));
    }

    private static String pct(double fraction) {
        return new BigDecimal(Double.toString(fraction)).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    private static String num(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
