package io.rebalancer.cli;

import io.rebalancer.batch.BatchDay;
import io.rebalancer.batch.BatchReport;
import io.rebalancer.batch.BatchRunner;
import io.rebalancer.batch.BatchSummary;
import io.rebalancer.batch.Shard;
import io.rebalancer.query.QueryJson;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The batch commands' printing: {@code run --all}, {@code execute --all}, {@code history --all}. */
final class BatchConsole {
    private BatchConsole() {
    }

    static int run(CommandSpec spec, StoreOptions store, String model, LocalDate asOf, Shard shard, boolean json) {
        try (AppContext app = new AppContext(store).preloadRules()) {
            BatchReport r = new BatchRunner(app.stores(), app.cycle()).run(model, asOf, shard);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(QueryJson.writePretty(r));
            } else {
                out.print(BatchSummary.text(r));
            }
            out.flush();
            if (!json) {
                PrintWriter err = spec.commandLine().getErr();
                r.outcomes().stream().filter(BatchReport.PortfolioOutcome::failed)
                        .forEach(o -> err.println("error: " + o.portfolioId() + ": " + o.error()));
                err.flush();
            }
            return r.failed() > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
        }
    }

    static int execute(CommandSpec spec, StoreOptions store, LocalDate asOf, boolean json) {
        try (AppContext app = new AppContext(store)) {
            BatchDay batch = new BatchDay(app.stores());
            LocalDate day = batch.day(asOf);
            List<BatchDay.Executed> done = batch.execute(day, Runtime.getRuntime().availableProcessors());
            long failed = done.stream().filter(BatchDay.Executed::failed).count();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(QueryJson.writePretty(Map.of("as_of", day.toString(), "executions", done)));
            } else {
                for (BatchDay.Executed e : done) {
                    out.println(CycleConsoleReport.f("%-24s %-17s %-16s %3d fills%s", e.portfolioId(), e.cycleId(),
                            e.status(), e.fills(), e.error() == null ? "" : "  " + e.error()));
                }
                out.println(CycleConsoleReport.f("%d rebalances of %s: %d executed, %d already, %d do-not-trade, %d failed",
                        done.size(), day, count(done, "EXECUTED"), count(done, "ALREADY_EXECUTED"),
                        count(done, "DO_NOT_TRADE"), failed));
            }
            out.flush();
            return failed > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
        }
    }

    private static long count(List<BatchDay.Executed> done, String status) {
        return done.stream().filter(e -> e.status().equals(status)).count();
    }

    static int history(CommandSpec spec, StoreOptions store, LocalDate asOf, boolean json) {
        try (AppContext app = new AppContext(store)) {
            BatchDay batch = new BatchDay(app.stores());
            LocalDate day = batch.day(asOf);
            List<BatchDay.Entry> entries = batch.history(day);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(QueryJson.writePretty(Map.of("as_of", day.toString(), "decisions", entries)));
            } else {
                out.println(CycleConsoleReport.f("%-24s %-17s %-12s %-10s %-10s %6s %9s %s", "Portfolio", "Cycle id",
                        "Action", "Scenario", "Timing", "Trades", "Turnover", "Executed"));
                for (BatchDay.Entry e : entries) {
                    out.println(CycleConsoleReport.f("%-24s %-17s %-12s %-10s %-10s %6d %8.2f%% %s", e.portfolioId(),
                            e.cycleId(), e.doNotTrade() && "REBALANCE".equals(e.action()) ? "DO_NOT_TRADE" : e.action(),
                            e.scenario() == null ? "-" : e.scenario(), e.timing() == null ? "-" : e.timing(), e.trades(),
                            e.turnoverPct(), e.executed() ? "yes" : "no"));
                }
                out.println(entries.size() + " decisions on " + day);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
