package io.rebalancer.cli;

import io.rebalancer.agents.AppliedThresholdChange;
import io.rebalancer.agents.CycleRecord;
import io.rebalancer.explain.RuleConclusions;
import io.rebalancer.explain.ScenarioRanking;
import io.rebalancer.rules.facts.*;
import io.rebalancer.service.NotFoundException;
import io.rebalancer.service.RecordJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import static io.rebalancer.cli.CycleConsoleReport.f;
import static io.rebalancer.cli.CycleConsoleReport.pct;
import static io.rebalancer.cli.CycleConsoleReport.pp;

/**
 * {@code rules explain DECISION-ID}: why a stored decision came out as it did, as text; what each rule concluded
 * and why the other scenarios lost come from {@code io.rebalancer.explain}.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show the input facts, every fired rule by phase with its conclusion, the scenario values and why"
                + " the chosen one won, and the threshold changes of a stored decision.",
        footer = {"", "Examples:", "  rebalancer rules explain <cycle-id>"})
public class RulesExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(paramLabel = "DECISION-ID", description = "A cycle id, or a unique prefix of at least 6 characters")
    String id;

    @Override
    public Integer call() {
        try (AppContext app = new AppContext(store)) {
            String doc = app.stores().decisions().find(id).orElseThrow(() -> new NotFoundException("no decision with id "
                    + (id.length() < 6 ? "'" + id + "' (a prefix needs at least 6 characters)" : "or prefix '" + id + "'")
                    + " in " + app.stores().description()));
            CycleRecord r = RecordJson.read(doc, CycleRecord.class);
            PrintWriter out = spec.commandLine().getOut();
            out.print(render(r));
            out.flush();
            return ExitCodes.OK;
        }
    }

    static String render(CycleRecord r) {
        StringBuilder s = new StringBuilder();
        CycleRecord.Monitor m = r.monitor();
        CycleRecord.Decision d = r.decision();
        s.append(f("Decision %s: %s on %s, rules %s%s%n", r.cycleId(), r.portfolioId(), r.asOf(), r.rulesHash(),
                r.runId() == null ? " (live)" : " (run " + r.runId() + ")"));
        s.append(f("Outcome: %s, regime %s, %s%s%s%n", m.verdict(), m.regime().regime(), d.action(),
                d.chosen() == null ? "" : " " + d.chosen().type(),
                d.timing() == null ? "" : f(", %s, %d trades, turnover %s", d.timing().timing(), d.tradeCount(),
                        pct(d.turnover()))));

        s.append("\nINPUT FACTS\n");
        MarketConditions mk = m.market();
        s.append(f("  Market       VIX %.2f (percentile %.0f %% of 252 days), realised vol (21d) %s, benchmark drawdown %s%n",
                mk.vix(), mk.vixPercentile() * 100, pct(mk.realizedVol()), pct(mk.benchmarkDrawdown())));
        s.append(f("  Previous     regime %s%n", m.previousRegime() == null ? "-" : m.previousRegime().regime()));
        RiskSnapshot rk = m.risk();
        s.append(f("  Risk         VaR95 %s, Sharpe %.2f, beta %.2f, volatility %s, drawdown %s%n", pct(rk.var95()),
                rk.sharpe(), rk.beta(), pct(rk.volatility()), pct(rk.drawdown())));
        s.append(f("  History      %s, %d rebalances in the last 60 trading days%n",
                m.history().daysSinceLastRebalance() >= 9_999 ? "no earlier rebalance"
                        : m.history().daysSinceLastRebalance() + " trading days since the last rebalance",
                m.history().recentRebalances()));
        PortfolioDrift pd = m.portfolioDrift();
        s.append(f("  Drift        portfolio %s, largest position %s %s, largest sector %s %s%n", pct(pd.total()),
                pd.maxPositionTicker(), pct(pd.maxAbsPositionDrift()), pd.maxSector(), pct(pd.maxAbsSectorDrift())));
        s.append(f("  %-8s %-12s %9s %9s %10s%n", "Ticker", "Sector", "Weight", "Target", "Drift"));
        for (PositionDrift p : m.positions()) {
            s.append(f("  %-8s %-12s %9s %9s %10s%n", p.ticker(), p.sector(), pct(p.weight()), pct(p.target()), pp(p.drift())));
        }
        for (SectorDrift p : m.sectors()) {
            s.append(f("  %-8s %-12s %9s %9s %10s%n", "", p.sector(), pct(p.weight()), pct(p.target()), pp(p.drift())));
        }
        EffectiveThresholds t = m.thresholds();
        s.append(f("  Thresholds   drift critical %s (band: the tighter of it and %.0f %% of target; BAND_EDGE trades to %.0f %% of the band)%n",
                pct(t.driftCritical()), t.relativeBand() * 100, t.tradeTo() * 100));
        s.append(f("               high %s / medium %s; cash band %s; turnover cap %s; cooldown %d days; review %s%n",
                pct(t.driftHigh()), pct(t.driftMedium()), pct(t.cashBand()), pct(t.maxTurnover()), t.cooldownDays(), t.review()));
        s.append(f("               observed only: VaR warning %s / critical %s, Sharpe warning %.2f, beta limit %.2f%n",
                pct(t.varWarning()), pct(t.varCritical()), t.sharpeWarning(), t.betaLimit()));

        s.append("\nFIRED RULES (in order, by phase)\n");
        RuleConclusions conclusions = RuleConclusions.of(r);
        String phase = null;
        int n = 0;
        for (CycleRecord.Firing firing : r.firedRules()) {
            if (!firing.phase().equals(phase)) {
                phase = firing.phase();
                s.append("  ").append(phase).append('\n');
            }
            String what = conclusions.next(firing.rule());
            s.append(f("    %2d. [%s] %s%n        -> %s%n", ++n, firing.group(), firing.rule(), what));
        }

        if (r.analysis() != null) {
            s.append("\nSCENARIOS (bp of NAV a year: benefit = tracking-error variance removed x risk aversion / 2, cost amortised over the horizon)\n");
            s.append(f("  %-10s %6s %9s %9s %9s %8s %8s %8s | %s%n", "Scenario", "Trades", "Turnover", "Cost",
                    "Drift->", "Benefit", "Cost/yr", "Net", "Vetoes"));
            List<CycleRecord.Scenario> sorted = ScenarioRanking.bestFirst(r);
            for (CycleRecord.Scenario sc : sorted) {
                ScenarioMetrics mt = sc.metrics();
                ScenarioScore score = sc.score();
                s.append(f("  %-10s %6d %9s %9s %9s %8s %8s %8s | %s%n", sc.type(), mt.tradeCount(),
                        pct(mt.turnover()), pct(mt.cost()), pct(mt.driftAfter()),
                        score == null ? "-" : f("%.2f", score.benefitBp()), score == null ? "-" : f("%.2f", score.costBp()),
                        score == null ? "-" : f("%.2f", score.netBp()),
                        sc.vetoes().isEmpty() ? "none" : String.join("; ", sc.vetoes().stream()
                                .map(v -> v.reason() + " [" + v.rule() + "]").toList())));
            }
            Recommendation rec = r.analysis().recommendation();
            s.append("\nWHY ").append(d.chosen() == null ? rec.type() : d.chosen().type()).append('\n');
            s.append(f("  Recommended %s: net %.2f bp a year, runner-up %.2f, margin %.2f, confidence %.0f %% [%s]%n", rec.type(),
                    rec.score(), rec.runnerUpScore(), rec.score() - rec.runnerUpScore(), rec.confidence() * 100, rec.rule()));
            for (CycleRecord.Scenario sc : sorted) {
                if (sc.type() == rec.type()) {
                    continue;
                }
                s.append(f("  %-10s %s%n", sc.type(), ScenarioRanking.whyNot(sc, rec)));
            }
            if (d.chosen() != null) {
                s.append(f("  Chosen %s: %s [%s]%n", d.chosen().type(), d.chosen().reason(), d.chosen().rule()));
            }
        }
        if (d.timing() != null) {
            s.append(f("  Timing %s, %d tranche(s), re-check in %d days: %s [%s]%n", d.timing().timing(),
                    d.timing().tranches(), d.timing().recheckDays(), d.timing().reason(), d.timing().rule()));
        }

        s.append("\nTHRESHOLD CHANGES\n");
        if (d.thresholdChanges().isEmpty()) {
            s.append("  none\n");
        }
        for (AppliedThresholdChange c : d.thresholdChanges()) {
            s.append(f("  %s requested %s, applied %s%s: critical drift %s -> %s (%s) [%s]%n", c.kind(),
                    pp(c.requestedDelta()), pp(c.appliedDelta()),
                    c.until() == null ? " (persistent)" : " until " + c.until(), pct(c.driftCriticalBefore()),
                    pct(c.driftCriticalAfter()), c.reason(), c.rule()));
        }
        return s.toString();
    }
}
