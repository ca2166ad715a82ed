package io.rebalancer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rebalancer.analytics.Linking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tear-sheet, decision and attribution sections of the page, on the ReportFixtures run of 2022-01-03 to
 * 2022-06-30 (real prices, a stand-in agent that rebalances at month starts). Expected values are recomputed here
 * from the fixture's NAV series directly (month-end closes, the close before a window), not through the analytics
 * classes that the page uses.
 */
class ReportSectionsTest {
    private static ReportData data;
    private static ReportView view;
    private static String html;

    @BeforeAll
    static void render() {
        data = ReportFixtures.data(LocalDate.of(2022, 1, 3), LocalDate.of(2022, 6, 30), "PORT_A_TechGrowth",
                "raise-after-rebalance", Linking.CARINO);
        view = ReportBuilder.build(data);
        html = ReportRenderer.render(view);
    }

    @Test
    void compare_runsWithOtherSettings_listsEachSettingAndWhatDiffers() throws Exception {
        // two runs as metrics.json records them: the reference settings, and 10 bp commission with learning off
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        Map<String, String> a = RunSettings.describe(m.readTree("{\"costs\": {\"commission_bps\": 1.0,"
                + " \"half_spread_bps\": 2.0, \"impact_coefficient\": 0.1}, \"learning\": true, \"horizon_days\": 63,"
                + " \"lambda\": 0.5, \"initial_nav\": 1000000.0, \"dividends\": \"CASH\"}"));
        Map<String, String> b = RunSettings.describe(m.readTree("{\"costs\": {\"commission_bps\": 10.0,"
                + " \"half_spread_bps\": 2.0, \"impact_coefficient\": 0.1}, \"learning\": false, \"horizon_days\": 63,"
                + " \"lambda\": 0.5, \"initial_nav\": 1000000.0, \"dividends\": \"CASH\"}"));
        assertEquals(List.of(
                "Costs: A: 1 bp commission + 2 bp half spread, square-root impact 0.1; B: 10 bp commission + 2 bp half"
                        + " spread, square-root impact 0.1 (differ)",
                "Learning: A: on; B: off (differ)",
                "Dividends: both cash",
                "Outcome horizon: both 63 trading days",
                "Regret \u03bb (tracking-error penalty): both 0.5",
                "Starting NAV: both " + Fmt.money(1_000_000)),
                RunSettings.compare(a, b).stream().map(kv -> kv.key() + ": " + kv.value()).toList());
        assertEquals("none", RunSettings.describe(m.readTree("{\"costs\": {\"commission_bps\": 0,"
                + " \"half_spread_bps\": 0, \"impact_coefficient\": 0}}")).get("Costs"));
    }

    @Test
    void heatmap_eachMonth_isMonthEndNavOverPreviousMonthEnd() {
        double[] nav = data.agent().nav();
        List<LocalDate> dates = data.dates();
        Matcher m = Pattern.compile("<td style=\"[^\"]*\" data-value=\"([^\"]+)\">").matcher(html);
        List<Double> onPage = new ArrayList<>();
        while (m.find()) {
            onPage.add(Double.parseDouble(m.group(1)));
        }
        List<Double> expected = new ArrayList<>();
        double start = nav[0];
        for (int i = 1; i < nav.length; i++) {
            if (i == nav.length - 1 || dates.get(i + 1).getMonthValue() != dates.get(i).getMonthValue()) {
                expected.add(nav[i] / start - 1);
                start = nav[i];
            }
        }
        List<Double> finite = onPage.stream().filter(Double::isFinite).toList();
        assertEquals(6, expected.size());
        assertEquals(expected.size(), finite.size(), "months shown: " + onPage);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), finite.get(i), 1e-12, "month " + (i + 1));
        }
        assertEquals(12, onPage.size(), "one row of twelve months for 2022, the months after June empty");
    }

    @Test
    void trailingTable_agentAndBenchmark_matchNavRatiosOverTheirWindows() {
        double[] nav = data.agent().nav();
        List<LocalDate> dates = data.dates();
        int last = nav.length - 1;
        // 3M: the last close on or before 2022-03-30; YTD: the run starts 2022-01-03, within a week of 2021-12-31
        int anchor3m = lastOnOrBefore(dates, LocalDate.of(2022, 3, 30));
        assertEquals(nav[last] / nav[anchor3m] - 1, trailing("return_3m", "agent"), 1e-12);
        assertEquals(nav[last] / nav[0] - 1, trailing("return_ytd", "agent"), 1e-12);
        double[] spy = data.benchmarkAdjClose();
        int anchorMtd = lastOnOrBefore(dates, LocalDate.of(2022, 5, 31));
        assertEquals(spy[last] / spy[anchorMtd] - 1, trailing("return_mtd", "benchmark"), 1e-12);
        assertTrue(Double.isNaN(trailing("return_1y", "agent")), "half a year does not cover 1Y");
    }

    @Test
    void equityChart_benchmarkLineAndLogTicksAtOneTwoFive() {
        String equity = svg("equity-log");
        assertTrue(equity.contains("SPY (total return)"), "benchmark in the legend");
        assertEquals(List.of(1e6, 2e6, 5e6), Charts.oneTwoFive(8e5, 9e6));
        assertEquals(List.of(0.5, 1.0, 2.0), Charts.oneTwoFive(0.45, 2.2));
        assertEquals(List.of(8e5, 9e5, 1e6), Charts.oneTwoFive(7.2e5, 1.0e6), "a narrow range falls back to 1..9");
        assertEquals("1M", Fmt.compactMoney(1_000_000));
        assertEquals("2.5M", Fmt.compactMoney(2_500_000));
        assertEquals("500k", Fmt.compactMoney(500_000));
        assertFalse(equity.contains("794,328"), "no raw log-axis values");
    }

    @Test
    void palette_firstEightColours_distinct() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            assertTrue(seen.add(Charts.PALETTE[i].getRGB()), "colour " + i + " repeats");
        }
        assertFalse(seen.contains(Charts.BENCHMARK.getRGB()));
    }

    @Test
    void sections_newChartsAndPanels_present() {
        for (String id : List.of("yearly", "distribution", "equity-relative", "attr-target-cumulative",
                "attr-bh-cumulative")) {
            assertTrue(html.contains("id=\"fig-" + id + "\""), id);
        }
        // six months hold 123 daily returns, fewer than the 126 of the shortest rolling window: a note, no chart
        assertTrue(html.contains("id=\"fig-rolling-none\"") && !html.contains("id=\"fig-rolling-sharpe\""));
        String threeYears = ReportRenderer.html(ReportFixtures.data(LocalDate.of(2020, 1, 2),
                LocalDate.of(2022, 12, 30), "PORT_A_TechGrowth", "raise-after-rebalance", Linking.CARINO));
        for (String id : List.of("rolling-sharpe", "rolling-vol", "rolling-beta")) {
            assertTrue(threeYears.contains("id=\"fig-" + id + "\""), id);
        }
        assertFalse(threeYears.contains("fig-rolling-none"));
        assertTrue(html.contains("<table class=\"drawdowns\">"));
        assertTrue(html.contains("id=\"sm-weights\"") && html.contains("id=\"sm-drift\""));
        assertEquals(13, count("<svg id=\"sm-weight-"));
        assertTrue(html.contains("@media print"));
    }

    @Test
    void decisionCards_collapsibleAndWithoutRepeatedLines() {
        int cards = count("<details class=\"card\"");
        assertEquals(Math.min(ReportBuilder.TOP_DECISIONS,
                (int) data.decisions().stream().filter(d -> Double.isFinite(d.regret())).count()), cards);
        for (ReportView.TopDecision t : view.topDecisions()) {
            assertEquals(t.rules().size(), new HashSet<>(t.rules()).size(), "repeated rule line in " + t.date());
            assertEquals(t.reasoning().size(), new HashSet<>(t.reasoning()).size(), "repeated reasoning in " + t.date());
        }
    }

    @Test
    void reconciliation_fixtureFillsOnDecisionDays_countsAddUp() {
        long rebalances = data.decisions().stream().filter(d -> "REBALANCE".equals(d.action())).count();
        String text = String.join(" ", view.reconciliation());
        assertTrue(text.contains("Fills fell on " + rebalances + " decision days and on 0 later days"), text);
        double modelled = data.decisions().stream().mapToDouble(ReportData.DecisionRow::cost).sum();
        assertTrue(text.contains("IMMEDIATE plans, modelled " + Fmt.money(modelled) + ", charged "
                + Fmt.money(modelled)), text);
    }

    @Test
    void decisionCards_rulesAndReasoning_mergedAsDocumented() {
        assertEquals(List.of("monitor: verdict: triggered", "analyze: fit: MODERATE FULL \u00b7 PARTIAL \u00b7 DEFER",
                "analyze: score: weighted components \u00d7 3"), DecisionCards.rules(List.of(
                "monitor: verdict: triggered", "analyze: fit: MODERATE FULL", "analyze: fit: MODERATE PARTIAL",
                "analyze: fit: MODERATE DEFER", "analyze: score: weighted components",
                "analyze: score: weighted components", "analyze: score: weighted components")));
        assertEquals(List.of("Regime LOW_VOL", "Recommended and chose FULL: FULL scores 8.8/10"),
                DecisionCards.reasoning(List.of("Regime LOW_VOL", "Recommended FULL: FULL scores 8.8/10",
                        "Chose FULL: FULL scores 8.8/10", "Regime LOW_VOL")));
    }

    @Test
    void attribution_inPercentWithYearlyRunRowEqualToLinkedTotal() {
        assertFalse(html.contains(" bp<"), "no basis points in the attribution tables");
        for (ReportView.AttributionSection a : view.attributions()) {
            ReportView.PeriodRow run = a.years().get(a.years().size() - 1);
            assertEquals("Run", run.period());
            ReportView.EffectRow total = a.linked().get(a.linked().size() - 1);
            assertEquals(total.total(), run.linkedTotal());
            assertTrue(a.linkingExplanation().get(1).contains("Carino"));
            assertEquals(a.linked().size() - 1, a.drill().size(), "one drill-down per sector");
        }
        assertTrue(html.contains("<details class=\"drill\">"));
    }

    @Test
    void comparison_secondRunWithOneDecisionDroppedAndOneChanged_listsExactlyThoseDays() {
        ReportData data = ReportFixtures.data(LocalDate.of(2020, 1, 2), LocalDate.of(2022, 12, 30), "PORT_A_TechGrowth",
                "raise-after-rebalance", Linking.CARINO);
        assertTrue(data.decisions().size() >= 3, "decisions: " + data.decisions().size());
        List<ReportData.DecisionRow> changed = new ArrayList<>(data.decisions());
        ReportData.DecisionRow dropped = changed.remove(0);
        ReportData.DecisionRow c = changed.get(0);
        changed.set(0, new ReportData.DecisionRow(c.date(), c.cycleId(), "DEFER", "DEFER", c.regime(), List.of(), 0, 0,
                c.regret(), c.bestAlternative(), c.alternatives(), c.firedRules(), c.reasoning(), "DEFER"));
        ReportData b = new ReportData(data.title(), "run-b", "other-rules", data.portfolio(), data.dates(),
                data.strategies(), data.adjClose(), data.agentWeights(), data.driftCritical(), data.driftHigh(),
                data.driftMedium(), data.regimes(), changed, data.thresholdChanges(), data.linking(),
                data.benchmarkName(), data.benchmarkAdjClose(), data.agentDailyCost(), data.relativeBand(), data.settings());
        ComparisonView v = ComparisonBuilder.build(data, b);
        assertEquals(List.of(dropped.date().toString(), c.date().toString()),
                v.differences().stream().map(ComparisonView.DiffDay::date).toList());
        assertEquals("not triggered", v.differences().get(0).b());
        assertEquals("DEFER, " + c.regime(), v.differences().get(1).b());
        Map<String, String> counts = new java.util.LinkedHashMap<>();
        v.decisionCounts().forEach(kv -> counts.put(kv.key(), kv.value()));
        assertEquals("1", counts.get("Triggered in A only"));
        assertEquals("1", counts.get("Different decisions"));
        assertEquals(Integer.toString(data.decisions().size() - 2),
                counts.get("Same decision (action, scenario, timing, trades)"));
        String page = ReportRenderer.render(v);
        assertTrue(page.contains("id=\"fig-cmp-equity\"") && page.contains("<table class=\"differences\">"));
        assertFalse(page.toLowerCase(Locale.ROOT).contains("<script"));
        assertTrue(ComparisonBuilder.build(data, data).differences().isEmpty(), "a run against itself differs nowhere");
    }

    private static double trailing(String key, String of) {
        Matcher m = Pattern.compile("data-trailing=\"" + key + "\" data-of=\"" + of + "\" data-value=\"([^\"]+)\"")
                .matcher(html);
        assertTrue(m.find(), key + " of " + of);
        return Double.parseDouble(m.group(1));
    }

    private static int lastOnOrBefore(List<LocalDate> dates, LocalDate day) {
        int k = -1;
        for (int i = 0; i < dates.size(); i++) {
            if (!dates.get(i).isAfter(day)) {
                k = i;
            }
        }
        return k;
    }

    private static String svg(String id) {
        int a = html.indexOf("<figure id=\"fig-" + id + "\">");
        return html.substring(a, html.indexOf("</figure>", a));
    }

    private static int count(String what) {
        return ReportRendererTest.count(html, what);
    }
}
