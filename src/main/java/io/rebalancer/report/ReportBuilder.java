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
            new Metric("alpha", "Alpha vs SPY", "% a year, (mean r \u2212 \u03b2 mean b) \u00d7 252", Fmt::pct),
            new Metric("tracking_error_benchmark", "Tracking error vs SPY", "% a year, sd(r \u2212 b) \u00d7 \u221a252", Fmt::pct),
            new Metric("tracking_error", "Tracking error vs target", "% a year, to the always-at-target portfolio", Fmt::pct),
            new Metric("certainty_equivalent", "Certainty-equivalent return", "% a year, CRRA \u03b3 = 3: the sure return worth as much", Fmt::pct),
            new Metric("information_ratio", "Information ratio vs SPY", "ratio, annualised, mean/sd of r \u2212 b \u00d7 \u221a252", Fmt::ratio),
            new Metric("skew", "Skew", "daily, bias-corrected (pandas)", Fmt::ratio),
            new Metric("kurtosis", "Kurtosis (excess)", "daily, bias-corrected (pandas), normal = 0", Fmt::ratio),
            new Metric("best_day", "Best day", "% return", Fmt::pct),
            new Metric("worst_day", "Worst day", "% return", Fmt::pct),
            new Metric("best_month", "Best month", "% return, calendar month", Fmt::pct),
            new Metric("worst_month", "Worst month", "% return, calendar month", Fmt::pct),
            new Metric("best_year", "Best year", "% return, calendar year", Fmt::pct),
            new Metric("worst_year", "Worst year", "% return, calendar year", Fmt::pct),
            new Metric("win_rate", "Win rate", "% of non-zero days that gained", Fmt::pct),
            new Metric("omega", "Omega", "ratio, threshold 0", Fmt::ratio),
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
        data.settings().forEach((k, v) -> summary.add(new KeyValue(k, v)));
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
        double[] bench = data.benchmarkAdjClose();
        String bLabel = (data.benchmarkName() == null ? "benchmark" : data.benchmarkName()) + " (total return)";
        if (bench != null) {
            double[] rebased = new double[n];
            for (int d = 0; d < n; d++) {
                rebased[d] = bench[d] / bench[0] * base;
            }
            equity.add(new Charts.Line(bLabel, rebased, Charts.BENCHMARK, 1.3f, true, true));
        }
        List<Charts.Line> relative = new ArrayList<>();
        for (int i = 1; i < data.strategies().size(); i++) {
            Strategy s = data.strategies().get(i);
            double[] rel = new double[n];
            for (int d = 0; d < n; d++) {
                rel[d] = (s.nav()[d] / s.nav()[0]) / (data.agent().nav()[d] / data.agent().nav()[0]) - 1;
            }
            relative.add(new Charts.Line(s.name(), rel, Charts.PALETTE[i % Charts.PALETTE.length],
                    1.3f, false, true));
        }
        if (bench != null) {
            double[] rel = new double[n];
            for (int d = 0; d < n; d++) {
                rel[d] = (bench[d] / bench[0]) / (data.agent().nav()[d] / data.agent().nav()[0]) - 1;
            }
            relative.add(new Charts.Line(bLabel, rel, Charts.BENCHMARK, 1.3f, true, true));
        }
        List<Chart> equityCharts = List.of(
                chart("equity", "NAV, all strategies rebased to the agent's start; dashed black: " + bLabel
                        + " (shaded: market regime)",
                        Charts.lineChart("equity", "Equity curves", "NAV", dates, equity, Charts.Scale.NAV, regimes)),
                chart("equity-log", "The same on a log scale: equal slopes are equal growth rates",
                        Charts.lineChart("equity-log", "Equity curves (log scale)", "NAV (log)", dates, equity,
                                Charts.Scale.LOG_NAV, regimes)),
                chart("equity-relative", "Each baseline's growth relative to the agent's (0 = level with the agent); "
                        + "curves that overlap above separate here", Charts.lineChartWithReference("equity-relative",
                        "Growth relative to the agent", "vs agent", dates, relative, Charts.Scale.PERCENT_POINTS, 0)));
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
        List<Chart> weightCharts = List.of(
                chart("weights-sector", "Agent's sector weights at each close; dashed: targets",
                        Charts.lineChart("weights-sector", "Sector weights vs targets", "Weight", dates,
                                Charts.withDashedTargets(sectorLines, sectorTargetArr), Charts.Scale.PERCENT, null)));
        double[] crit = data.driftCritical();
        List<Panel> weightPanels = new ArrayList<>();
        List<Panel> driftPanels = new ArrayList<>();
        // each position's own band: the tighter of the critical drift and the relative band times its target
        Map<String, double[]> bands = new LinkedHashMap<>();
        Map<String, double[]> drifts = new LinkedHashMap<>();
        double driftMax = 0;
        for (int i = 0; i < tickers.size(); i++) {
            double[] w = data.agentWeights().get(tickers.get(i));
            double target = pf.targetWeight(pf.tickers().get(i));
            double[] drift = new double[n];
            double[] band = new double[n];
            for (int d = 0; d < n; d++) {
                drift[d] = w[d] - target;
                band[d] = data.positionBand(d, target);
                driftMax = Math.max(driftMax, Math.max(Math.abs(drift[d]), Double.isFinite(band[d]) ? band[d] : 0));
            }
            drifts.put(tickers.get(i), drift);
            bands.put(tickers.get(i), band);
        }
        driftMax *= 1.05;
        for (int i = 0; i < tickers.size(); i++) {
            String t = tickers.get(i);
            double[] w = data.agentWeights().get(t);
            double target = pf.targetWeight(pf.tickers().get(i));
            double[] band = bands.get(t);
            double[] lo = new double[n];
            double[] hi = new double[n];
            double[] negBand = new double[n];
            for (int d = 0; d < n; d++) {
                lo[d] = Math.max(0, target - band[d]);
                hi[d] = target + band[d];
                negBand[d] = -band[d];
            }
            weightPanels.add(new Panel("sm-weight-" + t, SmallMultiples.panel("sm-weight-" + t, t + " \u00b7 target "
                    + Fmt.pct(target, 0), "final " + Fmt.pct(w[n - 1], 1), w, lo, hi, target, Double.NaN, Double.NaN,
                    Charts.PALETTE[0])));
            double[] drift = drifts.get(t);
            driftPanels.add(new Panel("sm-drift-" + t, SmallMultiples.panel("sm-drift-" + t, t, "final "
                    + Fmt.signedPct(drift[n - 1]), drift, negBand, band, 0, -driftMax, driftMax, Charts.PALETTE[1])));
        }
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
                chart("drift-sector", "Sector drift (sum of the sector's position drifts); dashed: \u00b1 critical (vermillion), high (orange) and medium (grey) thresholds as they adapted",
                        Charts.lineChart("drift-sector", "Sector drift and threshold bands", "Drift (pp)", dates,
                                sectorDriftLines, Charts.Scale.PERCENT_POINTS, regimes)));

        // decisions
        List<DecisionRow> decisions = data.decisions();
        long rebalances = decisions.stream().filter(d -> "REBALANCE".equals(d.action())).count();
        long defers = decisions.stream().filter(d -> "DEFER".equals(d.action())).count();
        double totalCost = decisions.stream().filter(d -> "REBALANCE".equals(d.action()))
                .mapToDouble(DecisionRow::cost).filter(Double::isFinite).sum();
        double[] regretValues = decisions.stream().mapToDouble(DecisionRow::regret).toArray();
        double meanRegret = java.util.Arrays.stream(regretValues).filter(Double::isFinite).average().orElse(Double.NaN);
        List<KeyValue> decisionSummary = List.of(
                new KeyValue("Decisions (triggered cycles)", Integer.toString(decisions.size())),
                new KeyValue("Rebalance decisions", Long.toString(rebalances)),
                new KeyValue("Deferred", Long.toString(defers)),
                new KeyValue("Modelled cost of the rebalance plans", Fmt.money(totalCost)),
                new KeyValue("Mean regret", Fmt.pct(meanRegret, 3)));
        List<String> reconciliation = DecisionCards.reconcile(dates, decisions, data.agentDailyCost(),
                data.agent().metrics().getOrDefault("rebalances", Double.NaN),
                data.agent().metrics().getOrDefault("costs", Double.NaN));
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
            List<KeyValue> alts = DecisionCards.alternatives(d.alternatives());
            List<TradeLine> trades = d.trades().stream().map(t -> new TradeLine(t.ticker(), t.side(),
                    Fmt.shares(t.shares()), Fmt.money(t.value()), Fmt.money(t.cost()), nz(t.priority()))).toList();
            String what = d.action().equals(d.scenario()) || d.scenario() == null ? d.action()
                    : d.action() + " " + d.scenario();
            top.add(new TopDecision(rank++, d.date().toString(), nz(d.regime()), what
                    + (d.timing() == null || "DEFER".equals(d.action()) ? "" : " (" + d.timing() + ")"),
                    Fmt.pct(d.regret(), 3), nz(d.bestAlternative()), alts, trades, DecisionCards.rules(d.firedRules()),
                    DecisionCards.reasoning(d.reasoning())));
        }

        // attribution
        Map<String, Double> targets = new LinkedHashMap<>();
        pf.targets().forEach(t -> targets.put(t.ticker().toString(), t.weight()));
        SectorAttribution.Leg agentLeg = new SectorAttribution.Leg(data.agent().name(), data.agent().nav(),
                data.agentWeights());
        SectorAttribution.Leg targetLeg = new SectorAttribution.Leg("Target weights (rebalanced daily)",
                SectorAttribution.dailyRebalancedNav(targets, data.adjClose(), n),
                SectorAttribution.constantWeights(targets, n));
        double growth = data.agent().nav()[n - 1] / data.agent().nav()[0];
        SectorAttribution.Leg bhLeg = SectorAttribution.buyAndHold("Buy-and-hold", targets, data.adjClose(), n);
        List<AttributionSection> attributions = List.of(
                attributionSection("attr-target", "against the target-weight portfolio",
                        SectorAttribution.attribute(dates, sectorOf, data.adjClose(), agentLeg, targetLeg,
                                data.linking()), growth),
                attributionSection("attr-bh", "against buy-and-hold",
                        SectorAttribution.attribute(dates, sectorOf, data.adjClose(), agentLeg, bhLeg, data.linking()),
                        growth));

        // thresholds
        List<Chart> thresholdCharts = List.of(chart("thresholds", "Drift thresholds in force each day "
                + "(regime scaling and adaptive rules); shaded: regime", Charts.lineChart("thresholds",
                "Drift thresholds in force", "Threshold", dates, List.of(
                        Charts.Line.of("critical", crit, new Color(0xD55E00)),
                        Charts.Line.of("high", data.driftHigh(), new Color(0xE69F00)),
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
                decisionCharts, timeline, top, attributions, thresholdCharts, changes, ruleCounts,
                TearSheetSection.build(data, keys), weightPanels, driftPanels, reconciliation);
    }

    static String linkingName(Linking linking) {
        return linking == Linking.CARINO
                ? "Carino (logarithmic smoothing), monthly periods"
                : "GRAP (geometric residual allocation), monthly periods";
    }

    private static void addBands(List<Charts.Line> lines, ReportData data) {
        band(lines, "critical", data.driftCritical(), new Color(0xD55E00));
        band(lines, "high", data.driftHigh(), new Color(0xE69F00));
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

    private static AttributionSection attributionSection(String id, String against, SectorAttribution.Result r,
            double growth) {
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
                    Fmt.signedPct(e.allocation()), Fmt.signedPct(e.selection()), Fmt.signedPct(e.interaction()),
                    Fmt.signedPct(e.total()), Fmt.raw(e.total())));
        }
        SegmentEffect t = a.linkedTotal();
        linked.add(new EffectRow("Total", "100.00 %", "100.00 %", Fmt.NONE, Fmt.NONE, Fmt.signedPct(t.allocation()),
                Fmt.signedPct(t.selection()), Fmt.signedPct(t.interaction()), Fmt.signedPct(t.total()),
                Fmt.raw(t.total())));

        // months with their linked total, years as sums of their months' linked effects (which add up to the run's)
        List<PeriodRow> periods = new ArrayList<>();
        List<PeriodRow> years = new ArrayList<>();
        Map<String, double[]> byYear = new LinkedHashMap<>(); // alloc, sel, inter, total, growthP, growthB
        int m = a.periods().size();
        double[][] cumulative = new double[4][m];
        double[] run = new double[4];
        double minFactor = Double.POSITIVE_INFINITY;
        double maxFactor = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            String p = a.periods().get(i);
            SegmentEffect pt = a.periodTotal(p);
            double f = a.linkingFactor(p);
            minFactor = Math.min(minFactor, f);
            maxFactor = Math.max(maxFactor, f);
            periods.add(new PeriodRow(p, Fmt.pct(a.portfolioReturn(p)), Fmt.pct(a.benchmarkReturn(p)),
                    Fmt.signedPct(pt.allocation()), Fmt.signedPct(pt.selection()), Fmt.signedPct(pt.interaction()),
                    Fmt.signedPct(pt.total()), String.format(Locale.ROOT, "%.3f", f), Fmt.signedPct(pt.total() * f),
                    false));
            double[] y = byYear.computeIfAbsent(p.length() >= 4 ? p.substring(0, 4) : p,
                    k -> new double[] {0, 0, 0, 0, 1, 1});
            y[0] += pt.allocation() * f;
            y[1] += pt.selection() * f;
            y[2] += pt.interaction() * f;
            y[3] += pt.total() * f;
            y[4] *= 1 + a.portfolioReturn(p);
            y[5] *= 1 + a.benchmarkReturn(p);
            run[0] += pt.allocation() * f;
            run[1] += pt.selection() * f;
            run[2] += pt.interaction() * f;
            run[3] += pt.total() * f;
            for (int k = 0; k < 4; k++) {
                cumulative[k][i] = run[k];
            }
        }
        byYear.forEach((year, y) -> years.add(new PeriodRow(year, Fmt.pct(y[4] - 1), Fmt.pct(y[5] - 1),
                Fmt.signedPct(y[0]), Fmt.signedPct(y[1]), Fmt.signedPct(y[2]), Fmt.NONE, Fmt.NONE,
                Fmt.signedPct(y[3]), true)));
        years.add(new PeriodRow("Run", Fmt.pct(a.cumulativePortfolioReturn()), Fmt.pct(a.cumulativeBenchmarkReturn()),
                Fmt.signedPct(t.allocation()), Fmt.signedPct(t.selection()), Fmt.signedPct(t.interaction()), Fmt.NONE,
                Fmt.NONE, Fmt.signedPct(t.total()), true));

        List<ContributionRow> contributions = new ArrayList<>();
        for (SectorAttribution.TickerContribution c : r.contributions()) {
            contributions.add(new ContributionRow(c.ticker(), c.sector(), Fmt.signedPct(c.portfolio()),
                    Fmt.signedPct(c.benchmark()), Fmt.signedPct(c.difference())));
        }
        contributions.add(new ContributionRow(SectorAttribution.CASH, "", Fmt.signedPct(r.portfolioCashContribution()),
                Fmt.signedPct(r.benchmarkCashContribution()),
                Fmt.signedPct(r.portfolioCashContribution() - r.benchmarkCashContribution())));
        List<DrillSector> drill = new ArrayList<>();
        for (SegmentEffect e : a.linkedBySegment()) {
            List<ContributionRow> rows = contributions.stream().filter(c -> c.sector().equals(e.segment())
                    || (c.sector().isEmpty() && c.ticker().equals(e.segment()))).toList();
            drill.add(new DrillSector(e.segment(), Fmt.signedPct(e.allocation()), Fmt.signedPct(e.selection()),
                    Fmt.signedPct(e.interaction()), Fmt.signedPct(e.total()), rows));
        }

        List<String> segs = a.segments();
        double[][] bars = new double[3][segs.size()];
        for (int s = 0; s < segs.size(); s++) {
            SegmentEffect e = a.linked(segs.get(s));
            bars[0][s] = e.allocation();
            bars[1][s] = e.selection();
            bars[2][s] = e.interaction();
        }
        List<LocalDate> monthEnds = new ArrayList<>();
        for (String p : a.periods()) {
            monthEnds.add(java.time.YearMonth.parse(p).atEndOfMonth());
        }
        List<Chart> charts = List.of(chart(id + "-bars", "Linked effects per sector over the whole run, in % of the "
                        + "starting NAV",
                Charts.groupedBars(id + "-bars", "Brinson-Fachler effects, agent " + against, "Effect", segs,
                        List.of("Allocation", "Selection", "Interaction"), bars,
                        new Color[] {Charts.PALETTE[0], Charts.PALETTE[1], Charts.PALETTE[3]})),
                chart(id + "-cumulative", "Linked effects added up month by month; the total line ends at the run's "
                        + "cumulative excess", Charts.lineChartWithReference(id + "-cumulative",
                        "Cumulative linked effects, agent " + against, "Effect", monthEnds, List.of(
                                new Charts.Line("Allocation", cumulative[0], Charts.PALETTE[0], 1.4f, false, true),
                                new Charts.Line("Selection", cumulative[1], Charts.PALETTE[1], 1.4f, false, true),
                                new Charts.Line("Interaction", cumulative[2], Charts.PALETTE[3], 1.4f, false, true),
                                new Charts.Line("Total", cumulative[3], Charts.BENCHMARK, 2.2f, false, true)),
                        Charts.Scale.PERCENT_POINTS, 0)));
        List<KeyValue> totals = List.of(
                new KeyValue("Agent cumulative return", Fmt.pct(a.cumulativePortfolioReturn())),
                new KeyValue(r.benchmarkName() + " cumulative return", Fmt.pct(a.cumulativeBenchmarkReturn())),
                new KeyValue("Cumulative arithmetic excess", Fmt.signedPct(a.cumulativeExcess())),
                new KeyValue("Sum of linked effects", Fmt.signedPct(t.total())));
        String guide = "Where the agent's return " + against + " came from: allocation = being over- or under-weight "
                + "in a sector that beat or lagged the benchmark, selection = the agent's holdings inside a sector "
                + "doing better than the benchmark's, interaction = both at once. Linked effects are in percent of the "
                + "starting NAV; a month's own effects in percent of that month's NAV.";
        String note = "Periods are calendar months, effects linked over the run with "
                + linkingName(a.linking()) + "; the benchmark leg is computed from adjusted closes at no cost; "
                + "'" + SectorAttribution.CASH + "' holds cash and trading costs. Linked effects sum to the "
                + "cumulative arithmetic excess.";
        List<String> explain = new ArrayList<>();
        explain.add("Why linking: a month's effects add up to that month's excess return, in percent of that month's "
                + "NAV, but monthly excess returns do not add up to the run's excess, because returns compound. "
                + "Linking multiplies each month's effects by one factor so that the months add up exactly to the "
                + "run's cumulative excess, in percent of the starting NAV.");
        if (a.linking() == io.rebalancer.analytics.Linking.CARINO) {
            explain.add("Carino's factor for month t is k_t / K, with k_t = [ln(1 + Rp_t) \u2212 ln(1 + Rb_t)] / "
                    + "(Rp_t \u2212 Rb_t) for the month and K the same on the run's cumulative returns. k_t is "
                    + "about 1; K is small when the run's returns are large, since ln grows slowly.");
        } else {
            explain.add("GRAP's factor for month t is the portfolio's growth before the month times the benchmark's "
                    + "growth after it, \u03a0_{s<t}(1 + Rp_s) \u00b7 \u03a0_{s>t}(1 + Rb_s).");
        }
        explain.add(String.format(Locale.ROOT, "Here the factors run from %.2f to %.2f. A factor of 8 means a 1 %% "
                + "effect in that month counts as 8 %% of the starting NAV in the run's total: an early lead compounds "
                + "with everything the portfolio earns afterwards (the agent's NAV grew %.1f\u00d7 over the run), "
                + "and the linking spreads that compounding over the months. A linked total of hundreds or thousands "
                + "of percent is a difference in cumulative return of that size, not an error.",
                minFactor, maxFactor, growth));
        return new AttributionSection(id, "Attribution " + against, guide, note, totals, linked, charts, periods,
                contributions, Fmt.raw(a.cumulativeExcess()), Fmt.raw(t.total()), years, explain, drill);
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
