package io.rebalancer.cli;

import io.rebalancer.backtest.BacktestRequest;
import io.rebalancer.backtest.RegretScorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

@Command(name = "backtest", mixinStandardHelpOptions = true, subcommands = {BacktestRescoreCommand.class, BacktestSuiteCommand.class,
        BacktestRunsCommands.ListRuns.class, BacktestRunsCommands.Delete.class, BacktestRunsCommands.Prune.class},
        description = {"Replay history through the agent and the baselines (buy_and_hold, monthly, quarterly, annual,"
                + " band_5_25, band_abs_3), score every decision's regret, store the run and export nav.csv,"
                + " metrics.json, decisions.json (and the HTML report when available).",
                "Same as: mvn compile exec:java -Dbacktest [-Dbacktest.from=... -Dbacktest.to=...]"},
        footer = {"", "Examples:", "  rebalancer backtest", "  rebalancer backtest --from 2020-01-02 --to 2020-12-31 --no-report", "  rebalancer backtest --rules my-rules --compare-learning", "  rebalancer backtest list"})
public class BacktestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--portfolio", defaultValue = BacktestRequest.DEFAULT_PORTFOLIO,
            description = "Portfolio id (default: ${DEFAULT-VALUE})")
    String portfolio;

    @Option(names = "--from", defaultValue = "2015-01-02",
            description = "First day; all strategies start at target at its close (default: ${DEFAULT-VALUE})")
    LocalDate from;

    @Option(names = "--to", defaultValue = "2024-12-31", description = "Last day (default: ${DEFAULT-VALUE})")
    LocalDate to;

    @Option(names = "--cost-bps", description = "Linear cost per trade in bps of value (commission plus half spread;"
            + " replaces the portfolio's; impact unchanged)")
    Double costBps;

    @Option(names = "--no-costs", description = "Turn every cost off, market impact included")
    boolean noCosts;

    @Option(names = "--no-learning", description = "Do not feed matured decision outcomes back to the agent")
    boolean noLearning;

    @Option(names = "--compare-learning", description = "Also run the agent without learning (row agent_no_learning)")
    boolean compareLearning;

    @Option(names = "--horizon", defaultValue = "" + BacktestRequest.HORIZON_FROM_RULES,
            description = "Outcome (regret) horizon in trading days (default: the rules' learning.drl.xlsx, 63)")
    int horizon;

    @Option(names = "--lambda", defaultValue = "" + RegretScorer.DEFAULT_LAMBDA,
            description = "Tracking-error penalty of the regret objective (default: ${DEFAULT-VALUE})")
    double lambda;

    @Option(names = "--dividends", defaultValue = "cash", description = "cash: paid into cash on the ex-date and"
            + " swept back with the cash flows, positions at the close (as live); reinvest: positions at adj_close"
            + " (bt-style) (default: ${DEFAULT-VALUE})")
    String dividends;

    @Option(names = "--export-dir", description = "Where nav.csv, metrics.json, decisions.json go (default: reports/<run-id>, or under $REBALANCER_REPORTS)")
    Path exportDir;

    @Option(names = "--no-report", description = "Do not render the HTML report")
    boolean noReport;

    @Option(names = "--json", description = "Print metrics.json instead of the summary table")
    boolean json;

    @Override
    public Integer call() {
        BacktestRequest request = new BacktestRequest(portfolio, from, to, costBps, noCosts, !noLearning, horizon,
                lambda, compareLearning, BacktestRequest.DEFAULT_NAV,
                io.rebalancer.backtest.DividendMode.parse(dividends));
        return BacktestConsole.run(spec, store, request, exportDir, json, !noReport);
    }
}
