package io.rebalancer.cli;

import io.rebalancer.query.HoldingsReport;
import io.rebalancer.query.PortfolioQueries;
import io.rebalancer.query.QueryJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import static io.rebalancer.cli.CycleConsoleReport.f;
import static io.rebalancer.cli.CycleConsoleReport.pct;
import static io.rebalancer.cli.CycleConsoleReport.pp;

@Command(name = "holdings", mixinStandardHelpOptions = true,
        description = "Shares, prices, values, weights, targets and drift per position and sector, cash and NAV at a"
                + " close (default: the latest stored day). Writes nothing.")
public class HoldingsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--portfolio", defaultValue = "PORT_A_TechGrowth", description = "Portfolio id (default: ${DEFAULT-VALUE})")
    String portfolio;

    @Option(names = "--as-of", description = "Trading day, yyyy-MM-dd (default: the latest stored day)")
    LocalDate asOf;

    @Option(names = "--json", description = "Print JSON (snake_case keys) instead of the table")
    boolean json;

    @Override
    public Integer call() {
        try (AppContext app = new AppContext(store)) {
            HoldingsReport r = new PortfolioQueries(app.storesFor(portfolio), null).holdings(portfolio, asOf);
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? QueryJson.writePretty(r) + System.lineSeparator() : render(r));
            out.flush();
            return ExitCodes.OK;
        }
    }

    static String render(HoldingsReport r) {
        StringBuilder s = new StringBuilder();
        s.append(f("HOLDINGS of %s at the %s close%s%n", r.portfolioId(), r.asOf(), r.latest() ? " (latest stored day)" : ""));
        s.append(f("%-8s %-12s %10s %11s %15s %8s %8s %9s%n", "Ticker", "Sector", "Shares", "Price", "Value", "Weight",
                "Target", "Drift"));
        for (HoldingsReport.Position p : r.positions()) {
            s.append(f("%-8s %-12s %,10d %11.2f %,15.2f %8s %8s %9s%n", p.ticker(), p.sector(), p.shares(), p.price(),
                    p.value(), pct(p.weight()), pct(p.target()), pp(p.drift())));
        }
        s.append(f("%-8s %-12s %10s %11s %,15.2f %8s %8s %9s%n", "CASH", "", "", "", r.cash().doubleValue(),
                pct(r.cashWeight()), pct(0), pp(r.cashWeight())));
        s.append(f("%nSector       %15s %8s %8s %9s%n", "Value", "Weight", "Target", "Drift"));
        for (HoldingsReport.Sector x : r.sectors()) {
            s.append(f("%-12s %,15.2f %8s %8s %9s%n", x.sector(), x.value(), pct(x.weight()), pct(x.target()),
                    pp(x.drift())));
        }
        s.append(f("%nNAV %,.2f; portfolio drift %s%n", r.nav(), pct(r.portfolioDrift())));
        return s.toString();
    }
}
