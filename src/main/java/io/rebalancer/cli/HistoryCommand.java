package io.rebalancer.cli;

import io.rebalancer.agents.CycleRecord;
import io.rebalancer.service.RecordJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "history", mixinStandardHelpOptions = true, description = "List stored live decisions, newest first.",
        footer = {"", "Examples:", "  rebalancer history --limit 10", "  rebalancer history --portfolio PORT_A_TechGrowth --json"})
public class HistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--portfolio", description = "Only this portfolio (default: all)")
    String portfolio;

    @Option(names = "--limit", defaultValue = "10", description = "How many (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "Print the records as a JSON array")
    boolean json;

    @Option(names = "--all", description = "Every live decision of a batch day across the book (default: the latest"
            + " day with live decisions), one line each")
    boolean all;

    @Option(names = "--as-of", description = "With --all: the batch day, yyyy-MM-dd")
    java.time.LocalDate asOf;

    @Override
    public Integer call() {
        if (all) {
            return BatchConsole.history(spec, store, asOf, json);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, was " + limit);
        }
        try (AppContext app = new AppContext(store)) {
            if (portfolio != null) {
                io.rebalancer.service.LiveCycleService.portfolio(app.storesFor(portfolio), portfolio);
            }
            List<String> docs = app.stores().decisions().recent(portfolio, null, limit);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println("[" + String.join(",\n", docs) + "]");
                out.flush();
                return ExitCodes.OK;
            }
            if (docs.isEmpty()) {
                out.println("No decisions stored yet" + (portfolio == null ? "" : " for " + portfolio)
                        + "; run 'rebalancer run' first.");
                out.flush();
                return ExitCodes.OK;
            }
            out.println(CycleConsoleReport.f("%-10s %-17s %-18s %-9s %-10s %-10s %-9s %6s %10s %-12s %s", "As of",
                    "Cycle id", "Portfolio", "Regime", "Verdict", "Action", "Scenario", "Trades", "Turnover %", "Rules",
                    "Executed"));
            for (String doc : docs) {
                CycleRecord r = RecordJson.read(doc, CycleRecord.class);
                CycleRecord.Decision d = r.decision();
                List<io.rebalancer.domain.Execution> fills = app.stores().ledger().ofDecision(r.cycleId());
                io.rebalancer.domain.Execution last = fills.isEmpty() ? null : fills.get(fills.size() - 1);
                String executed = last == null ? (r.rebalanced() ? "no" : "-")
                        : last.tranches() > 1 ? "tranche " + last.tranche() + "/" + last.tranches() : "yes";
                out.println(CycleConsoleReport.f("%-10s %-17s %-18s %-9s %-10s %-10s %-9s %6d %10s %-12s %s", r.asOf(),
                        r.cycleId(), r.portfolioId(), r.monitor().regime().regime(), r.monitor().verdict(),
                        d.action(), d.chosen() == null ? "-" : d.chosen().type(), d.tradeCount(),
                        CycleConsoleReport.pct(d.turnover()), r.rulesHash(), executed));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
