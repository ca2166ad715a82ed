package io.rebalancer.cli;

import picocli.CommandLine.Command;

/** The top-level command; each subcommand lives in its own class. */
@Command(name = "rebalancer", mixinStandardHelpOptions = true, version = "rebalancer 0.1.0",
        description = "Autonomous portfolio rebalancing: monitor, analyse and decide on Drools rules, recorded in MongoDB.",
        footer = {"", "Examples:", "  bin/rebalancer run", "  bin/rebalancer run --as-of 2024-12-12 --export decision.json", "  bin/rebalancer history --limit 10", "  bin/rebalancer data fetch && bin/rebalancer run --execute", "  bin/rebalancer backtest --from 2015-01-02 --to 2024-12-31", "  bin/rebalancer <command> --help    (each command's options and examples)"})
public class RebalancerCommand implements Runnable {
    /** The subcommands, in the order the help lists them; {@link Main#commandLine} registers them. */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(
            RunCommand.class,
            ExecuteCommand.class,
            WatchCommand.class,
            HistoryCommand.class,
            HoldingsCommand.class, RiskCommand.class, BalanceCommand.class, OrderCommand.class, McpCommand.class,
            AlertsCommand.class, PortfolioCommand.class,
            DataCommand.class,
            BacktestCommand.class, BacktestFromPropertiesCommand.class, MetricsCommand.class,
            ReportCommand.class, AttributionCommand.class,
            RulesCommand.class, ScenariosCommand.class);

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
