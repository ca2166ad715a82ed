package io.rebalancer.cli;

import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.backtest.BacktestContext;
import io.rebalancer.backtest.BacktestExport;
import io.rebalancer.backtest.BacktestListener;
import io.rebalancer.backtest.BacktestRequest;
import io.rebalancer.backtest.BacktestResult;
import io.rebalancer.backtest.BacktestResult.OutcomeSummary;
import io.rebalancer.backtest.BacktestResult.ThresholdEvent;
import io.rebalancer.backtest.BacktestService;
import io.rebalancer.backtest.StrategyMetrics;
import io.rebalancer.report.ReportWriter;
import io.rebalancer.service.RecordJson;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The console side of {@code backtest}: progress, export, report, and the summary table. */
final class BacktestConsole {
    private BacktestConsole() {
    }

    static int run(CommandSpec spec, StoreOptions store, BacktestRequest request, Path exportDir, boolean json,
                   boolean report) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        if (report) {
            // on the core the backtest leaves mostly idle (its main and rule threads take turns)
            Thread warmUp = new Thread(ReportWriter::warmUp, "report-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
        try (AppContext app = new AppContext(store).preloadRules()) {
            Progress progress = new Progress(err, System.console() != null);
            BacktestResult result = new BacktestService(app.storesFor(request.portfolioId())).run(request, app::cycle, progress);
            Path dir = exportDir != null ? exportDir : ReportsLocation.dir().resolve(result.runId());
            BacktestExport.write(result, dir);
            long r0 = System.nanoTime();
            Path html = report ? report(result, progress.history, dir.resolve("report.html"), err) : null;
            long reportMillis = (System.nanoTime() - r0) / 1_000_000;
            long wall = (System.nanoTime() - t0) / 1_000_000;
            if (json) {
                out.println(RecordJson.writePretty(BacktestExport.metricsDocument(result)));
            } else {
                out.print(summary(result, dir, html, wall, reportMillis));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** Renders the HTML report; a failure to render is a warning, the exported run stays. */
    private static Path report(BacktestResult result, PriceHistory prices, Path out, PrintWriter err) {
        try {
            return ReportWriter.write(result, prices, out);
        } catch (RuntimeException e) {
            err.println("warning: the HTML report was not written: " + e.getMessage());
            return null;
        }
    }

    static String summary(BacktestResult r, Path dir, Path html, long wallMillis, long reportMillis) {
        StringBuilder sb = new StringBuilder();
        String line = "=".repeat(118) + "\n";
        sb.append(line);
        sb.append(String.format(Locale.ROOT, "BACKTEST %s  %s .. %s  (%d trading days)  run %s  rules %s%n",
                r.portfolio().id(), r.from(), r.to(), r.dates().size(), r.runId(), r.rulesHash()));
        BacktestResult.Settings s = r.settings();
        sb.append(String.format(Locale.ROOT,
                "costs: commission %.1f bps + half spread %.1f bps + impact %.2f x sigma x sqrt(participation);"
                        + " learning %s; outcome horizon %d days, lambda %.2f; dividends %s%s%n",
                s.costs().commissionBps(), s.costs().halfSpreadBps(), s.costs().impactCoefficient(),
                s.learning() ? "on" : "off", s.horizonDays(), s.lambda(),
                s.dividends().name().toLowerCase(Locale.ROOT),
                r.portfolio().cashFlows().isEmpty() ? "" : "; " + r.portfolio().cashFlows().size() + " cash flows"));
        sb.append(line);
        sb.append(String.format(Locale.ROOT, "%-18s %14s %8s %8s %7s %8s %9s %7s %7s %11s%n", "Strategy",
                "Final NAV $", "CAGR %", "Vol %", "Sharpe", "MaxDD %", "Turn. %/y", "Rebal", "Trades", "Costs $"));
        for (Map.Entry<String, BacktestResult.StrategyResult> e : r.strategies().entrySet()) {
            StrategyMetrics m = e.getValue().metrics();
            sb.append(String.format(Locale.ROOT, "%-18s %,14.0f %7.2f%% %7.2f%% %7.3f %7.2f%% %8.2f%% %7d %7d %,11.0f%n",
                    e.getKey(), m.finalNav(), m.cagr() * 100, m.volatility() * 100, m.sharpe(), m.maxDrawdown() * 100,
                    m.turnover() * 100, m.rebalances(), m.trades(), m.costs()));
        }
        sb.append("(Sharpe: geometric, rf = 3-month T-bill; turnover: annual one-way; see docs/METRICS.md)\n");
        if (!r.agentDays().isEmpty()) {
            BacktestResult.AgentDay first = r.agentDays().get(0);
            BacktestResult.AgentDay last = r.agentDays().get(r.agentDays().size() - 1);
            sb.append(String.format(Locale.ROOT,
                    "%nAgent thresholds: drift critical %.2f %% on %s -> %.2f %% on %s (%s); %d adaptive changes%n",
                    first.driftCritical() * 100, first.date(), last.driftCritical() * 100, last.date(), last.regime(),
                    r.thresholdChanges().size()));
            Map<String, int[]> byRule = new TreeMap<>();
            for (ThresholdEvent t : r.thresholdChanges()) {
                byRule.computeIfAbsent(t.change().rule(), k -> new int[1])[0]++;
            }
            byRule.forEach((rule, n) -> sb.append(String.format(Locale.ROOT, "  %5d x %s%n", n[0], rule)));
            r.thresholdChanges().stream().filter(t -> t.change().kind().startsWith("LEARNED")).reduce((a, b) -> b)
                    .ifPresent(t -> sb.append("  last learned change ").append(t.date()).append(": ")
                            .append(t.change().reason()).append('\n'));
        }
        long scored = r.decisions().stream().filter(BacktestResult.DecisionOutcome::scored).count();
        int counted = r.outcomeSummary().stream().mapToInt(OutcomeSummary::count).sum();
        sb.append(String.format(Locale.ROOT, "%nDecisions: %d triggered cycles, %d scored over %d days, %d of them"
                        + " counted for learning (non-overlapping horizons)%n",
                r.decisions().size(), scored, s.horizonDays(), counted));
        sb.append(String.format(Locale.ROOT, "  %-9s %-9s %6s %12s %12s %12s %14s %7s %8s%n", "Regime", "Chosen", "Count",
                "Mean regret", "of return", "of TE", "Mean active", "t", "Hit rate"));
        for (OutcomeSummary o : r.outcomeSummary()) {
            sb.append(String.format(Locale.ROOT, "  %-9s %-9s %6d %9.1f bp %9.1f bp %9.1f bp %11.1f bp %7s %7.1f%%%n",
                    o.regime(), o.scenario(), o.count(), o.meanRegret() * 1e4, o.meanRegretReturn() * 1e4,
                    o.meanRegretTracking() * 1e4, o.meanActiveReturn() * 1e4,
                    Double.isNaN(o.activeT()) ? "n/a" : String.format(Locale.ROOT, "%.2f", o.activeT()),
                    o.hitRate() * 100));
        }
        BacktestResult.Timings t = r.timings();
        sb.append(String.format(Locale.ROOT,
                "%nTimings: %.1f s in the backtest (load %.1f s, %d agent cycles %.1f s = %.2f ms each, %.1f s CPU,"
                        + " regret %.2f s, baselines %.2f s, store %.2f s); %.1f s in the command%n",
                t.totalMillis() / 1e3, t.loadMillis() / 1e3, t.cycles(), t.agentCycleMillis() / 1e3,
                t.cycles() == 0 ? 0 : (double) t.agentCycleMillis() / t.cycles(), t.agentCycleCpuMillis() / 1e3,
                t.regretMillis() / 1e3,
                t.baselineMillis() / 1e3, t.storeMillis() / 1e3, wallMillis / 1e3));
        sb.append("Exported ").append(dir.resolve(BacktestExport.NAV_CSV)).append(", ")
                .append(BacktestExport.METRICS_JSON).append(", ").append(BacktestExport.DECISIONS_JSON);
        if (html != null) {
            sb.append("; report ").append(html).append(" (rendered in ").append(reportMillis).append(" ms)");
        }
        sb.append('\n');
        return sb.toString();
    }

    /** A progress bar on a terminal, one line per calendar year otherwise (both on stderr). */
    static final class Progress implements BacktestListener {
        private final PrintWriter err;
        private final boolean terminal;
        private int lastYear = -1;
        private int lastPercent = -1;
        PriceHistory history;

        Progress(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void prepared(BacktestContext context) {
            history = context.history();
        }

        @Override
        public void started(String runId, LocalDate from, LocalDate to, int days) {
            err.printf(Locale.ROOT, "backtest %s: %s .. %s, %d trading days%n", runId, from, to, days);
            err.flush();
        }

        @Override
        public void day(int index, int days, LocalDate date, double nav) {
            if (terminal) {
                int percent = (int) ((index + 1) * 100L / days);
                if (percent != lastPercent) {
                    lastPercent = percent;
                    int filled = percent * 40 / 100;
                    err.printf(Locale.ROOT, "\r[%s%s] %3d %%  %s  agent NAV %,.0f", "#".repeat(filled),
                            " ".repeat(40 - filled), percent, date, nav);
                    if (index == days - 1) {
                        err.println();
                    }
                    err.flush();
                }
            } else if (date.getYear() != lastYear || index == days - 1) {
                if (lastYear >= 0 || index == days - 1) {
                    err.printf(Locale.ROOT, "  %s  day %d/%d  agent NAV %,.0f%n", date, index + 1, days, nav);
                    err.flush();
                }
                lastYear = date.getYear();
            }
        }
    }
}
