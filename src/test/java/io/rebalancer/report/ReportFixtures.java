package io.rebalancer.report;

import io.rebalancer.analytics.Linking;
import io.rebalancer.analytics.PerformanceMetrics;
import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.CostModel;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.Regime;
import io.rebalancer.domain.TargetWeight;
import io.rebalancer.domain.ThresholdBounds;
import io.rebalancer.domain.Thresholds;
import io.rebalancer.domain.Ticker;
import io.rebalancer.testsupport.RepositoryMarketData;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Report data built from the real prices in backtest-data/ with a simple stand-in agent (rebalance to
 * target on the first day of a month when the largest position drift exceeds the critical threshold, 3 bp cost),
 * for report tests that do not need the backtester.
 */
final class ReportFixtures {
    static final String[][] TARGETS = {{"AAPL", "Technology", "0.10"}, {"MSFT", "Technology", "0.10"},
        {"GOOGL", "Technology", "0.10"}, {"NVDA", "Technology", "0.08"}, {"META", "Technology", "0.07"},
        {"XLK", "Technology", "0.10"}, {"XOM", "Energy", "0.04"}, {"CVX", "Energy", "0.04"}, {"COP", "Energy", "0.02"},
        {"XLE", "Energy", "0.02"}, {"SPY", "Benchmarks", "0.15"}, {"QQQ", "Benchmarks", "0.13"},
        {"IWM", "Benchmarks", "0.05"}};
    static final double COST = 0.0003;

    private ReportFixtures() {
    }

    static PortfolioDefinition portfolio(String id) {
        List<TargetWeight> targets = new ArrayList<>();
        for (String[] t : TARGETS) {
            targets.add(TargetWeight.of(t[0], t[1], Double.parseDouble(t[2])));
        }
        return new PortfolioDefinition(id, new BigDecimal("1000000"), LocalDate.of(2020, 1, 2), Ticker.of("SPY"),
                targets, Thresholds.seedDefaults(), new ThresholdBounds(0.02, 0.05), new CostModel(1, 2, 0.1));
    }

    /** A run over [from, to] of the repository's backtest-data. {@code strategyName} and {@code ruleName} are shown on the page. */
    static ReportData data(LocalDate from, LocalDate to, String portfolioId, String ruleName, Linking linking) {
        PriceHistory h = RepositoryMarketData.history();
        Map<LocalDate, Double> vix = RepositoryMarketData.vix();
        int first = h.indexOnOrBefore(from);
        int last = h.indexOnOrBefore(to);
        int n = last - first + 1;
        List<LocalDate> dates = h.dates().subList(first, last + 1);
        PortfolioDefinition pf = portfolio(portfolioId);
        int k = TARGETS.length;
        Map<String, double[]> adj = new LinkedHashMap<>();
        double[] t = new double[k];
        for (int i = 0; i < k; i++) {
            double[] a = new double[n];
            for (int d = 0; d < n; d++) {
                a[d] = h.adjClose(TARGETS[i][0], first + d);
            }
            adj.put(TARGETS[i][0], a);
            t[i] = Double.parseDouble(TARGETS[i][2]);
        }
        // stand-in agent
        double[] units = new double[k];
        double cash = 0;
        double nav0 = 1_000_000;
        for (int i = 0; i < k; i++) {
            units[i] = nav0 * t[i] / adj.get(TARGETS[i][0])[0];
        }
        double[] nav = new double[n];
        Map<String, double[]> weights = new LinkedHashMap<>();
        for (String[] x : TARGETS) {
            weights.put(x[0], new double[n]);
        }
        double[] crit = new double[n];
        double[] high = new double[n];
        double[] med = new double[n];
        List<Regime> regimes = new ArrayList<>();
        List<ReportData.DecisionRow> decisions = new ArrayList<>();
        List<ReportData.ThresholdChangeRow> changes = new ArrayList<>();
        double offset = 0;
        for (int d = 0; d < n; d++) {
            double v = vix.getOrDefault(dates.get(d), 20.0);
            Regime regime = v < 15 ? Regime.LOW_VOL : v < 25 ? Regime.MODERATE : v < 35 ? Regime.HIGH_VOL : Regime.CRISIS;
            regimes.add(regime);
            double scale = regime == Regime.HIGH_VOL ? 1.25 : regime == Regime.CRISIS ? 1.5 : 1.0;
            double value = cash;
            for (int i = 0; i < k; i++) {
                value += units[i] * adj.get(TARGETS[i][0])[d];
            }
            crit[d] = 0.03 * scale + offset;
            high[d] = 0.025 * scale + offset;
            med[d] = 0.015 * scale + offset;
            double maxDrift = 0;
            for (int i = 0; i < k; i++) {
                maxDrift = Math.max(maxDrift, Math.abs(units[i] * adj.get(TARGETS[i][0])[d] / value - t[i]));
            }
            boolean monthStart = d > 0 && dates.get(d).getMonthValue() != dates.get(d - 1).getMonthValue();
            if (monthStart && maxDrift > med[d]) {
                List<ReportData.TradeRow> trades = new ArrayList<>();
                double traded = 0;
                for (int i = 0; i < k; i++) {
                    double p = adj.get(TARGETS[i][0])[d];
                    double delta = value * t[i] / p - units[i];
                    traded += Math.abs(delta) * p;
                    trades.add(new ReportData.TradeRow(TARGETS[i][0], delta > 0 ? "BUY" : "SELL", Math.abs(delta),
                            Math.abs(delta) * p, Math.abs(delta) * p * COST, "HIGH", "priority-by-drift"));
                }
                double cost = traded * COST;
                value -= cost;
                for (int i = 0; i < k; i++) {
                    units[i] = value * t[i] / adj.get(TARGETS[i][0])[d];
                }
                cash = 0;
                double regret = (d % 3) * 0.0007;
                Map<String, Double> alts = new LinkedHashMap<>();
                alts.put("FULL (chosen)", 0.004 - regret);
                alts.put("PARTIAL", 0.004);
                alts.put("DEFER", 0.001);
                decisions.add(new ReportData.DecisionRow(dates.get(d), "cyc" + d, "REBALANCE", "FULL", regime.name(),
                        trades, traded / (value + cost), cost, regret, regret > 0 ? "PARTIAL" : "FULL", alts,
                        List.of("monitor: " + ruleName, "analyze: score-FULL", "decide: choose-best"),
                        List.of("max position drift " + Fmt.pct(maxDrift) + " over critical " + Fmt.pct(crit[d])),
                        "IMMEDIATE"));
                double before = 0.03 + offset;
                offset = Math.min(0.01, offset + 0.002);
                changes.add(new ReportData.ThresholdChangeRow(dates.get(d), "raise-after-rebalance", before,
                        0.03 + offset, 0, "rebalanced; cooldown", ruleName));
            }
            nav[d] = value;
            for (int i = 0; i < k; i++) {
                weights.get(TARGETS[i][0])[d] = units[i] * adj.get(TARGETS[i][0])[d] / value;
            }
        }
        double[] spy = new double[n - 1];
        for (int d = 1; d < n; d++) {
            spy[d - 1] = adj.get("SPY")[d] / adj.get("SPY")[d - 1] - 1;
        }
        Map<String, Double> targets = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            targets.put(TARGETS[i][0], t[i]);
        }
        double[] bh = SectorAttribution.buyAndHold("bh", targets, adj, n).nav();
        double[] daily = SectorAttribution.dailyRebalancedNav(targets, adj, n);
        for (int d = 0; d < n; d++) {
            bh[d] *= nav0;
            daily[d] *= nav0;
        }
        List<ReportData.Strategy> strategies = List.of(
                new ReportData.Strategy("agent", true, nav, ReportData.Strategy.metricsOf(PerformanceMetrics.of(nav, null, spy))),
                new ReportData.Strategy("buy_and_hold", false, bh, ReportData.Strategy.metricsOf(PerformanceMetrics.of(bh, null, spy))),
                new ReportData.Strategy("daily_" + portfolioId, false, daily,
                        ReportData.Strategy.metricsOf(PerformanceMetrics.of(daily, null, spy))));
        double[] dailyCost = new double[n];
        for (ReportData.DecisionRow dr : decisions) {
            dailyCost[dates.indexOf(dr.date())] += dr.cost();
        }
        return new ReportData("Backtest of " + portfolioId, "run-fixture", "abc123def456", pf, dates, strategies, adj,
                weights, crit, high, med, regimes, decisions, changes, linking, "SPY", adj.get("SPY"), dailyCost, null, null);
    }
}
