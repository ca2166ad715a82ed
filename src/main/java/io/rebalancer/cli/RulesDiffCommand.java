package io.rebalancer.cli;

import io.rebalancer.backtest.BacktestContext;
import io.rebalancer.backtest.BacktestRequest;
import io.rebalancer.backtest.BacktestService;
import io.rebalancer.backtest.RegretScorer;
import io.rebalancer.backtest.StrategyMetrics;
import io.rebalancer.rulediff.RuleSetComparison;
import io.rebalancer.rules.RuleEngine;
import io.rebalancer.rules.RuleLimits;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.rules.drools.RuleChanges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

import static io.rebalancer.cli.CycleConsoleReport.f;

/** {@code rules diff --rules A --against B}: what changed between two rule sets and what it did over a period. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two rule sets: the rules and table cells that differ (file!Sheet!CELL, or file:line for"
                + " DRL), then both sets through the backtest on the same prices over --from..--to: the agent's NAV,"
                + " Sharpe, turnover and drift side by side and the days whose decisions differ. A is --rules (the"
                + " edited set), B is --against (the set it is compared with). Writes nothing.",
        footer = {"", "Examples:", "  rebalancer rules diff --rules my-rules --against rules",
                "  rebalancer rules diff --rules my-rules --against rules --from 2024-01-02 --to 2024-12-31"})
public class RulesDiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--against", required = true, description = "The rule directory to compare with (B)")
    Path against;

    @Option(names = "--from", description = "First day, yyyy-MM-dd (default: one year before --to)")
    LocalDate from;

    @Option(names = "--to", description = "Last day, yyyy-MM-dd (default: the latest stored day)")
    LocalDate to;

    @Option(names = "--portfolio", defaultValue = "PORT_A_TechGrowth", description = "Portfolio id (default: ${DEFAULT-VALUE})")
    String portfolio;

    @Option(names = "--no-learning", description = "Replay without the learning rules' outcome statistics")
    boolean noLearning;

    @Option(names = "--max-days", defaultValue = "40", description = "List at most this many differing days (default: ${DEFAULT-VALUE})")
    int maxDays;

    @Override
    public Integer call() {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
        PrintWriter out = spec.commandLine().getOut();
        List<RuleChanges.Change> changes = RuleChanges.between(store.rules(), against);
        out.println(f("Rules: A = %s, B = %s; %d change%s from B to A", store.rules(), against, changes.size(),
                changes.size() == 1 ? "" : "s"));
        changes.forEach(c -> out.println("  " + c));
        RuleEngine a = DroolsRuleEngine.load(store.rules(), store.ruleCache()).withLimits(RuleLimits.from(System::getenv));
        RuleEngine b = DroolsRuleEngine.load(against, store.ruleCache()).withLimits(RuleLimits.from(System::getenv));
        try (AppContext app = new AppContext(store)) {
            LocalDate last = to != null ? to : app.storesFor(portfolio).prices().latestDate()
                    .orElseThrow(() -> new io.rebalancer.service.NotFoundException("the store holds no prices"));
            LocalDate first = from != null ? from : last.minusYears(1);
            BacktestRequest request = new BacktestRequest(portfolio, first, last, null, false, !noLearning,
                    RegretScorer.DEFAULT_HORIZON, RegretScorer.DEFAULT_LAMBDA, false, BacktestRequest.DEFAULT_NAV);
            BacktestContext ctx = new BacktestService(app.stores()).prepare(request);
            RuleSetComparison.Result r = RuleSetComparison.run(ctx, a, b);
            out.println();
            out.println(f("Backtest %s..%s, %d trading days, same prices and costs, both from target at $%,.0f:",
                    r.from(), r.to(), r.days(), BacktestRequest.DEFAULT_NAV));
            out.println(f("%-26s %16s %16s %14s", "", "A " + r.hashA(), "B " + r.hashB(), "A - B"));
            row(out, "Final NAV ($)", r, StrategyMetrics::finalNav, "%,.0f");
            row(out, "CAGR (%)", r, m -> m.cagr() * 100, "%.2f");
            row(out, "Sharpe", r, StrategyMetrics::sharpe, "%.3f");
            row(out, "Max drawdown (%)", r, m -> m.maxDrawdown() * 100, "%.2f");
            row(out, "Turnover (% a year)", r, m -> m.turnover() * 100, "%.2f");
            row(out, "Mean |drift| (%)", r, m -> m.avgAbsDrift() * 100, "%.2f");
            row(out, "Max |drift| (%)", r, m -> m.maxAbsDrift() * 100, "%.2f");
            row(out, "Rebalances", r, m -> m.rebalances(), "%.0f");
            row(out, "Trades", r, m -> m.trades(), "%.0f");
            row(out, "Costs ($)", r, StrategyMetrics::costs, "%,.0f");
            out.println();
            out.println(f("%d of %d days' decisions differ (regime verdict action chosen timing):",
                    r.differences().size(), r.days()));
            r.differences().stream().limit(Math.max(0, maxDays)).forEach(d -> {
                out.println(f("%s  differs in %s", d.date(), String.join(", ", d.fields())));
                out.println("            A: " + d.a());
                out.println("            B: " + d.b());
                if (!d.onlyA().isEmpty()) {
                    out.println("            fired only in A: " + String.join("; ", d.onlyA()));
                }
                if (!d.onlyB().isEmpty()) {
                    out.println("            fired only in B: " + String.join("; ", d.onlyB()));
                }
            });
            if (r.differences().size() > maxDays) {
                out.println(f("... and %d more (--max-days)", r.differences().size() - maxDays));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static void row(PrintWriter out, String label, RuleSetComparison.Result r,
                            ToDoubleFunction<StrategyMetrics> metric, String fmt) {
        double a = metric.applyAsDouble(r.a());
        double b = metric.applyAsDouble(r.b());
        out.println(f("%-26s %16s %16s %14s", label, f(fmt, a), f(fmt, b), f(fmt, a - b)));
    }
}
