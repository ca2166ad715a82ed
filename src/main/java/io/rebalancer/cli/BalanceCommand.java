package io.rebalancer.cli;

import io.rebalancer.query.BalanceReport;
import io.rebalancer.query.PortfolioQueries;
import io.rebalancer.query.QueryJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import static io.rebalancer.cli.CycleConsoleReport.f;

@Command(name = "balance", mixinStandardHelpOptions = true,
        description = "The paper account at the latest close: cash, shares per position and every executed order"
                + " (decisions' fills and orders placed by hand). Writes nothing.")
public class BalanceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--portfolio", defaultValue = "PORT_A_TechGrowth", description = "Portfolio id (default: ${DEFAULT-VALUE})")
    String portfolio;

    @Option(names = "--json", description = "Print JSON (snake_case keys) instead of the table")
    boolean json;

    @Override
    public Integer call() {
        try (AppContext app = new AppContext(store)) {
            BalanceReport r = new PortfolioQueries(app.storesFor(portfolio), null).balance(portfolio);
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? QueryJson.writePretty(r) + System.lineSeparator() : render(r));
            out.flush();
            return ExitCodes.OK;
        }
    }

    static String render(BalanceReport r) {
        StringBuilder s = new StringBuilder();
        s.append(f("PAPER ACCOUNT of %s at the %s close: cash $%,.2f, NAV $%,.2f%n", r.portfolioId(), r.asOf(),
                r.cash(), r.nav()));
        s.append("Positions: ");
        s.append(String.join(", ", r.positions().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).toList()));
        s.append(System.lineSeparator());
        if (r.orders().isEmpty()) {
            s.append("No executed orders yet.").append(System.lineSeparator());
            return s.toString();
        }
        s.append(f("%n%-10s %-8s %-24s %-8s %-5s %10s %12s %14s %10s%n", "Date", "Kind", "Execution", "Ticker",
                "Side", "Shares", "Price", "Value", "Cost"));
        for (BalanceReport.ExecutedOrder o : r.orders()) {
            s.append(f("%-10s %-8s %-24s %-8s %-5s %,10d %12.2f %,14.2f %10.2f%n", o.date(), o.kind(), o.executionId(),
                    o.ticker(), o.side(), o.shares(), o.price(), o.value(), o.cost()));
        }
        return s.toString();
    }
}
