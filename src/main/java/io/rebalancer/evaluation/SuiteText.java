package io.rebalancer.evaluation;

import io.rebalancer.backtest.Baselines;
import io.rebalancer.backtest.StrategyMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The suite's tables as plain text (console) and as cells (HTML page); formatting only. */
public final class SuiteText {
    private SuiteText() {
    }

    static final List<String> METRIC_HEADERS = List.of("Sharpe", "CAGR", "TE", "CE", "Avg drift", "Max drift",
            "Turnover", "Costs");

    /** A metric as shown: ratios to 3 decimals, fractions as percent, costs in currency. */
    public static String format(SuiteMetric m, double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return switch (m) {
            case SHARPE -> String.format(Locale.ROOT, "%.3f", v);
            case COSTS -> String.format(Locale.ROOT, "%,.0f", v);
            default -> String.format(Locale.ROOT, "%.2f%%", v * 100);
        };
    }

    /** A difference agent minus baseline, signed. */
    public static String formatDifference(SuiteMetric m, double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return switch (m) {
            case SHARPE -> String.format(Locale.ROOT, "%+.3f", v);
            case COSTS -> String.format(Locale.ROOT, "%+,.0f", v);
            default -> String.format(Locale.ROOT, "%+.2f pp", v * 100);
        };
    }

    /** The console summary: one line per sample (agent against annual and band_abs_3), then the win table. */
    public static String summary(SuiteResult r) {
        StringBuilder sb = new StringBuilder();
        String line = "=".repeat(124) + "\n";
        sb.append(line);
        sb.append(String.format(Locale.ROOT, "SUITE %s  %d samples  rules %s  CRRA gamma %.1f  Sharpe tolerance %.3f"
                        + "  (%.1f s)%n", r.spec().name(), r.samples().size(), r.rulesHash(), r.spec().crraGamma(),
                r.spec().sharpeTolerance(), r.millis() / 1e3));
        sb.append(line);
        sb.append(String.format(Locale.ROOT, "%-34s %-24s %6s  %21s  %17s  %17s  %s%n", "Sample", "Period", "Days",
                "Sharpe agent/ann/b3", "Avg drift ag/ann", "Max drift ag/b3", "Targets"));
        for (int i = 0; i < r.samples().size(); i++) {
            SampleResult s = r.samples().get(i);
            TargetCheck t = r.targets().get(i);
            StrategyMetrics a = s.agent();
            StrategyMetrics an = s.strategy(Baselines.ANNUAL);
            StrategyMetrics b3 = s.strategy(Baselines.BAND_ABS_3);
            sb.append(String.format(Locale.ROOT, "%-34s %-24s %6d  %6.3f %6.3f %6.3f %s  %7.2f%% %7.2f%% %s  %7.2f%% %7.2f%% %s  %s%n",
                    s.spec().id(), s.from() + ".." + s.to(), s.days(), a.sharpe(), an.sharpe(), b3.sharpe(),
                    t.sharpeLevel() ? "ok" : "--", a.avgAbsDrift() * 100, an.avgAbsDrift() * 100,
                    t.avgDriftBelowAnnual() ? "ok" : "--", a.maxAbsDrift() * 100, b3.maxAbsDrift() * 100,
                    t.maxDriftWithinBand() ? "ok" : "--", t.met() ? "met" : "missed"));
        }
        long met = r.targets().stream().filter(TargetCheck::met).count();
        sb.append(String.format(Locale.ROOT, "Targets met on %d of %d samples; mean Sharpe gap to the better of annual"
                + " and band_abs_3 %+.3f%n", met, r.samples().size(), r.meanSharpeGap()));
        sb.append(String.format(Locale.ROOT, "%nWin table: agent against each baseline over %d samples, won/tied/lost"
                + " (mean agent - baseline)%n", r.samples().size()));
        sb.append(String.format(Locale.ROOT, "%-13s", "Baseline"));
        for (String h : METRIC_HEADERS) {
            sb.append(String.format(Locale.ROOT, " %-23s", h));
        }
        sb.append('\n');
        for (Map.Entry<String, Map<SuiteMetric, WinTable.Cell>> e : r.wins().rows().entrySet()) {
            sb.append(String.format(Locale.ROOT, "%-13s", e.getKey()));
            for (SuiteMetric m : SuiteMetric.values()) {
                WinTable.Cell c = e.getValue().get(m);
                sb.append(String.format(Locale.ROOT, " %-23s", c.wins() + "/" + c.ties() + "/" + c.losses() + " ("
                        + formatDifference(m, c.meanDifference()) + ")"));
            }
            sb.append('\n');
        }
        sb.append("(TE: annualised tracking error to the always-at-target portfolio; CE: CRRA certainty-equivalent"
                + " return; drift: sum|w - t| / 2; turnover annual one-way; see docs/METRICS.md)\n");
        return sb.toString();
    }

    /** Every strategy of one sample, one row each, metric columns in {@link SuiteMetric} order. */
    static List<List<String>> sampleRows(SampleResult s) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, StrategyMetrics> e : s.strategies().entrySet()) {
            List<String> row = new ArrayList<>();
            row.add(e.getKey());
            for (SuiteMetric m : SuiteMetric.values()) {
                row.add(format(m, m.of(e.getValue())));
            }
            rows.add(row);
        }
        return rows;
    }
}
