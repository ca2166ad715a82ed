package io.rebalancer.cli;

import io.rebalancer.market.PortfolioFields.Difference;
import io.rebalancer.service.PortfolioUpdate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "portfolio", mixinStandardHelpOptions = true, description = "Portfolio definitions in the store.",
        subcommands = {PortfolioCommand.Update.class})
public class PortfolioCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Take a portfolio file (format in backtest-data/README.md) into the store: adds a new"
                    + " portfolio or replaces the stored one, and lists the fields that changed. Thresholds, bounds,"
                    + " costs, sectors and the benchmark apply from the next cycle (a day already decided is decided"
                    + " again). Once a portfolio has live decisions, basis, inception and targets are refused."},
            footer = {"", "Example:", "  rebalancer portfolio update backtest-data/portfolios/PORT_A_TechGrowth.json"})
    static class Update implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "FILE", description = "Portfolio JSON file, named <id>.json")
        Path file;

        @Override
        public Integer call() {
            try (AppContext app = new AppContext(store).withoutPortfolioCheck()) {
                PortfolioUpdate.Result r = new PortfolioUpdate(app.stores()).apply(file);
                PrintWriter out = spec.commandLine().getOut();
                String id = r.definition().id();
                if (r.added()) {
                    out.println("Added portfolio " + id + " from " + file);
                } else if (r.changes().isEmpty()) {
                    out.println("Portfolio " + id + " in the store already matches " + file + "; nothing to do");
                } else {
                    out.println("Updated portfolio " + id + " from " + file + " (" + r.changes().size() + " field"
                            + (r.changes().size() == 1 ? "" : "s") + "):");
                    for (Difference d : r.changes()) {
                        out.println("  " + d.field() + ": " + d.stored() + " -> " + d.file());
                    }
                }
                out.flush();
                return ExitCodes.OK;
            }
        }
    }
}
