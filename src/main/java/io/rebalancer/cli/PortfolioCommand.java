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
        subcommands = {PortfolioCommand.Update.class, PortfolioCommand.Import.class, PortfolioCommand.ListCommand.class,
                PortfolioCommand.Show.class, PortfolioCommand.Export.class, PortfolioCommand.Remove.class})
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

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import portfolio files (<id>.json), model files (JSON with 'model' and 'effective_from')"
                    + " and CSVs of accounts (id,model,basis,inception[,do_not_trade]). Everything is checked first;"
                    + " one line per problem (file:line, field, value) and exit code 3, and then nothing is stored."},
            footer = {"", "Example:", "  rebalancer portfolio import models/balanced.json accounts.csv"})
    static class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Portfolio JSON, model JSON or account CSV files")
        java.util.List<Path> files;

        @Override
        public Integer call() {
            try (AppContext app = new AppContext(store).withoutPortfolioCheck()) {
                io.rebalancer.portfolio.PortfolioImport.Result r =
                        new io.rebalancer.portfolio.PortfolioImport(app.stores()).run(files);
                if (!r.ok()) {
                    PrintWriter err = spec.commandLine().getErr();
                    r.problems().forEach(p -> err.println("error: " + p));
                    err.println("error: " + r.problems().size() + " problem" + (r.problems().size() == 1 ? "" : "s")
                            + " in " + files.size() + " file" + (files.size() == 1 ? "" : "s") + "; nothing was stored");
                    err.flush();
                    return ExitCodes.BAD_INPUT;
                }
                PrintWriter out = spec.commandLine().getOut();
                out.println("Imported " + r.models().size() + " model version" + (r.models().size() == 1 ? "" : "s")
                        + " and " + r.accounts().size() + " portfolio" + (r.accounts().size() == 1 ? "" : "s")
                        + (r.unchanged() > 0 ? " (" + r.unchanged() + " already stored as they are)" : ""));
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The stored portfolios: model and the version in force, basis, inception, do-not-trade.")
    static class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @picocli.CommandLine.Option(names = "--json", description = "Print JSON (snake_case keys)")
        boolean json;

        @Override
        public Integer call() {
            try (AppContext app = new AppContext(store).withoutPortfolioCheck()) {
                java.util.List<io.rebalancer.portfolio.PortfolioBook.Entry> entries =
                        new io.rebalancer.portfolio.PortfolioBook(app.stores()).list();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(io.rebalancer.query.QueryJson.writePretty(java.util.Map.of("portfolios", entries)));
                } else {
                    out.printf(java.util.Locale.ROOT, "%-24s %-16s %-10s %16s %-10s %9s %s%n", "Portfolio", "Model",
                            "Version", "Basis", "Inception", "Positions", "Trading");
                    for (io.rebalancer.portfolio.PortfolioBook.Entry e : entries) {
                        out.printf(java.util.Locale.ROOT, "%-24s %-16s %-10s %,16.2f %-10s %9d %s%n", e.id(),
                                e.model() == null ? "-" : e.model(), e.modelVersion() == null ? "-" : e.modelVersion(),
                                e.basis(), e.inception(), e.positions(), e.doNotTrade() ? "DO_NOT_TRADE" : "yes");
                    }
                    out.println(entries.size() + " portfolio" + (entries.size() == 1 ? "" : "s"));
                }
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One portfolio: its model and the model's versions, and every field in force on the latest"
                    + " stored day, in the units of the portfolio file.")
    static class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "ID", description = "Portfolio id")
        String id;

        @picocli.CommandLine.Option(names = "--json", description = "Print JSON (snake_case keys)")
        boolean json;

        @Override
        public Integer call() {
            try (AppContext app = new AppContext(store).withoutPortfolioCheck()) {
                io.rebalancer.portfolio.PortfolioBook.Detail d = new io.rebalancer.portfolio.PortfolioBook(app.stores())
                        .show(id);
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(io.rebalancer.query.QueryJson.writePretty(d));
                } else {
                    out.println("Portfolio " + d.entry().id() + (d.entry().doNotTrade() ? " (DO_NOT_TRADE)" : ""));
                    if (d.entry().model() != null) {
                        out.println("Model " + d.entry().model() + ", versions effective " + d.modelVersions()
                                + "; in force on " + d.inForceOn() + ": " + d.entry().modelVersion());
                    }
                    d.fields().forEach((k, v) -> out.println("  " + k + " = " + v));
                }
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "A portfolio in the portfolio file format (backtest-data/README.md), with the terms in force"
                    + " on the latest stored day; 'portfolio import' reads it back.")
    static class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "ID", description = "Portfolio id")
        String id;

        @picocli.CommandLine.Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (default: stdout)")
        Path outFile;

        @Override
        public Integer call() throws java.io.IOException {
            try (AppContext app = new AppContext(store).withoutPortfolioCheck()) {
                String text = new io.rebalancer.portfolio.PortfolioBook(app.stores()).export(id);
                PrintWriter out = spec.commandLine().getOut();
                if (outFile == null) {
                    out.print(text);
                } else {
                    io.rebalancer.service.AtomicFiles.write(outFile, text);
                    out.println("Wrote " + outFile);
                }
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a portfolio from the store. One with live decisions is refused unless --force (its"
                    + " decisions and fills stay in the store).")
    static class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "ID", description = "Portfolio id")
        String id;

        @picocli.CommandLine.Option(names = "--force", description = "Remove even when it has live decisions")
        boolean force;

        @Override
        public Integer call() {
            try (AppContext app = new AppContext(store).withoutPortfolioCheck()) {
                io.rebalancer.portfolio.PortfolioBook.Removal r = new io.rebalancer.portfolio.PortfolioBook(app.stores())
                        .remove(id, force);
                if (!r.removed()) {
                    PrintWriter err = spec.commandLine().getErr();
                    err.println("error: portfolio " + id + " has live decisions; 'portfolio remove " + id
                            + " --force' removes it anyway (its decisions and fills stay)");
                    err.flush();
                    return ExitCodes.CHECK_FAILED;
                }
                PrintWriter out = spec.commandLine().getOut();
                out.println("Removed portfolio " + id);
                out.flush();
                return ExitCodes.OK;
            }
        }
    }
}
