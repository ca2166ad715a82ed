package io.rebalancer.cli;

import io.rebalancer.agents.AppliedThresholdChange;
import io.rebalancer.agents.CycleRecord;
import io.rebalancer.agents.PlannedTrade;
import io.rebalancer.rules.facts.*;
import io.rebalancer.service.CycleOutcome;

import java.util.List;

/** The console report of one cycle, in the spirit of the seed's: three phases, the plan, the adjustments. */
final class CycleConsoleReport {
    private static final String RULE = "=".repeat(78);
    private static final String THIN = "-".repeat(78);

    private CycleConsoleReport() {
    }

    static String render(CycleOutcome outcome) {
        return render(outcome, false);
    }

    /** With {@code executing}, a rebalance is announced as executed on paper (the execution follows). */
    static String render(CycleOutcome outcome, boolean executing) {
        CycleRecord r = outcome.record();
        StringBuilder s = new StringBuilder();
        s.append(RULE).append('\n');
        s.append("AUTONOMOUS REBALANCING AGENT: ").append(r.portfolioId()).append('\n');
        s.append(f("Cycle: %s%s | NAV: %s | Cash: %s | Rules: %s%n", r.asOf(),
                outcome.asOfDefaulted() ? " (latest stored day)" : "", money(r.inputs().nav()),
                money(r.inputs().cash()), r.rulesHash()));
        s.append(f("Cycle id: %s%s%n", r.cycleId(), outcome.alreadyRecorded()
                ? " (already recorded: shown from the store, nothing written)" : ""));
        s.append(RULE).append("\n\n");
        monitor(s, r);
        if (r.analysis() != null) {
            s.append(THIN).append("\n\n");
            analysis(s, r);
        }
        s.append(THIN).append("\n\n");
        decision(s, r);
        learning(s, outcome.outcomes());
        s.append(RULE).append('\n');
        s.append("AGENT STATUS: ").append(switch (r.decision().action()) {
            case "REBALANCE" -> executing ? "DECISION FINALIZED - EXECUTED ON PAPER (BELOW)"
                    : "DECISION FINALIZED - AWAITING EXECUTION ('execute " + r.cycleId() + "')";
            case "DEFER" -> "DECISION FINALIZED - DEFERRED";
            default -> "PORTFOLIO STABLE - NO ACTION";
        }).append('\n');
        s.append(RULE).append('\n');
        return s.toString();
    }

    private static void monitor(StringBuilder s, CycleRecord r) {
        CycleRecord.Monitor m = r.monitor();
        s.append("[PHASE 1: MONITOR AGENT]\n");
        s.append("Status: ").append(m.verdict()).append('\n');
        for (Trigger t : m.triggers()) {
            s.append("Trigger: ").append(t.reason()).append('\n');
        }
        s.append('\n').append("Portfolio Snapshot:\n");
        PortfolioDrift d = m.portfolioDrift();
        s.append(f("- Portfolio Drift: %s (sum |w - t| / 2, cash included)%n", pct(d.total())));
        PositionDrift worst = m.positions().stream().filter(p -> p.ticker().equals(d.maxPositionTicker()))
                .findFirst().orElseThrow();
        SectorDrift worstSector = m.sectors().stream().filter(p -> p.sector().equals(d.maxSector()))
                .findFirst().orElseThrow();
        s.append(f("- Max Position Drift: %s (%s)%n", pp(worst.drift()), worst.ticker()));
        s.append(f("- Max Sector Drift: %s (%s)%n", pp(worstSector.drift()), worstSector.sector()));
        RiskSnapshot risk = m.risk();
        s.append(f("- VaR_95 (1-day, historical, 252d): %s | Sharpe: %.2f | Beta: %.2f%n", pct(risk.var95()),
                risk.sharpe(), risk.beta()));
        s.append(f("- Volatility: %s | Drawdown: %s%n", pct(risk.volatility()), pct(risk.drawdown())));
        s.append(f("- VIX: %.2f (%s percentile of 252d) | Realised vol (21d): %s%n", m.market().vix(),
                ordinal((int) Math.round(m.market().vixPercentile() * 100)), pct(m.market().realizedVol())));
        s.append("- Market Regime: ").append(m.regime().regime()).append(" (").append(m.regime().reason())
                .append(")\n");
        EffectiveThresholds e = m.thresholds();
        s.append(f("- Bands in force: the tighter of %s and %.0f %% of target per position; BAND_EDGE trades to %.0f %% of the band;"
                        + " cash band %s; turnover cap %s; review %s%n",
                pct(e.driftCritical()), e.relativeBand() * 100, e.tradeTo() * 100, pct(e.cashBand()),
                pct(e.maxTurnover()), e.review()));
        s.append('\n');
        s.append(f("%-8s %-11s %9s %9s %10s %9s%n", "Ticker", "Sector", "Weight", "Target", "Drift", "Band"));
        for (PositionDrift p : m.positions()) {
            s.append(f("%-8s %-11s %9s %9s %10s %9s%s%n", p.ticker(), p.sector(), pct(p.weight()), pct(p.target()),
                    pp(p.drift()), f("+/-%.2f", e.band(p.target()) * 100), p.absDrift() > e.band(p.target()) ? "  outside" : ""));
        }
        for (SectorDrift p : m.sectors()) {
            s.append(f("%-8s %-11s %9s %9s %10s%n", "", p.sector(), pct(p.weight()), pct(p.target()), pp(p.drift())));
        }
        s.append('\n');
        s.append("Monitor Decision: ").append(m.verdict() == io.rebalancer.domain.Verdict.TRIGGERED
                ? "-> TRIGGER ANALYZER AGENT" : "-> STABLE, NO ANALYSIS NEEDED").append("\n\n");
    }

    private static void analysis(StringBuilder s, CycleRecord r) {
        s.append("[PHASE 2: ANALYZER AGENT]\n");
        s.append("Benefit, cost and net in bp of NAV a year (tracking-error variance removed x risk aversion / 2;"
                + " trading cost over the holding horizon)\n");
        s.append(f("%-10s %6s %9s %12s %9s %8s %8s %8s %8s  %s%n", "Scenario", "Trades", "Turnover", "Value", "Cost",
                "Drift->", "Benefit", "Cost/yr", "Net", "Status"));
        List<CycleRecord.Scenario> scenarios = r.analysis().scenarios();
        for (int k = 0; k < scenarios.size(); k++) {
            CycleRecord.Scenario sc = scenarios.get(k);
            ScenarioMetrics mt = sc.metrics();
            String status = sc.vetoes().isEmpty() ? "ok" : "vetoed: " + sc.vetoes().get(0).reason();
            String same = sameTradesAsEarlier(scenarios, k);
            if (same != null) {
                status += " (same trades as " + same + ")";
            }
            s.append(f("%-10s %6d %9s %12s %9s %8s %8s %8s %8s  %s%n", sc.type(), mt.tradeCount(), pct(mt.turnover()),
                    money(mt.turnover() * r.inputs().nav()), money(mt.cost() * r.inputs().nav()), pct(mt.driftAfter()),
                    sc.score() == null ? "-" : f("%.2f", sc.score().benefitBp()),
                    sc.score() == null ? "-" : f("%.2f", sc.score().costBp()),
                    sc.score() == null ? "-" : f("%.2f", sc.score().netBp()), status));
        }
        Recommendation rec = r.analysis().recommendation();
        s.append('\n').append(f("Recommended: %s (Confidence: %.0f %%): %s%n%n", rec.type(), rec.confidence() * 100,
                rec.reason()));
    }

    /** How earlier decisions turned out, as the learning rules saw them. */
    private static void learning(StringBuilder s, List<OutcomeStats> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        int n = outcomes.stream().mapToInt(OutcomeStats::count).sum();
        int fresh = outcomes.stream().mapToInt(OutcomeStats::fresh).sum();
        s.append(f("Outcomes of earlier decisions (%d matured, %d new since the last cycle):%n", n, fresh));
        for (OutcomeStats o : outcomes) {
            s.append(f("- %s / %s: %d decisions, mean regret %.1f bp, mean active return %+.1f bp, hit rate %.0f %%%n",
                    o.regime(), o.type(), o.count(), o.meanRegret() * 1e4, o.meanOutcome() * 1e4, o.hitRate() * 100));
        }
        s.append('\n');
    }

    /** The first scenario before {@code k} with exactly the same trades, or null; DEFER-like empty plans excluded. */
    static String sameTradesAsEarlier(List<CycleRecord.Scenario> scenarios, int k) {
        List<io.rebalancer.domain.Trade> trades = scenarios.get(k).trades();
        if (trades.isEmpty()) {
            return null;
        }
        for (int j = 0; j < k; j++) {
            if (scenarios.get(j).trades().equals(trades)) {
                return scenarios.get(j).type().name();
            }
        }
        return null;
    }

    /** 1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st. */
    static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    private static void decision(StringBuilder s, CycleRecord r) {
        CycleRecord.Decision d = r.decision();
        s.append("[PHASE 3: DECISION AGENT]\n");
        s.append("Autonomous Decision: ").append(switch (d.action()) {
            case "REBALANCE" -> "EXECUTE " + d.chosen().type() + " REBALANCE";
            case "DEFER" -> "DEFER" + (d.chosen() != null && d.chosen().type() != io.rebalancer.domain.ScenarioType.DEFER
                    ? " (" + d.chosen().type() + " chosen, timing deferred)" : "");
            default -> "NO ACTION";
        }).append("\n\nReasoning:\n");
        d.reasoning().forEach(line -> s.append("- ").append(line).append('\n'));
        if (!d.plan().isEmpty()) {
            s.append("\nExecution Plan:\n");
            s.append(f("%-9s| %-7s| %-6s| %10s | %13s | %s%n", "Priority", "Ticker", "Action", "Shares", "Value $",
                    "Rationale"));
            s.append("-".repeat(78)).append('\n');
            for (PlannedTrade t : d.plan()) {
                double signed = t.side() == io.rebalancer.domain.Side.BUY ? t.value() : -t.value();
                s.append(f("%-9s| %-7s| %-6s| %10s | %13s | %s%n", t.priority(), t.ticker(), t.side(),
                        shares(t.shares()), signedMoney(signed), t.rationale()));
            }
        }
        if (d.timing() != null) {
            TimingDecided t = d.timing();
            s.append('\n').append("Timing: ").append(switch (t.timing()) {
                case IMMEDIATE -> "EXECUTE IMMEDIATELY";
                case GRADUAL -> "EXECUTE GRADUALLY over " + t.tranches() + " daily tranches";
                case DEFER -> "DEFER, re-check in " + t.recheckDays() + " trading days";
            }).append(" (").append(t.reason()).append(")\n");
        }
        if (!d.plan().isEmpty()) {
            s.append(f("Total: %d trades, %s turnover (%s of portfolio), estimated cost %s%n", d.tradeCount(),
                    money(d.tradedValue()), pct(d.turnover()), money(d.cost())));
        }
        s.append("\nAdaptive Adjustments:\n");
        if (d.thresholdChanges().isEmpty()) {
            s.append("- none\n");
        }
        for (AppliedThresholdChange c : d.thresholdChanges()) {
            s.append(f("- %s: critical drift %s -> %s%s (%s) [%s]%n", c.kind(), pct(c.driftCriticalBefore()),
                    pct(c.driftCriticalAfter()), c.until() == null ? "" : " until " + c.until(), c.reason(), c.rule()));
        }
        s.append('\n');
    }

    static String f(String format, Object... args) {
        return io.rebalancer.explain.Figures.f(format, args);
    }

    static String pct(double fraction) {
        return io.rebalancer.explain.Figures.pct(fraction);
    }

    static String pp(double fraction) {
        return io.rebalancer.explain.Figures.pp(fraction);
    }

    static String money(double value) {
        return f("$%,.0f", value);
    }

    static String signedMoney(double value) {
        return (value < 0 ? "-" : "+") + f("$%,.0f", Math.abs(value));
    }

    static String shares(double shares) {
        return shares == Math.rint(shares) ? f("%,.0f", shares) : f("%,.4f", shares);
    }
}
