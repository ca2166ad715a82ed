package io.rebalancer.cli;

import io.rebalancer.analytics.Linking;
import io.rebalancer.report.ReportData;
import io.rebalancer.report.ReportWriter;
import io.rebalancer.report.StoredRunReportData;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the HTML performance-attribution report of a stored backtest run (one self-contained file).",
        footer = {"", "Examples:", "  rebalancer report --latest", "  rebalancer report --run <run-id> --out report.html"})
public class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    static class Which {
        @Option(names = "--run", description = "Backtest run id")
        String runId;

        @Option(names = "--latest", description = "The most recently finished run (the default)")
        boolean latest;

        @Option(names = "--compare", arity = "2", paramLabel = "RUN-ID",
                description = "Write the comparison page of two runs' agents (metrics, curves, the days their decisions differ)")
        java.util.List<String> compare;
    }

    @ArgGroup(exclusive = true)
    Which which;

    @Option(names = "--out", description = "HTML file to write (default: reports/<run-id>.html, or under $REBALANCER_REPORTS)")
    Path out;

    @Option(names = "--linking", defaultValue = "carino",
            description = "Linking of the monthly attribution effects: carino or grap (default: ${DEFAULT-VALUE})")
    Linking linking;

    @Override
    public Integer call() {
        try (AppContext app = new AppContext(store)) {
            if (which != null && which.compare != null) {
                long t0 = System.nanoTime();
                String a = which.compare.get(0);
                String b = which.compare.get(1);
                ReportData da = StoredRunReportData.load(app.stores(), a, linking);
                ReportData db = StoredRunReportData.load(app.stores(), b, linking);
                Path target = out != null ? out : ReportsLocation.dir().resolve("compare-" + a + "-" + b + ".html");
                ReportWriter.writeComparison(da, db, target);
                PrintWriter pw = spec.commandLine().getOut();
                pw.println("Comparison of runs " + a + " and " + b + " written to " + target + " ("
                        + (System.nanoTime() - t0) / 1_000_000 + " ms)");
                pw.flush();
                return ExitCodes.OK;
            }
            String runId = which != null && which.runId != null ? which.runId
                    : StoredRunReportData.latestRunId(app.stores());
            long t0 = System.nanoTime();
            ReportData data = StoredRunReportData.load(app.stores(), runId, linking);
            Path target = out != null ? out : ReportsLocation.dir().resolve(runId + ".html");
            ReportWriter.write(data, target);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            PrintWriter pw = spec.commandLine().getOut();
            pw.println("Report of run " + runId + " written to " + target + " (" + ms + " ms)");
            pw.flush();
            return ExitCodes.OK;
        }
    }
}
