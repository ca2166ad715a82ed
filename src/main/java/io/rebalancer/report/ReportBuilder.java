package io.rebalancer.report;

import io.rebalancer.analytics.AttributionResult;
import io.rebalancer.analytics.Linking;
import io.rebalancer.analytics.SegmentEffect;
import io.rebalancer.analytics.SegmentReturn;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.Regime;
import io.rebalancer.domain.TargetWeight;
import io.rebalancer.report.ReportData.DecisionRow;
import io.rebalancer.report.ReportData.Strategy;
import io.rebalancer.report.ReportView.*;

import java.awt.Color;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns {@link ReportData} into the {@link ReportView} the template renders: numbers, tables, SVG charts. */
public final class ReportBuilder {
    /** How many decisions the "top by regret" section lists. */
    public static final int TOP_DECISIONS = 10;

    private ReportBuilder() {
    }

    /** A metric of the contract: key (metrics.json name), display name, unit and formatter. */
    record Metric(String key, String name, String unit, java.util.function.DoubleFunction<String> fmt) {
    }

    /** The metric contract's metrics, in table order (docs/METRICS.md); rows no strategy has are left out. */
    static final List<Metric> METRICS = List.of(
            new Metric("final_nav", "Final NAV", "currency", Fmt::money),
            new Metric("cagr", "CAGR", "% a year, (NAV_end/NAV_start)^(252/n) \u2212 1", Fmt::pct),
            new Metric("volatility", "Volatility", "% a year, sample sd \u00d7 \u221a252", Fmt::pct),
            new Metric("sharpe", "Sharpe (headline, geometric)", "ratio, SharpeRatio.annualized, rf = T-bill", Fmt::ratio),
            new Metric("sharpe_arithmetic", "Sharpe (arithmetic)", "ratio, mean/sd \u00d7 \u221a252", Fmt::ratio),
            new Metric("sortino", "Sortino", "ratio, MAR 0", Fmt::ratio),
            new Metric("calmar", "Calmar", "ratio, CAGR / |MDD|", Fmt::ratio),
            new Metric("max_drawdown", "Max drawdown", "% of NAV, negative", Fmt::pct),
            new Metric("var95_historical", "VaR95 historical", "one-day return, R type 7", Fmt::pct),
            new Metric("cvar95", "CVaR95", "one-day return, mean at or below VaR", Fmt::pct),
            new Metric("var95_gaussian", "VaR95 Gaussian", "one-day return", Fmt::pct),
            new Metric("var95_cornish_fisher", "VaR95 Cornish-Fisher", "one-day return", Fmt::pct),
            new Metric("beta", "Beta vs SPY", "ratio, OLS on daily returns", Fmt::ratio),
            new Metric("turnover", "Turnover", "% of NAV a year, one-way", Fmt::pct),
            new Metric("trades", "Trades", "count", v -> Double.isFinite(v) ? Long.toString(Math.round(v)) : Fmt.NONE),
            new Metric("costs", "Trading costs", "currency", Fmt::money),
            new Metric("rebalances", "Rebalances", "count", v -> Double.isFinite(v) ? Long.toString(Math.round(v)) : Fmt.NONE),
            new Metric("avg_abs_drift", "Average drift", "% of NAV, \u03a3|w \u2212 t| / 2", Fmt::pct),
            new Metric("max_abs_drift", "Max drift", "% of NAV, \u03a3|w \u2212 t| / 2", Fmt::pct));

    public static ReportView build(ReportData data) {
        List<LocalDate> dates = data.dates();
        int n = dates.size();
        PortfolioDefinition pf = data.portfolio();
        List<String> tickers = pf.tickers().stream().map(Object::toString).toList();
        Map<String, String> sectorOf = new LinkedHashMap<>();
        pf.targets().forEach(t -> sectorOf.put(t.ticker().toString(), t.sector()));
        Map<String, Double> sectorTargets = pf.sectorTargets();
        List<String> sectors = new ArrayList<>(sectorTargets.keySet());

        // summary
        List<KeyValue> summary = new ArrayList<>();
        double years = (n - 1) / 252.0;
        summary.add(new KeyValue("Period", dates.get(0) + " to " + dates.get(n - 1)
                + String.format(Locale.ROOT, " (%d trading days, %.1f years)", n, years)));
        summary.add(new KeyValue("Portfolio", pf.id() + " \u2014 " + tickers.size() + " positions in "
                + sectors.size() + " sectors, benchmark " + pf.benchmark()));
        summary.add(new KeyValue("Targets", String.join(", ", pf.targets().stream()
                .map(t -> t.ticker() + " " + Fmt.pct(t.weight(), 0)).toList())));
        summary.add(new KeyValue("Rule set (hash)", data.rulesHash()));
        summary.add(new KeyValue("Run id", data.runId()));
        summary.add(new KeyValue("Strategies", String.join(", ", data.strategies().stream().map(Strategy::name).toList())));
        summary.add(new KeyValue("Attribution linking", linkingName(data.linking())));

        List<String> names = data.strategies().stream().map(Strategy::name).toList();
        List<String> keys = new ArrayList<>();
        for (Strategy s : data.strategies()) {
            keys.add(s.agent() ? "agent" : s.name());
        }
        List<MetricRow> metrics = new ArrayList<>();
        for (Metric m : METRICS) {
            if (data.strategies().stream().noneMatch(st -> st.metrics().containsKey(m.key()))) {
                continue;
            }
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                Double boxed = data.strategies().get(i).metrics().get(m.key());
                double v = boxed == null ? Double.NaN : boxed;
                cells.add(new Cell(keys.get(i), m.fmt().apply(v), Fmt.raw(v)));
            }
            metrics.add(new MetricRow(m.key(), m.name(), m.unit(), cells));
        }

        List<Legend> legend = new ArrayList<>();
        for (Regime r : Regime.values()) {
            Color c = Charts.REGIME_COLOURS.get(r);
            legend.add(new Legend(r.name(), String.format(Locale.ROOT, "rgba(%d,%d,%d,%.2f)", c.getRed(), c.getGreen(),
                    c.getBlue(), Math.max(c.getAlpha(), 25) / 255.0)));
        }
        List<Regime> regimes = data.regimes();

        // equity and drawdown charts (NAV rebased to the agent's starting NAV)
        double base = data.agent().nav()[0];
        List<Charts.Line> equity = new ArrayList<>();
        List<Charts.Line> drawdowns = new ArrayList<>();
        for (int i = 0; i < data.strategies().size(); i++) {
            Strategy s = data.strategies().get(i);
            double[] rebased = new double[n];
            double[] dd = new double[n];
            double peak = Double.NEGATIVE_INFINITY;
            for (int d = 0; d < n; d++) {
                rebased[d] = s.nav()[d] / s.nav()[0] * base;
                peak = Math.max(peak, s.nav()[d]);
                dd[d] = s.nav()[d] / peak - 1;
            }
            Color c = Charts.PALETTE[i % Charts.PALETTE.length];
            float width = s.agent() ? 2.2f : 1.1f;
            equity.add(new Charts.Line(s.name(), rebased, c, width, false, true));
            drawdowns.add(new Charts.Line(s.name(), dd, c, width, false, true));
        }
        List<Chart> equityCharts = List.of(
                chart("equity", "NAV, all strategies rebased to the agent's start (shaded: market regime)",
                        Charts.lineChart("equity", "Equity curves", "NAV", dates, equity, Charts.Scale.NAV, regimes)),
                chart("equity-log", "The same on a log scale: equal slopes are equal growth rates",
                        Charts.lineChart("equity-log", "Equity curves (log scale)", "NAV (log)", dates, equity,
                                Charts.Scale.LOG_NAV, regimes)));
        List<Chart> ddCharts = List.of(chart("drawdown", "Fall from the running peak of each NAV",
                Charts.lineChart("drawdown", "Drawdowns", "Drawdown", dates, drawdowns, Charts.Scale.PERCENT, regimes)));

        // weights
        Map<String, double[]> sectorWeights = new LinkedHashMap<>();
        sectors.forEach(s -> sectorWeights.put(s, new double[n]));
        for (String t : tickers) {
            double[] w = data.agentWeights().get(t);
            double[] sw = sectorWeights.get(sectorOf.get(t));
            for (int d = 0; d < n; d++) {
                sw[d] += w[d];
            }
        }
        List<Charts.Line> sectorLines = new ArrayList<>();
        double[] sectorTargetArr = new double[sectors.size()];
        for (int i = 0; i < sectors.size(); i++) {
            sectorLines.add(Charts.Line.of(sectors.get(i), sectorWeights.get(sectors.get(i)),
                    Charts.PALETTE[(i + 1) % Charts.PALETTE.length]));
            sectorTargetArr[i] = sectorTargets.get(sectors.get(i));
        }
        List<Charts.Line> tickerLines = new ArrayList<>();
        for (int i = 0; i < tickers.size(); i++) {
            tickerLines.add(new Charts.Line(tickers.get(i), data.agentWeights().get(tickers.get(i)),
                    Charts.PALETTE[i % Charts.PALETTE.length], 1.1f, false, true));
        }
        List<Chart> weightCharts = List.of(
                chart("weights-sector", "Agent's sector weights at each close; dashed: targets",
                        Charts.lineChart("weights-sector", "Sector weights vs targets", "Weight", dates,
                                Charts.withDashedTargets(sectorLines, sectorTargetArr), Charts.Scale.PERCENT, null)),
                chart("weights-ticker", "Agent's weight in each position at each close",
                        Charts.lineChart("weights-ticker", "Position weights", "Weight", dates, tickerLines,
                                Charts.Scale.PERCENT, null)));
        List<WeightRow> weightRows = new ArrayList<>();
        for (TargetWeight t : pf.targets()) {
            double[] w = data.agentWeights().get(t.ticker().toString());
            double avg = 0;
            for (double v : w) {
                avg += v;
            }
            avg /= n;
            weightRows.add(new WeightRow(t.ticker().toString(), t.sector(), Fmt.pct(t.weight()), Fmt.pct(avg),
                    Fmt.pct(w[n - 1]), Fmt.signedPct(w[n - 1] - t.weight())));
        }

        // drift with the bands in force
        List<Charts.Line> driftLines = new ArrayList<>();
        for (int i = 0; i < tickers.size(); i++) {
            double[] w = data.agentWeights().get(tickers.get(i));
            double target = pf.targetWeight(pf.tickers().get(i));
            double[] drift = new double[n];
            for (int d = 0; d < n; d++) {
                drift[d] = w[d] - target;
            }
            driftLines.add(new Charts.Line(tickers.get(i), drift, Charts.PALETTE[i % Charts.PALETTE.length], 1f,
                    false, true));
        }
        addBands(driftLines, data);
        List<Charts.Line> sectorDriftLines = new ArrayList<>();
        for (int i = 0; i < sectors.size(); i++) {
            double[] w = sectorWeights.get(sectors.get(i));
            double[] drift = new double[n];
            for (int d = 0; d < n; d++) {
                drift[d] = w[d] - sectorTargetArr[i];
            }
            sectorDriftLines.add(new Charts.Line(sectors.get(i), drift, Charts.PALETTE[(i + 1) % Charts.PALETTE.length],
                    1.4f, false, true));
        }
        addBands(sectorDriftLines, data);
        List<Chart> driftCharts = List.of(
                chart("drift-position", "Position drift w \u2212 t; dashed: \u00b1 critical (red), high (orange), "
                        + "medium (grey) thresholds as they adapted; shaded: regime",
                        Charts.lineChart("drift-position", "Position drift and threshold bands", "Drift (pp)", dates,
                                driftLines, Charts.Scale.PERCENT_POINTS, regimes)),
                chart("drift-sector", "Sector drift (sum of the sector's position drifts) against the same bands",
                        Charts.lineChart("drift-sector", "Sector drift and threshold bands", "Drift (pp)", dates,
                                sectorDriftLines, Charts.Scale.PERCENT_POINTS, regimes)));

        // decisions
        List<DecisionRow> decisions = data.decisions();
        long rebalances = decisions.stream().filter(d -> "REBALANCE".equals(d.action())).count();
        long defers = decisions.stream().filter(d -> "DEFER".equals(d.action())).count();
        double totalCost = decisions.stream().mapToDouble(DecisionRow::cost).filter(Double::isFinite).sum();
        double[] regretValues = decisions.stream().mapToDouble(DecisionRow::regret).toArray();
        double meanRegret = java.util.Arrays.stream(regretValues).filter(Double::isFinite).average().orElse(Double.NaN);
        List<KeyValue> decisionSummary = List.of(
                new KeyValue("Decisions (triggered cycles)", Integer.toString(decisions.size())),
                new KeyValue("Rebalances", Long.toString(rebalances)),
                new KeyValue("Deferred", Long.toString(defers)),
                new KeyValue("Total modelled cost", Fmt.money(totalCost)),
                new KeyValue("Mean regret", Fmt.pct(meanRegret, 3)));
        List<Chart> decisionCharts = new ArrayList<>();
        if (!decisions.isEmpty()) {
            double[] regretOrZero = java.util.Arrays.stream(regretValues).map(v -> Double.isFinite(v) ? v : 0).toArray();
            decisionCharts.add(chart("regret", "Regret of each decision: best alternative's outcome minus the "
                    + "chosen one's (0 = the choice was the best)", Charts.barsOverTime("regret", "Regret per decision",
                    "Regret", decisions.stream().map(DecisionRow::date).toList(), regretOrZero, Charts.PALETTE[1])));
        }
        List<DecisionLine> timeline = new ArrayList<>();
        for (DecisionRow d : decisions) {
            timeline.add(new DecisionLine(d.date().toString(), nz(d.regime()), d.action(), nz(d.scenario()),
                    tradesText(d), Fmt.pct(d.turnover()), Fmt.money(d.cost()), Fmt.pct(d.regret(), 3),
                    Fmt.raw(d.regret()), nz(d.bestAlternative()), nz(d.cycleId())));
        }
        List<DecisionRow> byRegret = decisions.stream().filter(d -> Double.isFinite(d.regret()))
                .sorted(Comparator.comparingDouble(DecisionRow::regret).reversed()).limit(TOP_DECISIONS).toList();
        List<TopDecision> top = new ArrayList<>();
        int rank = 1;
        for (DecisionRow d : byRegret) {
            List<KeyValue> alts = new ArrayList<>();
            d.alternatives().forEach((k, v) -> alts.add(new KeyValue(k, Fmt.pct(v, 3))));
            List<String> trades = d.trades().stream().map(t -> t.side() + " " + Fmt.shares(t.shares()) + " "
                    + t.ticker() + " (" + Fmt.money(t.value()) + ", cost " + Fmt.money(t.cost())
                    + (t.priority() == null ? "" : ", " + t.priority()) + ")").toList();
            top.add(new TopDecision(rank++, d.date().toString(), nz(d.regime()), d.action(), nz(d.scenario()),
                    Fmt.pct(d.regret(), 3), nz(d.bestAlternative()), alts, trades, collapse(d.firedRules()), d.reasoning()));
        }

        // attribution
        Map<String, Double> targets = new LinkedHashMap<>();
        pf.targets().forEach(t -> targets.put(t.ticker().toString(), t.weight()));
        SectorAttribution.Leg agentLeg = new SectorAttribution.Leg(data.agent().name(), data.agent().nav(),
                data.agentWeights());
        SectorAttribution.Leg targetLeg = new SectorAttribution.Leg("Target weights (rebalanced daily)",
                SectorAttribution.dailyRebalancedNav(targets, data.adjClose(), n),
                SectorAttribution.constantWeights(targets, n));
        SectorAttribution.Leg bhLeg = SectorAttribution.buyAndHold("Buy-and-hold", targets, data.adjClose(), n);
        List<AttributionSection> attributions = List.of(
                attributionSection("attr-target", "against the target-weight portfolio",
                        SectorAttribution.attribute(dates, sectorOf, data.adjClose(), agentLeg, targetLeg,
                                data.linking())),
                attributionSection("attr-bh", "against buy-and-hold",
                        SectorAttribution.attribute(dates, sectorOf, data.adjClose(), agentLeg, bhLeg, data.linking())));

        // thresholds
        double[] crit = data.driftCritical();
        List<Chart> thresholdCharts = List.of(chart("thresholds", "Drift thresholds in force each day "
                + "(regime scaling and adaptive rules); shaded: regime", Charts.lineChart("thresholds",
                "Drift thresholds in force", "Threshold", dates, List.of(
                        Charts.Line.of("critical", crit, new Color(0xc92a2a)),
                        Charts.Line.of("high", data.driftHigh(), new Color(0xe67700)),
                        Charts.Line.of("medium", data.driftMedium(), new Color(0x868e96))),
                Charts.Scale.PERCENT, regimes)));
        List<ThresholdLine> changes = new ArrayList<>();
        Map<String, Integer> ruleCount = new LinkedHashMap<>();
        for (ReportData.ThresholdChangeRow c : data.thresholdChanges()) {
            changes.add(new ThresholdLine(c.date().toString(), nz(c.kind()), Fmt.pct(c.before()), Fmt.pct(c.after()),
                    c.durationDays() == 0 ? "persistent" : c.durationDays() + " days", nz(c.rule()), nz(c.reason())));
            ruleCount.merge(nz(c.rule()), 1, Integer::sum);
        }
        List<KeyValue> ruleCounts = new ArrayList<>();
        ruleCount.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> ruleCounts.add(new KeyValue(e.getKey(), e.getValue().toString())));

        return new ReportView(data.title(), "Rebalancer report \u2014 run " + data.runId(), summary, names, keys,
                metrics, legend, equityCharts, ddCharts, weightCharts, weightRows, driftCharts, decisionSummary,
                decisionCharts, timeline, top, attributions, thresholdCharts, changes, ruleCounts);
    }

    static String linkingName(Linking linking) {
        return linking == Linking.CARINO
                ? "Carino (logarithmic smoothing), monthly periods"
                : "GRAP (geometric residual allocation), monthly periods";
    }

    private static void addBands(List<Charts.Line> lines, ReportData data) {
        band(lines, "critical", data.driftCritical(), new Color(0xc92a2a));
        band(lines, "high", data.driftHigh(), new Color(0xe67700));
        band(lines, "medium", data.driftMedium(), new Color(0x868e96));
    }

    private static void band(List<Charts.Line> lines, String name, double[] t, Color c) {
        double[] neg = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            neg[i] = -t[i];
        }
        lines.add(new Charts.Line("\u00b1 " + name, t, c, 1.3f, true, true));
        lines.add(new Charts.Line("\u2212 " + name, neg, c, 1.3f, true, false));
    }

    private static AttributionSection attributionSection(String id, String against, SectorAttribution.Result r) {
        AttributionResult a = r.attribution();
        Map<String, double[]> avgWeights = new LinkedHashMap<>();
        for (SegmentReturn row : r.rows()) {
            avgWeights.computeIfAbsent(row.segment(), s -> new double[2]);
            avgWeights.get(row.segment())[0] += row.wp() / a.periods().size();
            avgWeights.get(row.segment())[1] += row.wb() / a.periods().size();
        }
        List<EffectRow> linked = new ArrayList<>();
        for (SegmentEffect e : a.linkedBySegment()) {
            double[] w = avgWeights.get(e.segment());
            linked.add(new EffectRow(e.segment(), Fmt.pct(w[0]), Fmt.pct(w[1]), Fmt.NONE, Fmt.NONE,
                    Fmt.bp(e.allocation()), Fmt.bp(e.selection()), Fmt.bp(e.interaction()), Fmt.bp(e.total()),
                    Fmt.raw(e.total())));
        }
        SegmentEffect t = a.linkedTotal();
        linked.add(new EffectRow("Total", "100.00 %", "100.00 %", Fmt.NONE, Fmt.NONE, Fmt.bp(t.allocation()),
                Fmt.bp(t.selection()), Fmt.bp(t.interaction()), Fmt.bp(t.total()), Fmt.raw(t.total())));
        List<PeriodRow> periods = new ArrayList<>();
        for (String p : a.periods()) {
            SegmentEffect pt = a.periodTotal(p);
            periods.add(new PeriodRow(p, Fmt.pct(a.portfolioReturn(p)), Fmt.pct(a.benchmarkReturn(p)),
                    Fmt.bp(pt.allocation()), Fmt.bp(pt.selection()), Fmt.bp(pt.interaction()), Fmt.bp(pt.total()),
                    String.format(Locale.ROOT, "%.4f", a.linkingFactor(p))));
        }
        List<ContributionRow> contributions = new ArrayList<>();
        for (SectorAttribution.TickerContribution c : r.contributions()) {
            contributions.add(new ContributionRow(c.ticker(), c.sector(), Fmt.signedPct(c.portfolio()),
                    Fmt.signedPct(c.benchmark()), Fmt.signedPct(c.difference())));
        }
        contributions.add(new ContributionRow(SectorAttribution.CASH, "", Fmt.signedPct(r.portfolioCashContribution()),
                Fmt.signedPct(r.benchmarkCashContribution()),
                Fmt.signedPct(r.portfolioCashContribution() - r.benchmarkCashContribution())));
        List<String> segs = a.segments();
        double[][] bars = new double[3][segs.size()];
        for (int s = 0; s < segs.size(); s++) {
            SegmentEffect e = a.linked(segs.get(s));
            bars[0][s] = e.allocation();
            bars[1][s] = e.selection();
            bars[2][s] = e.interaction();
        }
        List<Chart> charts = List.of(chart(id + "-bars", "Linked effects per sector over the whole run",
                Charts.groupedBars(id + "-bars", "Brinson-Fachler effects, agent " + against, "Effect", segs,
                        List.of("Allocation", "Selection", "Interaction"), bars)));
        List<KeyValue> totals = List.of(
                new KeyValue("Agent cumulative return", Fmt.pct(a.cumulativePortfolioReturn())),
                new KeyValue(r.benchmarkName() + " cumulative return", Fmt.pct(a.cumulativeBenchmarkReturn())),
                new KeyValue("Cumulative arithmetic excess", Fmt.signedPct(a.cumulativeExcess())),
                new KeyValue("Sum of linked effects", Fmt.signedPct(t.total())));
        String guide = "Where the agent's return " + against + " came from: allocation = being over- or under-weight "
                + "in a sector that beat or lagged the benchmark, selection = the agent's holdings inside a sector "
                + "doing better than the benchmark's, interaction = both at once. Effects in basis points of NAV.";
        String note = "Periods are calendar months, effects linked over the run with "
                + linkingName(a.linking()) + "; the benchmark leg is computed from adjusted closes at no cost; "
                + "'" + SectorAttribution.CASH + "' holds cash and trading costs. Linked effects sum to the "
                + "cumulative arithmetic excess.";
        return new AttributionSection(id, "Attribution " + against, guide, note, totals, linked, charts, periods,
                contributions, Fmt.raw(a.cumulativeExcess()), Fmt.raw(t.total()));
    }

    /** Consecutive repeats of a fired rule as one line with a count ("rule \u00d7 5"). */
    static List<String> collapse(List<String> rules) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); ) {
            int j = i;
            while (j < rules.size() && rules.get(j).equals(rules.get(i))) {
                j++;
            }
            out.add(j - i > 1 ? rules.get(i) + " \u00d7 " + (j - i) : rules.get(i));
            i = j;
        }
        return out;
    }

    private static String tradesText(DecisionRow d) {
        if (d.trades().isEmpty()) {
            return Fmt.NONE;
        }
        List<String> parts = new ArrayList<>();
        for (ReportData.TradeRow t : d.trades()) {
            parts.add(t.side() + " " + Fmt.shares(t.shares()) + " " + t.ticker());
        }
        return String.join("; ", parts);
    }

    private static Chart chart(String id, String caption, String svg) {
        return new Chart(id, caption, svg);
    }

    private static String nz(String s) {
        return s == null ? Fmt.NONE : s;
    }
}
