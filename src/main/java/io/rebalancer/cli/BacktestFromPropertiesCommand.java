package io.rebalancer.cli;

import io.rebalancer.backtest.BacktestRequest;
import io.rebalancer.backtest.RegretScorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/**
 * What {@code mvn compile exec:java -Dbacktest} runs: the {@code backtest} command with its options taken from
 * system properties {@code backtest.from}, {@code backtest.to}, {@code backtest.portfolio}, {@code backtest.rules},
 * {@code backtest.noCosts}, {@code backtest.costBps}, {@code backtest.noLearning}, {@code backtest.compareLearning},
 * {@code backtest.horizon}, {@code backtest.dividends}, {@code backtest.exportDir}, {@code backtest.dataDir}, {@code backtest.mongoUri},
 * {@code backtest.json}.
 */
@Command(name = "backtest-from-properties", hidden = true,
        description = "The backtest command configured by -Dbacktest.* system properties (for mvn exec:java -Dbacktest).")
public class BacktestFromPropertiesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StoreOptions store = new StoreOptions();
        store.where.rules = Path.of(prop("rules", "rules"));
        store.where.backtestData = Path.of(prop("backtestData", "backtest-data"));
        String dataDir = prop("dataDir", null);
        store.where.dataDir = dataDir == null ? null : Path.of(dataDir);
        store.where.mongoUri = prop("mongoUri", null);
        String costBps = prop("costBps", null);
        BacktestRequest request = new BacktestRequest(
                prop("portfolio", BacktestRequest.DEFAULT_PORTFOLIO),
                date("from", BacktestRequest.DEFAULT_FROM),
                date("to", BacktestRequest.DEFAULT_TO),
                costBps == null ? null : number("costBps", costBps),
                flag("noCosts"),
                !flag("noLearning"),
                (int) number("horizon", prop("horizon", "" + BacktestRequest.HORIZON_FROM_RULES)),
                number("lambda", prop("lambda", "" + RegretScorer.DEFAULT_LAMBDA)),
                flag("compareLearning"),
                BacktestRequest.DEFAULT_NAV,
                io.rebalancer.backtest.DividendMode.parse(prop("dividends", "cash")));
        String exportDir = prop("exportDir", null);
        return BacktestConsole.run(spec, store, request, exportDir == null ? null : Path.of(exportDir),
                flag("json"), !flag("noReport"));
    }

    private static String prop(String name, String fallback) {
        String v = System.getProperty("backtest." + name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static boolean flag(String name) {
        String v = prop(name, "false");
        return v.isEmpty() || v.equalsIgnoreCase("true");
    }

    private static LocalDate date(String name, LocalDate fallback) {
        String v = prop(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("-Dbacktest." + name + "=" + v + " is not a date of the form yyyy-MM-dd");
        }
    }

    private static double number(String name, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-Dbacktest." + name + "=" + v + " is not a number");
        }
    }
}
