package io.rebalancer.cli;

import io.rebalancer.backtest.BacktestExport;
import io.rebalancer.backtest.BacktestResult;
import io.rebalancer.evaluation.SampleResult;
import io.rebalancer.evaluation.SampleSpec;
import io.rebalancer.evaluation.SuiteExport;
import io.rebalancer.evaluation.SuiteFile;
import io.rebalancer.evaluation.SuiteResult;
import io.rebalancer.evaluation.SuiteRunner;
import io.rebalancer.evaluation.SuiteSpec;
import io.rebalancer.evaluation.SuiteText;
import io.rebalancer.market.BacktestDataSeeder;
import io.rebalancer.service.RecordJson;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.open.StoreOpener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "suite", mixinStandardHelpOptions = true,
        description = {"Run an evaluation suite: every portfolio x period sample of FILE through the agent and the"
                + " baselines (one rule load, one store, samples in turn), then print the win table of the agent"
                + " against every baseline and write suite.json, suite.html and each sample's nav.csv and"
                + " metrics.json. Runs are not stored.",
                "Example: backtest suite suites/default.json --in-memory"})
public class BacktestSuiteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "FILE", description = "The suite file (JSON; docs/BACKTEST.md)")
    Path file;

    @Option(names = "--export-dir", description = "Where suite.json, suite.html and <sample>/ go"
            + " (default: reports/suite-<name>-<time>)")
    Path exportDir;

    @Option(names = "--json", description = "Print suite.json instead of the tables")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SuiteSpec suite = SuiteFile.read(file);
        Path dir = exportDir != null ? exportDir : Path.of("reports", "suite-" + suite.name() + "-"
                + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try (AppContext app = new AppContext(store).preloadRules()) {
            SuiteRunner runner = new SuiteRunner(app.stores(), store.backtestData(), data -> {
                Stores s = StoreOpener.open(StoreConfig.inMemory());
                BacktestDataSeeder.seed(s, data);
                return s;
            });
            SuiteResult result = runner.run(suite, app.cycle(), new SuiteRunner.Listener() {
                @Override
                public void sampleStarted(int index, int count, SampleSpec sample) {
                    err.printf(Locale.ROOT, "sample %d/%d %s: %s %s .. %s%s%n", index + 1, count, sample.id(),
                            sample.portfolio(), sample.from(), sample.to(),
                            sample.warmUpFrom() == null ? "" : " (learning from " + sample.warmUpFrom() + ")");
                    err.flush();
                }

                @Override
                public void sampleFinished(int index, int count, SampleResult r, BacktestResult backtest) {
                    BacktestExport.writeSummary(backtest, dir.resolve(r.spec().id()));
                    err.printf(Locale.ROOT, "  agent Sharpe %.3f, avg drift %.2f %%%n", r.agent().sharpe(),
                            r.agent().avgAbsDrift() * 100);
                    err.flush();
                }
            });
            SuiteExport.write(result, dir);
            if (json) {
                out.println(RecordJson.writePretty(SuiteExport.document(result)));
            } else {
                out.print(SuiteText.summary(result));
                out.println("Exported " + dir.resolve(SuiteExport.SUITE_JSON) + ", " + SuiteExport.SUITE_HTML
                        + " and <sample>/metrics.json, nav.csv");
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
