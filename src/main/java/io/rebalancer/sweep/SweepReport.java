package io.rebalancer.sweep;

import io.rebalancer.evaluation.SuiteMetric;
import io.rebalancer.evaluation.TargetCheck;

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
                       double costs, double avgAbsDrift, Targets targets) {
    }

    /**
     * On how many of a variant's samples each issue-10 target holds ({@link TargetCheck}), and its mean Sharpe gap
     * to the better of annual and band_abs_3; {@code checked} is 0 when the sweep had no baselines.
     */
    public record Targets(int checked, int sharpeLevel, int avgDriftBelowAnnual, int maxDriftWithinBand, int met,
                          double meanSharpeGap) {
        static final Targets NONE = new Targets(0, 0, 0, 0, 0, Double.NaN);

        static Targets of(List<TargetCheck> checks) {
            if (checks.isEmpty()) {
                return NONE;
            }
            return new Targets(checks.size(), count(checks, TargetCheck::sharpeLevel),
                    count(checks, TargetCheck::avgDriftBelowAnnual), count(checks, TargetCheck::maxDriftWithinBand),
                    count(checks, TargetCheck::met), TargetCheck.meanGap(checks));
        }

        private static int count(List<TargetCheck> checks, java.util.function.Predicate<TargetCheck> p) {
            return (int) checks.stream().filter(p).count();
        }
    }

    /**
     * The hindsight frontier of a sweep: the samples on which at least one variant meets all three targets, and
     * those on which one meets the Sharpe and max-drift targets together (the pair that conflicts), out of
     * {@code samples} checked. A rule set chosen per sample after the fact can do no better than this.
     */
    public record Frontier(int samples, List<String> allMet, List<String> sharpeAndMaxDrift) {
        public Frontier {
            allMet = List.copyOf(allMet);
            sharpeAndMaxDrift = List.copyOf(sharpeAndMaxDrift);
        }
    }

    private SweepReport() {
    }

    /** Best first, without target checks; a variant missing a sample is ranked on the samples it has. */
    public static List<Line> rank(List<SweepRow> rows, SuiteMetric objective, List<String> axisOrder) {
        return rank(rows, objective, axisOrder, Map.of(), 0);
    }

    /**
     * Best first; each line with its target checks against {@code baselines} (by sample id; a sample without
     * baselines is not checked). A variant missing a sample is ranked on the samples it has.
     */
    public static List<Line> rank(List<SweepRow> rows, SuiteMetric objective, List<String> axisOrder,
                                  Map<String, SweepBaseline> baselines, double sharpeTolerance) {
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
                    mean(rs, SweepRow::avgAbsDrift), Targets.of(checks(rs, baselines, sharpeTolerance))));
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
                    l.cagr(), l.maxDrawdown(), l.turnover(), l.costs(), l.avgAbsDrift(), l.targets()));
        }
        return out;
    }

    /** The samples (in the suite's order of {@code baselines}) on which some variant meets the targets. */
    public static Frontier frontier(List<SweepRow> rows, Map<String, SweepBaseline> baselines,
                                    double sharpeTolerance) {
        List<TargetCheck> checks = checks(rows, baselines, sharpeTolerance);
        List<String> all = new ArrayList<>();
        List<String> pair = new ArrayList<>();
        for (String id : baselines.keySet()) {
            if (checks.stream().anyMatch(c -> c.sampleId().equals(id) && c.met())) {
                all.add(id);
            }
            if (checks.stream().anyMatch(c -> c.sampleId().equals(id) && c.sharpeLevel() && c.maxDriftWithinBand())) {
                pair.add(id);
            }
        }
        return new Frontier(baselines.size(), all, pair);
    }

    private static List<TargetCheck> checks(List<SweepRow> rows, Map<String, SweepBaseline> baselines,
                                            double sharpeTolerance) {
        return rows.stream().filter(r -> baselines.containsKey(r.sampleId()))
                .map(r -> baselines.get(r.sampleId()).check(r, sharpeTolerance)).toList();
    }

    private static double mean(List<SweepRow> rs, java.util.function.ToDoubleFunction<SweepRow> f) {
        return rs.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    /** The console table: the best {@code limit} variants with their table values; {@code frontier} may be null. */
    public static String text(String name, SuiteMetric objective, List<Line> lines, Frontier frontier, int limit) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Sweep %s: %d variants, best by mean %s of the agent%n", name,
                lines.size(), objective.key()));
        List<String> axes = lines.isEmpty() ? List.of() : new ArrayList<>(lines.get(0).axisValues().keySet());
        boolean targets = lines.stream().anyMatch(l -> l.targets().checked() > 0);
        sb.append(String.format(Locale.ROOT, "%4s  %-7s", "Rank", "Variant"));
        axes.forEach(a -> sb.append(String.format(Locale.ROOT, "  %14s", a)));
        sb.append(String.format(Locale.ROOT, "  %7s  %12s  %7s  %7s  %8s  %9s  %8s", "Samples", objective.key(),
                "Sharpe", "CAGR %", "MaxDD %", "Turn. %/y", "Costs $"));
        if (targets) {
            sb.append(String.format(Locale.ROOT, "  %8s  %6s  %6s  %6s  %6s", "Gap", "Sharpe", "AvgDr", "MaxDr",
                    "All"));
        }
        sb.append(String.format(Locale.ROOT, "%n"));
        for (Line l : lines.subList(0, Math.min(limit, lines.size()))) {
            sb.append(String.format(Locale.ROOT, "%4d  %-7s", l.rank(), l.variantId()));
            axes.forEach(a -> sb.append(String.format(Locale.ROOT, "  %14s",
                    io.rebalancer.rules.variant.VariantGrid.format(l.axisValues().get(a)))));
            sb.append(String.format(Locale.ROOT, "  %7d  %12.4f  %7.3f  %6.2f%%  %7.2f%%  %8.2f%%  %8.0f",
                    l.samples(), l.objective(), l.sharpe(), l.cagr() * 100, l.maxDrawdown() * 100,
                    l.turnover() * 100, l.costs()));
            if (targets) {
                Targets t = l.targets();
                sb.append(String.format(Locale.ROOT, "  %+8.4f  %6s  %6s  %6s  %6s", t.meanSharpeGap(),
                        t.sharpeLevel() + "/" + t.checked(), t.avgDriftBelowAnnual() + "/" + t.checked(),
                        t.maxDriftWithinBand() + "/" + t.checked(), t.met() + "/" + t.checked()));
            }
            sb.append(String.format(Locale.ROOT, "%n"));
        }
        if (targets) {
            sb.append(String.format(Locale.ROOT, "Targets (issue 10; docs/BACKTEST.md): Gap = mean Sharpe minus the"
                    + " better of annual and band_abs_3; samples where the Sharpe is level with it, the average drift"
                    + " below annual's, the max drift within band_abs_3's, all three.%n"));
        }
        if (frontier != null && frontier.samples() > 0) {
            sb.append(frontierText(frontier)).append(String.format(Locale.ROOT, "%n"));
        }
        return sb.toString();
    }

    /** One sentence: on how many samples the best variant for each, chosen in hindsight, meets the targets. */
    public static String frontierText(Frontier f) {
        return String.format(Locale.ROOT, "Hindsight frontier: on %d of %d samples some variant meets all three"
                        + " targets%s; on %d the Sharpe and max-drift targets together%s.", f.allMet().size(),
                f.samples(), ids(f.allMet()), f.sharpeAndMaxDrift().size(), ids(f.sharpeAndMaxDrift()));
    }

    private static String ids(List<String> ids) {
        return ids.isEmpty() ? "" : " (" + String.join(", ", ids) + ")";
    }

    /** A self-contained HTML page of the whole comparison; {@code frontier} may be null. */
    public static String html(String name, SuiteMetric objective, List<Line> lines, Frontier frontier,
                              String note) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sweep ").append(esc(name))
                .append("</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                        + "td,th{padding:3px 8px;border-bottom:1px solid #ddd;text-align:right}"
                        + "th{background:#f3f3f3}tr.best td{font-weight:bold}</style></head><body>");
        sb.append("<h1>Sweep ").append(esc(name)).append("</h1><p>").append(lines.size())
                .append(" variants ranked by the mean ").append(esc(objective.key())).append(" of the agent over the")
                .append(" suite's samples (").append(objective.higherIsBetter() ? "higher" : "lower")
                .append(" is better). ").append(esc(note)).append("</p>");
        if (frontier != null && frontier.samples() > 0) {
            sb.append("<p>").append(esc(frontierText(frontier))).append("</p>");
        }
        boolean targets = lines.stream().anyMatch(l -> l.targets().checked() > 0);
        sb.append("<table><tr><th>Rank</th><th>Variant</th>");
        List<String> axes = lines.isEmpty() ? List.of() : new ArrayList<>(lines.get(0).axisValues().keySet());
        axes.forEach(a -> sb.append("<th>").append(esc(a)).append("</th>"));
        sb.append("<th>Samples</th><th>").append(esc(objective.key())).append("</th><th>Sharpe</th><th>CAGR %</th>"
                + "<th>Max DD %</th><th>Turnover %/y</th><th>Costs $</th><th>Avg |drift| %</th>");
        if (targets) {
            sb.append("<th>Sharpe gap</th><th>Sharpe level</th><th>Avg drift &lt; annual</th>"
                    + "<th>Max drift &le; band_abs_3</th><th>All three</th>");
        }
        sb.append("</tr>");
        for (Line l : lines) {
            sb.append(l.rank() == 1 ? "<tr class=\"best\">" : "<tr>").append("<td>").append(l.rank())
                    .append("</td><td>").append(esc(l.variantId())).append("</td>");
            axes.forEach(a -> sb.append("<td>").append(io.rebalancer.rules.variant.VariantGrid.format(
                    l.axisValues().get(a))).append("</td>"));
            sb.append(String.format(Locale.ROOT, "<td>%d</td><td>%.4f</td><td>%.3f</td><td>%.2f</td><td>%.2f</td>"
                            + "<td>%.2f</td><td>%.0f</td><td>%.2f</td>", l.samples(), l.objective(), l.sharpe(),
                    l.cagr() * 100, l.maxDrawdown() * 100, l.turnover() * 100, l.costs(), l.avgAbsDrift() * 100));
            if (targets) {
                Targets t = l.targets();
                sb.append(String.format(Locale.ROOT, "<td>%+.4f</td><td>%d/%d</td><td>%d/%d</td><td>%d/%d</td>"
                                + "<td>%d/%d</td>", t.meanSharpeGap(), t.sharpeLevel(), t.checked(),
                        t.avgDriftBelowAnnual(), t.checked(), t.maxDriftWithinBand(), t.checked(), t.met(),
                        t.checked()));
            }
            sb.append("</tr>");
        }
        return sb.append("</table></body></html>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
