package io.rebalancer.cli;

import io.rebalancer.query.PortfolioQueries;
import io.rebalancer.query.QueryJson;
import io.rebalancer.query.RiskReport;
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

@Command(name = "risk", mixinStandardHelpOptions = true,
        description = "Trailing-252-day VaR95 (historical, Gaussian, Cornish-Fisher), CVaR95, Sharpe, beta,"
                + " volatility and drawdown of the holdings at a close, with the market regime the rules conclude and"
                + " why. Writes nothing.")
public class RiskCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--portfolio", defaultValue = "PORT_A_TechGrowth", description = "Portfolio id (default: ${DEFAULT-VALUE})")
    String portfolio;

    @Option(names = "--as-of", description = "Trading day, yyyy-MM-dd (default: the latest stored day)")
    LocalDate asOf;

    @Option(names = "--json", description = "Print JSON (snake_case keys) instead of the report")
    boolean json;

    @Override
    public Integer call() {
        try (AppContext app = new AppContext(store).preloadRules()) {
            RiskReport r = new PortfolioQueries(app.storesFor(portfolio), app.liveCycles()).risk(portfolio, asOf);
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? QueryJson.writePretty(r) + System.lineSeparator() : render(r));
            out.flush();
            return ExitCodes.OK;
        }
    }

    static String render(RiskReport r) {
        StringBuilder s = new StringBuilder();
        s.append(f("RISK of %s at the %s close (%d daily returns, today's weights)%n", r.portfolioId(), r.asOf(), r.days()));
        s.append(f("VaR95 historical     %8s   (warning %s, critical %s: %s)%n", pct(r.var95Historical()),
                pct(r.varWarning()), pct(r.varCritical()), r.varBreach()));
        s.append(f("VaR95 Gaussian       %8s%n", pct(r.var95Gaussian())));
        s.append(f("VaR95 Cornish-Fisher %8s%n", pct(r.var95CornishFisher())));
        s.append(f("CVaR95               %8s%n", pct(r.cvar95())));
        s.append(f("Sharpe               %8.3f%n", r.sharpe()));
        s.append(f("Beta to %-12s %8.3f%n", r.benchmark(), r.beta()));
        s.append(f("Volatility           %8s%n", pct(r.volatility())));
        s.append(f("Drawdown             %8s%n", pct(r.drawdown())));
        s.append(f("%nRegime %s (previously %s), by rule \"%s\": %s%n", r.regime(), r.previousRegime(), r.regimeRule(),
                r.regimeReason()));
        s.append(f("VIX %.2f (percentile %s), %s 21-day realised volatility %s, drawdown %s%n", r.vix(),
                pct(r.vixPercentile()), r.benchmark(), pct(r.benchmarkRealizedVol()), pct(r.benchmarkDrawdown())));
        s.append(f("Verdict %s%n", r.verdict()));
        r.triggers().forEach(t -> s.append("Trigger: ").append(t).append(System.lineSeparator()));
        return s.toString();
    }
}
