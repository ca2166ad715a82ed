package io.rebalancer.sweep;

import io.rebalancer.evaluation.SuiteMetric;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison of a sweep's variants: per variant the mean over its samples of the objective and of the agent's
 * main metrics, best first by the objective (in its direction: higher Sharpe, lower tracking error ...). Text for
 * the console and a self-contained HTML page; no I/O here.
 */
public final class SweepReport {
    /** One variant's line of the comparison. */
    public record Line(int rank, String variantId, String label, Map<String, Double> axisValues, int samples,
                       double objective, double sharpe, double cagr, double maxDrawdown, double turnover,
                       double costs, double avgAbsDrift) {
    }

    private SweepReport() {
    }

    /** Best first; a variant missing a sample is ranked on the samples it has. */
    public static List<Line> rank(List<SweepRow> rows, SuiteMetric objective, List<String> axisOrder) {
        Map<String, List<SweepRow>> byVariant = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing(SweepRow::variantId))
                .forEach(r -> byVariant.computeIfAbsent(r.variantId(), k -> new ArrayList<>()).add(r));
        List<Line> lines = new ArrayList<>();
        for (List<SweepRow> rs : byVariant.values()) {
            SweepRow first = rs.get(0);
            Map<String, Double> axes = new LinkedHashMap<>();
            axisOrder.forEach(a -> axes.put(a, first.axisValues().get(a)));
            lines.add(new Line(0, first.variantId(), first.variantLabel(), axes, rs.size(),
                    mean(rs, r -> r.metric(objective)), mean(rs, SweepRow::sharpe), mean(rs, SweepRow::cagr),
                    mean(rs, SweepRow::maxDrawdown), mean(rs, SweepRow::turnover), mean(rs, SweepRow::costs),
                    mean(rs, SweepRow::avgAbsDrift)));
        }
        Comparator<Line> by = Comparator.comparingDouble(Line::objective);
        if (objective.higherIsBetter()) {
            by = by.reversed();
        }
        lines.sort(by.thenComparing(Line::variantId));
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            out.add(new Line(i + 1, l.variantId(), l.label(), l.axisValues(), l.samples(), l.objective(), l.sharpe(),
                    l.cagr(), l.maxDrawdown(), l.turnover(), l.costs(), l.avgAbsDrift()));
        }
        return out;
    }

    private static double mean(List<SweepRow> rs, java.util.function.ToDoubleFunction<SweepRow> f) {
        return rs.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    /** The console table: the best {@code limit} variants with their table values. */
    public static String text(String name, SuiteMetric objective, List<Line> lines, int limit) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Sweep %s: %d variants, best by mean %s of the agent%n", name,
                lines.size(), objective.key()));
        List<String> axes = lines.isEmpty() ? List.of() : new ArrayList<>(lines.get(0).axisValues().keySet());
        sb.append(String.format(Locale.ROOT, "%4s  %-7s", "Rank", "Variant"));
        axes.forEach(a -> sb.append(String.format(Locale.ROOT, "  %14s", a)));
        sb.append(String.format(Locale.ROOT, "  %7s  %12s  %7s  %7s  %8s  %9s  %8s%n", "Samples", objective.key(),
                "Sharpe", "CAGR %", "MaxDD %", "Turn. %/y", "Costs $"));
        for (Line l : lines.subList(0, Math.min(limit, lines.size()))) {
            sb.append(String.format(Locale.ROOT, "%4d  %-7s", l.rank(), l.variantId()));
            axes.forEach(a -> sb.append(String.format(Locale.ROOT, "  %14s",
                    io.rebalancer.rules.variant.VariantGrid.format(l.axisValues().get(a)))));
            sb.append(String.format(Locale.ROOT, "  %7d  %12.4f  %7.3f  %6.2f%%  %7.2f%%  %8.2f%%  %8.0f%n",
                    l.samples(), l.objective(), l.sharpe(), l.cagr() * 100, l.maxDrawdown() * 100,
                    l.turnover() * 100, l.costs()));
        }
        return sb.toString();
    }

    /** A self-contained HTML page of the whole comparison. */
    public static String html(String name, SuiteMetric objective, List<Line> lines, String note) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sweep ").append(esc(name))
                .append("</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                        + "td,th{padding:3px 8px;border-bottom:1px solid #ddd;text-align:right}"
                        + "th{background:#f3f3f3}tr.best td{font-weight:bold}</style></head><body>");
        sb.append("<h1>Sweep ").append(esc(name)).append("</h1><p>").append(lines.size())
                .append(" variants ranked by the mean ").append(esc(objective.key())).append(" of the agent over the")
                .append(" suite's samples (").append(objective.higherIsBetter() ? "higher" : "lower")
                .append(" is better). ").append(esc(note)).append("</p><table><tr><th>Rank</th><th>Variant</th>");
        List<String> axes = lines.isEmpty() ? List.of() : new ArrayList<>(lines.get(0).axisValues().keySet());
        axes.forEach(a -> sb.append("<th>").append(esc(a)).append("</th>"));
        sb.append("<th>Samples</th><th>").append(esc(objective.key())).append("</th><th>Sharpe</th><th>CAGR %</th>"
                + "<th>Max DD %</th><th>Turnover %/y</th><th>Costs $</th><th>Avg |drift| %</th></tr>");
        for (Line l : lines) {
            sb.append(l.rank() == 1 ? "<tr class=\"best\">" : "<tr>").append("<td>").append(l.rank())
                    .append("</td><td>").append(esc(l.variantId())).append("</td>");
            axes.forEach(a -> sb.append("<td>").append(io.rebalancer.rules.variant.VariantGrid.format(
                    l.axisValues().get(a))).append("</td>"));
            sb.append(String.format(Locale.ROOT, "<td>%d</td><td>%.4f</td><td>%.3f</td><td>%.2f</td><td>%.2f</td>"
                            + "<td>%.2f</td><td>%.0f</td><td>%.2f</td></tr>", l.samples(), l.objective(), l.sharpe(),
                    l.cagr() * 100, l.maxDrawdown() * 100, l.turnover() * 100, l.costs(), l.avgAbsDrift() * 100));
        }
        return sb.append("</table></body></html>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
