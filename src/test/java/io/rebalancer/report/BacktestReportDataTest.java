package io.rebalancer.report;

import io.rebalancer.analytics.Linking;
import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.backtest.BacktestResult;
import io.rebalancer.backtest.StrategyMetrics;
import io.rebalancer.domain.CostModel;
import io.rebalancer.domain.Verdict;
import io.rebalancer.testsupport.RepositoryMarketData;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report of a {@link BacktestResult} (built here from the stand-in agent over real prices, Jan-Jun 2023):
 * every number in the metrics table equals the result's {@link StrategyMetrics#toMap()} (what metrics.json
 * holds), and prices come from the {@link PriceHistory} the run traded at.
 */
class BacktestReportDataTest {

    @Test
    void of_backtestResult_metricsOnPageEqualResultMetrics() {
        ReportData fx = ReportFixtures.data(LocalDate.of(2023, 1, 3), LocalDate.of(2023, 6, 30), "PORT_A_TechGrowth",
                "adaptive: raise after a rebalance", Linking.CARINO);
        int n = fx.dates().size();
        Map<String, BacktestResult.StrategyResult> strategies = new LinkedHashMap<>();
        int s = 0;
        for (ReportData.Strategy st : fx.strategies()) {
            String name = st.agent() ? BacktestResult.AGENT : st.name();
            Map<String, Double> m = st.metrics();
            strategies.put(name, new BacktestResult.StrategyResult(name, st.nav(), new double[n], List.of(),
                    new StrategyMetrics(m.get("final_nav"), m.get("cagr"), m.get("volatility"), m.get("sharpe"),
                            m.get("sharpe_arithmetic"), m.get("sortino"), m.get("calmar"), m.get("max_drawdown"),
                            m.get("var95_historical"), m.get("cvar95"), m.get("var95_gaussian"),
                            m.get("var95_cornish_fisher"), m.get("beta"), 0.1 * s, 10 + s, 123.5 * s,
                            3 + s, 0.01 * s, 0.02 * s, Double.NaN, Double.NaN, null)));
            s++;
        }
        List<String> tickers = fx.portfolio().tickers().stream().map(Object::toString).toList();
        List<BacktestResult.AgentDay> days = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            double[] w = new double[tickers.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = fx.agentWeights().get(tickers.get(i))[d];
            }
            days.add(new BacktestResult.AgentDay(fx.dates().get(d), fx.agent().nav()[d], 0, w, 0, 0,
                    fx.driftCritical()[d], fx.driftHigh()[d], fx.driftMedium()[d], 1.0, fx.regimes().get(d), Verdict.STABLE,
                    "NO_ACTION", 0, 0));
        }
        BacktestResult result = new BacktestResult("bt-test", fx.portfolio(), "hash123", fx.dates().get(0),
                fx.dates().get(n - 1), new BacktestResult.Settings(new CostModel(1, 2, 0.1), true, 20, 0.5, 1e6, false),
                tickers, new double[tickers.size()], fx.dates(), strategies, days, List.of(), List.of(), List.of(),
                new BacktestResult.Timings(0, 0, 0, 0, 0, 0, 0));

        PriceHistory prices = RepositoryMarketData.history();
        ReportData data = BacktestReportData.of(result, prices, Linking.GRAP);
        for (String t : tickers) {
            assertEquals(fx.adjClose().get(t)[n - 1], data.adjClose().get(t)[n - 1], 0.0, t);
        }
        String html = ReportRenderer.html(data);
        Matcher m = Pattern.compile("data-metric=\"([a-z0-9_]+)\" data-strategy=\"([^\"]+)\" data-value=\"([^\"]+)\"")
                .matcher(html);
        int cells = 0;
        while (m.find()) {
            Object expected = result.strategies().get(m.group(2)).metrics().toMap().get(m.group(1));
            assertEquals(((Number) expected).doubleValue(), Double.parseDouble(m.group(3)), 0.0,
                    m.group(1) + " of " + m.group(2));
            cells++;
        }
        java.util.Set<String> onPage = new java.util.HashSet<>();
        ReportBuilder.METRICS.forEach(x -> onPage.add(x.key()));
        long expectedCells = strategies.values().stream().mapToLong(st -> st.metrics().toMap().keySet().stream()
                .filter(onPage::contains).count()).sum();
        assertEquals(strategies.size() * 21L, expectedCells,
                "the 19 contract metrics, tracking_error and certainty_equivalent per strategy");
        assertEquals(expectedCells, cells, "every metric of metrics.json the page lists, for every strategy");
        assertTrue(html.contains("GRAP"), "the page names the linking used");
        assertTrue(html.contains("hash123") && html.contains("bt-test"));
        // the agent days' relative band (100 % of target here) reaches the page's per-position bands
        assertEquals(1.0, data.relativeBand()[n - 1], 0.0);
        assertEquals(Math.min(fx.driftCritical()[n - 1], 0.05), data.positionBand(n - 1, 0.05), 0.0);
    }

    @Test
    void positionBand_tighterOfCriticalAndRelativeTimesTarget_byHand() {
        ReportData fx = ReportFixtures.data(LocalDate.of(2023, 1, 3), LocalDate.of(2023, 2, 28), "PORT_A_TechGrowth",
                "adaptive: raise after a rebalance", Linking.CARINO);
        int n = fx.dates().size();
        double[] critical = new double[n];
        double[] relative = new double[n];
        java.util.Arrays.fill(critical, 0.20);
        java.util.Arrays.fill(relative, 1.0);
        relative[1] = 0.25;
        ReportData data = new ReportData(fx.title(), fx.runId(), fx.rulesHash(), fx.portfolio(), fx.dates(),
                fx.strategies(), fx.adjClose(), fx.agentWeights(), critical, fx.driftHigh(), fx.driftMedium(),
                fx.regimes(), fx.decisions(), fx.thresholdChanges(), fx.linking(), fx.benchmarkName(),
                fx.benchmarkAdjClose(), fx.agentDailyCost(), relative, null);
        // the shipped rules: 20 pp or 100 % of target, so an 8 % position's band is 8 pp and a 30 % one's 20 pp
        assertEquals(0.08, data.positionBand(0, 0.08), 1e-15);
        assertEquals(0.20, data.positionBand(0, 0.30), 1e-15);
        // Daryanani's 25 % relative band: 2 pp for an 8 % position
        assertEquals(0.02, data.positionBand(1, 0.08), 1e-15);
        // a run stored before the relative band was recorded: the critical drift alone
        assertEquals(fx.driftCritical()[0], fx.positionBand(0, 0.08), 0.0);
    }
}
