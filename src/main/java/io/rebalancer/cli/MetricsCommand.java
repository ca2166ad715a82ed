package io.rebalancer.cli;

import io.rebalancer.backtest.BacktestMetrics;
import io.rebalancer.backtest.StrategyMetrics;
import io.rebalancer.service.RecordJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
        Series r = read(returns);
        if (r.values.length < 2) {
            throw new IllegalArgumentException(returns + " holds " + r.values.length + " returns; need at least 2");
        }
        double[] nav = new double[r.values.length + 1];
        nav[0] = 1;
        for (int i = 0; i < r.values.length; i++) {
            nav[i + 1] = nav[i] * (1 + r.values[i]);
            if (!(nav[i + 1] > 0)) {
                throw new IllegalArgumentException(returns + ": the NAV falls to zero or below on " + r.dates.get(i));
            }
        }
        double[] b = benchmark == null ? null : read(benchmark).alignedTo(r, benchmark);
        double[] f = rf == null ? null : read(rf).alignedTo(r, rf);
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
            doc.put("returns", r.values.length);
            doc.put("from", r.dates.get(0).toString());
            doc.put("to", r.dates.get(r.dates.size() - 1).toString());
            doc.put("metrics", perf);
            out.println(RecordJson.writePretty(doc));
        } else {
            out.printf(Locale.ROOT, "%d daily returns %s .. %s (NAV from 1)%n", r.values.length, r.dates.get(0),
                    r.dates.get(r.dates.size() - 1));
            perf.forEach((k, v) -> out.printf(Locale.ROOT, "%-22s %s%n", k,
                    v instanceof Double d && Double.isFinite(d) ? String.format(Locale.ROOT, "%.6f", d) : String.valueOf(v)));
        }
        out.flush();
        return ExitCodes.OK;
    }

    record Series(List<LocalDate> dates, double[] values) {
        double[] alignedTo(Series main, Path file) {
            Map<LocalDate, Double> byDate = new LinkedHashMap<>();
            for (int i = 0; i < dates.size(); i++) {
                byDate.put(dates.get(i), values[i]);
            }
            double[] out = new double[main.values.length];
            for (int i = 0; i < out.length; i++) {
                Double v = byDate.get(main.dates.get(i));
                if (v == null) {
                    throw new IllegalArgumentException(file + " has no value for " + main.dates.get(i)
                            + ", a date of the returns");
                }
                out[i] = v;
            }
            return out;
        }
    }

    static Series read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<LocalDate> dates = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length < 2) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 'date,return', got '" + line + "'");
            }
            LocalDate d;
            try {
                d = LocalDate.parse(f[0].trim());
            } catch (DateTimeParseException e) {
                if (dates.isEmpty() && values.isEmpty() && i == 0) {
                    continue;
                }
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": '" + f[0] + "' is not a date (yyyy-MM-dd)");
            }
            double v;
            try {
                v = Double.parseDouble(f[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": '" + f[1] + "' is not a number");
            }
            if (!Double.isFinite(v) || v <= -1) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": return " + v + " must be finite and above -1");
            }
            if (!dates.isEmpty() && !d.isAfter(dates.get(dates.size() - 1))) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": date " + d + " does not follow "
                        + dates.get(dates.size() - 1));
            }
            dates.add(d);
            values.add(v);
        }
        return new Series(dates, values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
