package io.rebalancer.cli;

import io.rebalancer.alerts.AlertJson;
import io.rebalancer.domain.Alert;
import io.rebalancer.service.LiveCycleService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import static io.rebalancer.cli.CycleConsoleReport.f;

@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Stored alerts, newest first: the rules of rules/alerts.drl.xlsx raise them in 'watch' (one per"
                + " condition, portfolio and day).")
public class AlertsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--portfolio", description = "Only this portfolio's alerts (default: all)")
    String portfolio;

    @Option(names = "--limit", defaultValue = "20", description = "How many (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "Print a JSON array (snake_case keys)")
    boolean json;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, was " + limit);
        }
        try (AppContext app = new AppContext(store)) {
            if (portfolio != null) {
                LiveCycleService.portfolio(app.storesFor(portfolio), portfolio);
            }
            List<Alert> alerts = app.stores().alerts().recent(portfolio, limit);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(AlertJson.pretty(alerts));
            } else if (alerts.isEmpty()) {
                out.println("No alerts stored" + (portfolio == null ? "" : " for " + portfolio) + ".");
            } else {
                out.println(f("%-10s %-18s %-8s %-16s %s", "Day", "Portfolio", "Severity", "Code", "Message"));
                for (Alert a : alerts) {
                    out.println(f("%-10s %-18s %-8s %-16s %s", a.day(), a.portfolioId(), a.severity(), a.code(),
                            a.message()));
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
