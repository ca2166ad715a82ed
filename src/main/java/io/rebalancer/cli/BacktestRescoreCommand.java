package io.rebalancer.cli;

import io.rebalancer.backtest.BacktestRescore;
import io.rebalancer.backtest.BacktestResult.OutcomeSummary;
import io.rebalancer.service.RecordJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "rescore", mixinStandardHelpOptions = true,
        description = "Recompute a stored run's metrics and regret from its stored snapshots and decisions alone.")
public class BacktestRescoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(paramLabel = "RUN-ID", description = "The run id a backtest printed")
    String runId;

    @Option(names = "--json", description = "Print the metrics and outcome summary as JSON")
    boolean json;

    @Override
    public Integer call() {
        try (AppContext app = new AppContext(store)) {
            BacktestRescore.Result r = BacktestRescore.rescore(app.stores(), runId);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("run_id", r.runId());
                doc.put("from", r.from().toString());
                doc.put("to", r.to().toString());
                Map<String, Object> strategies = new LinkedHashMap<>();
                r.metrics().forEach((k, v) -> strategies.put(k, v.toMap()));
                doc.put("strategies", strategies);
                doc.put("outcome_summary", r.outcomeSummary());
                doc.put("max_regret_change", r.maxRegretChange());
                out.println(RecordJson.writePretty(doc));
            } else {
                out.printf(Locale.ROOT, "Rescored run %s (%s, %s .. %s) from stored snapshots and decisions%n",
                        r.runId(), r.portfolioId(), r.from(), r.to());
                out.printf(Locale.ROOT, "%-18s %14s %8s %8s %7s %8s %9s %7s %11s%n", "Strategy", "Final NAV $", "CAGR %",
                        "Vol %", "Sharpe", "MaxDD %", "Turn. %/y", "Trades", "Costs $");
                r.metrics().forEach((name, m) -> out.printf(Locale.ROOT,
                        "%-18s %,14.0f %7.2f%% %7.2f%% %7.3f %7.2f%% %8.2f%% %7d %,11.0f%n", name, m.finalNav(),
                        m.cagr() * 100, m.volatility() * 100, m.sharpe(), m.maxDrawdown() * 100, m.turnover() * 100,
                        m.trades(), m.costs()));
                long scored = r.decisions().stream().filter(d -> d.scored()).count();
                out.printf(Locale.ROOT, "%nDecisions: %d, %d scored; largest change of a stored regret: %.2e%n",
                        r.decisions().size(), scored, r.maxRegretChange());
                for (OutcomeSummary o : r.outcomeSummary()) {
                    out.printf(Locale.ROOT, "  %-9s %-9s %6d  mean regret %7.1f bp  mean active %7.1f bp  hit %5.1f%%%n",
                            o.regime(), o.scenario(), o.count(), o.meanRegret() * 1e4, o.meanActiveReturn() * 1e4,
                            o.hitRate() * 100);
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

}
