package io.rebalancer.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rebalancer.backtest.StrategyMetrics;
import io.rebalancer.report.TablePage;
import io.rebalancer.report.TablePage.Cell;
import io.rebalancer.service.AtomicFiles;
import io.rebalancer.service.RecordJson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a suite's {@code suite.json} and {@code suite.html}, each whole or not at all. The per-sample exports
 * ({@code <sample-id>/metrics.json}, {@code nav.csv}) are written as the samples finish, by the caller.
 */
public final class SuiteExport {
    public static final String SUITE_JSON = "suite.json";
    public static final String SUITE_HTML = "suite.html";

    private SuiteExport() {
    }

    public static void write(SuiteResult r, Path dir) {
        AtomicFiles.write(dir.resolve(SUITE_JSON), RecordJson.writePretty(document(r)));
        AtomicFiles.write(dir.resolve(SUITE_HTML), page(r).html());
    }

    /** The suite.json document (snake_case keys; NaN written as null). */
    public static ObjectNode document(SuiteResult r) {
        ObjectMapper m = RecordJson.mapper();
        ObjectNode root = m.createObjectNode();
        root.put("suite", r.spec().name());
        root.put("rules_hash", r.rulesHash());
        root.put("crra_gamma", r.spec().crraGamma());
        root.put("sharpe_tolerance", r.spec().sharpeTolerance());
        root.put("millis", r.millis());
        var samples = root.putArray("samples");
        for (int i = 0; i < r.samples().size(); i++) {
            SampleResult s = r.samples().get(i);
            TargetCheck t = r.targets().get(i);
            ObjectNode n = samples.addObject();
            n.put("id", s.spec().id());
            n.put("portfolio_id", s.portfolioId());
            n.put("from", s.from().toString());
            n.put("to", s.to().toString());
            n.put("days", s.days());
            n.put("backtest_data", s.spec().backtestData() == null ? null : s.spec().backtestData().toString());
            n.put("warm_up_from", s.spec().warmUpFrom() == null ? null : s.spec().warmUpFrom().toString());
            n.put("warm_up_days", s.warmUpDays());
            n.put("outcomes_carried", s.outcomesCarried());
            n.put("offset_carried", s.offsetCarried());
            ObjectNode o = n.putObject("options");
            o.put("cost_bps", s.spec().costBps());
            o.put("no_costs", s.spec().noCosts());
            o.put("learning", s.spec().learning());
            o.put("horizon", s.spec().horizonDays());
            o.put("lambda", s.spec().lambda());
            o.put("dividends", s.spec().dividends().name().toLowerCase(java.util.Locale.ROOT));
            ObjectNode st = n.putObject("strategies");
            s.strategies().forEach((name, x) -> st.set(name, m.valueToTree(x.toMap())));
            ObjectNode tn = n.putObject("targets");
            tn.put("sharpe_gap", t.sharpeGap());
            tn.put("sharpe_level", t.sharpeLevel());
            tn.put("avg_drift_below_annual", t.avgDriftBelowAnnual());
            tn.put("max_drift_within_band_abs_3", t.maxDriftWithinBand());
            tn.put("met", t.met());
        }
        ObjectNode wins = root.putObject("wins");
        r.wins().rows().forEach((b, row) -> {
            ObjectNode bn = wins.putObject(b);
            row.forEach((metric, c) -> {
                ObjectNode cn = bn.putObject(metric.key());
                cn.put("wins", c.wins());
                cn.put("ties", c.ties());
                cn.put("losses", c.losses());
                cn.put("mean_difference", c.meanDifference());
            });
        });
        ObjectNode targets = root.putObject("targets");
        targets.put("samples_met", r.targets().stream().filter(TargetCheck::met).count());
        targets.put("samples", r.samples().size());
        targets.put("all_met", r.allTargetsMet());
        targets.put("mean_sharpe_gap", r.meanSharpeGap());
        finite(root);
        return root;
    }

    /** Non-finite numbers (a metric of a too-short series) become null, as in metrics.json. */
    private static void finite(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> bad = new ArrayList<>();
            o.fields().forEachRemaining(e -> {
                if (e.getValue().isDouble() && !Double.isFinite(e.getValue().doubleValue())) {
                    bad.add(e.getKey());
                } else {
                    finite(e.getValue());
                }
            });
            bad.forEach(o::putNull);
        } else if (node.isArray()) {
            node.forEach(SuiteExport::finite);
        }
    }

    static TablePage page(SuiteResult r) {
        List<TablePage.Table> tables = new ArrayList<>();
        List<String> winHeaders = new ArrayList<>(List.of("Baseline"));
        winHeaders.addAll(SuiteText.METRIC_HEADERS);
        List<List<Cell>> winRows = new ArrayList<>();
        for (Map.Entry<String, Map<SuiteMetric, WinTable.Cell>> e : r.wins().rows().entrySet()) {
            List<Cell> row = new ArrayList<>(List.of(new Cell(e.getKey(), "text")));
            for (SuiteMetric metric : SuiteMetric.values()) {
                WinTable.Cell c = e.getValue().get(metric);
                String css = c.wins() > c.losses() ? "win" : c.losses() > c.wins() ? "loss" : "";
                row.add(new Cell(c.wins() + " / " + c.ties() + " / " + c.losses() + "  ("
                        + SuiteText.formatDifference(metric, c.meanDifference()) + ")", css));
            }
            winRows.add(row);
        }
        tables.add(new TablePage.Table("wins", "Win table: the agent against each baseline",
                "Samples won / tied / lost by the agent, and the mean of agent minus baseline over the samples.",
                winHeaders, winRows));

        List<List<Cell>> targetRows = new ArrayList<>();
        for (int i = 0; i < r.samples().size(); i++) {
            SampleResult s = r.samples().get(i);
            TargetCheck t = r.targets().get(i);
            targetRows.add(List.of(new Cell(s.spec().id(), "text"), Cell.of(s.from() + " .. " + s.to()),
                    Cell.of(String.format(Locale.ROOT, "%+.3f", t.sharpeGap())), mark(t.sharpeLevel()),
                    mark(t.avgDriftBelowAnnual()), mark(t.maxDriftWithinBand()), mark(t.met())));
        }
        tables.add(new TablePage.Table("targets", "Targets per sample",
                "Sharpe gap: agent minus the better of annual and band_abs_3 (level within "
                        + r.spec().sharpeTolerance() + "); average drift below annual's; max drift no worse than"
                        + " band_abs_3's.",
                List.of("Sample", "Period", "Sharpe gap", "Sharpe level", "Avg drift < annual", "Max drift <= band_abs_3",
                        "All met"), targetRows));

        List<String> sampleHeaders = new ArrayList<>(List.of("Strategy"));
        sampleHeaders.addAll(SuiteText.METRIC_HEADERS);
        for (SampleResult s : r.samples()) {
            List<List<Cell>> rows = new ArrayList<>();
            StrategyMetrics agent = s.agent();
            for (Map.Entry<String, StrategyMetrics> e : s.strategies().entrySet()) {
                boolean isAgent = e.getKey().equals(SampleResult.AGENT);
                List<Cell> row = new ArrayList<>(List.of(new Cell(e.getKey(), isAgent ? "agent" : "text")));
                for (SuiteMetric metric : SuiteMetric.values()) {
                    double v = metric.of(e.getValue());
                    String css = isAgent ? "agent" : switch (metric.compare(metric.of(agent), v,
                            metric == SuiteMetric.SHARPE ? r.spec().sharpeTolerance() : WinTable.TIE)) {
                        case 1 -> "win";
                        case -1 -> "loss";
                        default -> "";
                    };
                    row.add(new Cell(SuiteText.format(metric, v), css));
                }
                rows.add(row);
            }
            String note = s.portfolioId() + ", " + s.from() + " .. " + s.to() + ", " + s.days() + " trading days"
                    + (s.spec().warmUpFrom() == null ? "" : "; walk-forward: the agent learned from "
                    + s.spec().warmUpFrom() + " (" + s.warmUpDays() + " days, " + s.outcomesCarried()
                    + " scored outcomes carried)") + ". Green: the agent is better than this baseline; red: worse.";
            tables.add(new TablePage.Table("sample-" + s.spec().id(), "Sample " + s.spec().id(), note, sampleHeaders,
                    rows));
        }
        long met = r.targets().stream().filter(TargetCheck::met).count();
        return new TablePage("Evaluation suite " + r.spec().name(),
                r.samples().size() + " samples, rules " + r.rulesHash(),
                List.of(String.format(Locale.ROOT, "Targets met on %d of %d samples; mean Sharpe gap %+.3f.", met,
                                r.samples().size(), r.meanSharpeGap()),
                        "TE: annualised tracking error of daily returns to the always-at-target portfolio. CE: annualised"
                                + " CRRA certainty-equivalent return at gamma " + r.spec().crraGamma()
                                + ". Drift: sum|w - t| / 2 at the close. Turnover: annual one-way. After costs."),
                tables);
    }

    private static Cell mark(boolean ok) {
        return new Cell(ok ? "yes" : "no", ok ? "win" : "loss");
    }
}
