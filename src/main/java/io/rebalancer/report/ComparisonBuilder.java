package io.rebalancer.report;

import io.rebalancer.report.ReportData.DecisionRow;
import io.rebalancer.report.ReportView.Chart;
import io.rebalancer.report.ReportView.KeyValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The comparison of two runs' agents (rule set A against B, learning on against off): both agents' metrics side by
 * side with the difference, their curves over the days both runs cover, and every day their decisions differ.
 */
public final class ComparisonBuilder {
    private ComparisonBuilder() {
    }

    public static ComparisonView build(ReportData a, ReportData b) {
        String la = "A: " + a.runId();
        String lb = "B: " + b.runId();
        List<KeyValue> runs = new ArrayList<>(List.of(
                new KeyValue("A", a.title() + ", run " + a.runId() + ", rules " + a.rulesHash()),
                new KeyValue("B", b.title() + ", run " + b.runId() + ", rules " + b.rulesHash()),
                new KeyValue("Same rule set", a.rulesHash().equals(b.rulesHash()) ? "yes" : "no")));
        runs.addAll(RunSettings.compare(a.settings(), b.settings()));

        List<ComparisonView.Row> rows = new ArrayList<>();
        Map<String, Double> ma = a.agent().metrics();
        Map<String, Double> mb = b.agent().metrics();
        for (ReportBuilder.Metric m : ReportBuilder.METRICS) {
            if (!ma.containsKey(m.key()) && !mb.containsKey(m.key())) {
                continue;
            }
            double va = ma.getOrDefault(m.key(), Double.NaN);
            double vb = mb.getOrDefault(m.key(), Double.NaN);
            rows.add(new ComparisonView.Row(m.key(), m.name(), m.unit(), m.fmt().apply(va), m.fmt().apply(vb),
                    m.fmt().apply(vb - va), Fmt.raw(va), Fmt.raw(vb)));
        }

        // curves over the common days, both rebased to A's starting NAV
        Map<LocalDate, Integer> ib = new HashMap<>();
        for (int i = 0; i < b.dates().size(); i++) {
            ib.put(b.dates().get(i), i);
        }
        List<LocalDate> common = new ArrayList<>();
        List<int[]> idx = new ArrayList<>();
        for (int i = 0; i < a.dates().size(); i++) {
            Integer j = ib.get(a.dates().get(i));
            if (j != null) {
                common.add(a.dates().get(i));
                idx.add(new int[] {i, j});
            }
        }
        if (common.size() < 2) {
            throw new IllegalArgumentException("runs " + a.runId() + " (" + a.dates().get(0) + " .. "
                    + a.dates().get(a.dates().size() - 1) + ") and " + b.runId() + " (" + b.dates().get(0) + " .. "
                    + b.dates().get(b.dates().size() - 1) + ") share fewer than 2 trading days; nothing to compare");
        }
        int n = common.size();
        double[] na = new double[n];
        double[] nb = new double[n];
        double[] rel = new double[n];
        double[] dda = new double[n];
        double[] ddb = new double[n];
        double base = a.agent().nav()[idx.get(0)[0]];
        double pa = 0;
        double pb = 0;
        for (int k = 0; k < n; k++) {
            double va = a.agent().nav()[idx.get(k)[0]];
            double vb = b.agent().nav()[idx.get(k)[1]];
            na[k] = va / a.agent().nav()[idx.get(0)[0]] * base;
            nb[k] = vb / b.agent().nav()[idx.get(0)[1]] * base;
            rel[k] = nb[k] / na[k] - 1;
            pa = Math.max(pa, na[k]);
            pb = Math.max(pb, nb[k]);
            dda[k] = na[k] / pa - 1;
            ddb[k] = nb[k] / pb - 1;
        }
        List<Charts.Line> equity = new ArrayList<>(List.of(
                new Charts.Line(la, na, Charts.PALETTE[0], 1.8f, false, true),
                new Charts.Line(lb, nb, Charts.PALETTE[1], 1.1f, true, true)));
        if (a.benchmarkAdjClose() != null) {
            double[] s = new double[n];
            double[] bench = a.benchmarkAdjClose();
            for (int k = 0; k < n; k++) {
                s[k] = bench[idx.get(k)[0]] / bench[idx.get(0)[0]] * base;
            }
            equity.add(new Charts.Line((a.benchmarkName() == null ? "benchmark" : a.benchmarkName())
                    + " (total return)", s, Charts.BENCHMARK, 1.2f, true, true));
        }
        List<Chart> charts = List.of(
                new Chart("cmp-equity", "Both agents' NAV over the days both runs cover, rebased to A's start (log scale)",
                        Charts.lineChart("cmp-equity", "Equity curves, A and B", "NAV (log)", common, equity,
                                Charts.Scale.LOG_NAV, null)),
                new Chart("cmp-relative", "B's growth relative to A's (0 = level); rising where B's decisions paid",
                        Charts.lineChartWithReference("cmp-relative", "B relative to A", "B vs A", common,
                                List.of(new Charts.Line("B / A \u2212 1", rel, Charts.PALETTE[3], 1.6f, false, true)),
                                Charts.Scale.PERCENT_POINTS, 0)),
                new Chart("cmp-drawdown", "Fall from each agent's running peak",
                        Charts.lineChart("cmp-drawdown", "Drawdowns, A and B", "Drawdown", common, List.of(
                                new Charts.Line(la, dda, Charts.PALETTE[0], 2.2f, false, true),
                                new Charts.Line(lb, ddb, Charts.PALETTE[1], 1.1f, true, true)),
                                Charts.Scale.PERCENT, null)));

        // decisions by day
        LocalDate from = common.get(0);
        LocalDate to = common.get(n - 1);
        TreeMap<LocalDate, DecisionRow> da = byDay(a.decisions(), from, to);
        TreeMap<LocalDate, DecisionRow> db = byDay(b.decisions(), from, to);
        TreeSet<LocalDate> days = new TreeSet<>(da.keySet());
        days.addAll(db.keySet());
        int same = 0;
        int onlyA = 0;
        int onlyB = 0;
        int differ = 0;
        List<ComparisonView.DiffDay> diffs = new ArrayList<>();
        for (LocalDate d : days) {
            DecisionRow x = da.get(d);
            DecisionRow y = db.get(d);
            if (x != null && y != null && key(x).equals(key(y))) {
                same++;
                continue;
            }
            if (x == null) {
                onlyB++;
            } else if (y == null) {
                onlyA++;
            } else {
                differ++;
            }
            diffs.add(new ComparisonView.DiffDay(d.toString(), describe(x), describe(y), trades(x), trades(y),
                    x == null ? Fmt.NONE : Fmt.pct(x.regret(), 3), y == null ? Fmt.NONE : Fmt.pct(y.regret(), 3)));
        }
        List<KeyValue> counts = List.of(
                new KeyValue("Days either agent was triggered", Integer.toString(days.size())),
                new KeyValue("Same decision (action, scenario, timing, trades)", Integer.toString(same)),
                new KeyValue("Different decisions", Integer.toString(differ)),
                new KeyValue("Triggered in A only", Integer.toString(onlyA)),
                new KeyValue("Triggered in B only", Integer.toString(onlyB)));
        return new ComparisonView("Comparison of " + a.runId() + " and " + b.runId(), "A", "B", runs, rows, charts,
                counts, diffs);
    }

    private static TreeMap<LocalDate, DecisionRow> byDay(List<DecisionRow> decisions, LocalDate from, LocalDate to) {
        TreeMap<LocalDate, DecisionRow> out = new TreeMap<>();
        for (DecisionRow d : decisions) {
            if (!d.date().isBefore(from) && !d.date().isAfter(to)) {
                out.put(d.date(), d);
            }
        }
        return out;
    }

    /** What makes two decisions the same: action, scenario, timing and the trades (ticker, side, shares). */
    private static String key(DecisionRow d) {
        StringBuilder sb = new StringBuilder(d.action()).append('|').append(Objects.toString(d.scenario()))
                .append('|').append(Objects.toString(d.timing()));
        for (ReportData.TradeRow t : d.trades()) {
            sb.append('|').append(t.ticker()).append(t.side()).append(String.format(Locale.ROOT, "%.4f", t.shares()));
        }
        return sb.toString();
    }

    private static String describe(DecisionRow d) {
        if (d == null) {
            return "not triggered";
        }
        String what = d.scenario() == null || d.action().equals(d.scenario()) ? d.action()
                : d.action() + " " + d.scenario();
        return what + (d.timing() == null || "DEFER".equals(d.action()) ? "" : " (" + d.timing() + ")")
                + (d.regime() == null ? "" : ", " + d.regime());
    }

    private static String trades(DecisionRow d) {
        if (d == null || d.trades().isEmpty()) {
            return Fmt.NONE;
        }
        return d.trades().size() + " trades, " + Fmt.money(d.trades().stream().mapToDouble(t -> Math.abs(t.value()))
                .sum()) + " traded, cost " + Fmt.money(d.cost());
    }
}
