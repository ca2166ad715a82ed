package io.rebalancer.cli;

import io.rebalancer.backtest.BacktestMetrics;
import io.rebalancer.backtest.StrategyMetrics;
import io.rebalancer.market.DailyReturns;
import io.rebalancer.service.RecordJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = {"Compute the backtest metric contract (docs/METRICS.md) for a CSV of daily returns.",
                "Files are CSV 'date,return' (yyyy-MM-dd, simple return as a fraction), a header line allowed.",
                "NAV starts at 1 on the day before the first return."},
        footer = {"", "Examples:", "  rebalancer metrics --returns returns.csv --benchmark spy.csv"})
public class MetricsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--returns", required = true, description = "Daily returns of the portfolio")
    Path returns;

    @Option(names = "--benchmark", description = "Daily benchmark returns (same dates) for beta")
    Path benchmark;

    @Option(names = "--rf", description = "Daily risk-free rates (same dates) for Sharpe; default 0")
    Path rf;

    @Option(names = "--json", description = "Print JSON")
    boolean json;

    @Override
    public Integer call() {
        DailyReturns r = DailyReturns.read(returns);
        double[] nav = r.navFromOne();
        double[] b = benchmark == null ? null : DailyReturns.read(benchmark).alignedTo(r);
        double[] f = rf == null ? null : DailyReturns.read(rf).alignedTo(r);
        StrategyMetrics m = BacktestMetrics.of(nav, f, b, null, null, null, null);
        Map<String, Object> all = m.toMap();
        Map<String, Object> perf = new LinkedHashMap<>();
        for (String k : List.of("final_nav", "cagr", "volatility", "sharpe", "sharpe_arithmetic", "sortino", "calmar",
                "max_drawdown", "var95_historical", "cvar95", "var95_gaussian", "var95_cornish_fisher", "beta")) {
            perf.put(k, all.get(k));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("returns", r.values().length);
            doc.put("from", r.dates().get(0).toString());
            doc.put("to", r.dates().get(r.dates().size() - 1).toString());
            doc.put("metrics", perf);
            out.println(RecordJson.writePretty(doc));
        } else {
            out.printf(Locale.ROOT, "%d daily returns %s .. %s (NAV from 1)%n", r.values().length, r.dates().get(0),
                    r.dates().get(r.dates().size() - 1));
            perf.forEach((k, v) -> out.printf(Locale.ROOT, "%-22s %s%n", k,
                    v instanceof Double d && Double.isFinite(d) ? String.format(Locale.ROOT, "%.6f", d) : String.valueOf(v)));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
