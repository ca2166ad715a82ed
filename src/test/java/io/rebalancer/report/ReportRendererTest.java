package io.rebalancer.report;

import io.rebalancer.analytics.Linking;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page rendered from real prices (backtest-data/, Jan-Jun 2022) with the stand-in agent of ReportFixtures. */
class ReportRendererTest {
    static final String EVIL = "<script>alert('x')</script>";
    private static ReportData data;
    private static ReportView view;
    private static String html;

    @BeforeAll
    static void render() throws Exception {
        data = ReportFixtures.data(LocalDate.of(2022, 1, 3), LocalDate.of(2022, 6, 30), "PORT " + EVIL,
                "raise-after-rebalance " + EVIL, Linking.CARINO);
        view = ReportBuilder.build(data);
        html = ReportRenderer.render(view);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "report-fixture.html"), html);
    }

    @Test
    void render_metricsTable_everyCellEqualsTheStrategysMetric() {
        Matcher m = Pattern.compile("data-metric=\"([a-z0-9_]+)\" data-strategy=\"([^\"]+)\" data-value=\"([^\"]+)\"")
                .matcher(html);
        Map<String, Double> onPage = new HashMap<>();
        while (m.find()) {
            onPage.put(m.group(1) + "|" + unescape(m.group(2)), Double.parseDouble(m.group(3)));
        }
        int expected = 0;
        for (ReportData.Strategy s : data.strategies()) {
            String key = s.agent() ? "agent" : s.name();
            for (Map.Entry<String, Double> e : s.metrics().entrySet()) {
                assertEquals(e.getValue(), onPage.get(e.getKey() + "|" + key), e.getKey() + " of " + key);
                expected++;
            }
        }
        assertEquals(expected, onPage.size());
        assertTrue(expected >= 3 * 13, "metrics found: " + expected);
    }

    @Test
    void render_namesHoldingScriptTags_areEscapedEverywhere() {
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "a raw <script tag reached the page");
        assertTrue(html.contains("&lt;script&gt;"), "escaped name expected on the page");
    }

    @Test
    void render_page_isSelfContained() {
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<link"), "no external stylesheet");
        assertFalse(lower.contains(" src="), "no external resource");
        assertFalse(lower.replace("url(#", "").contains("url("), "no url() but to ids on the page");
        assertFalse(lower.contains("@import"), "no CSS import");
        String withoutNamespaces = html.replace("http://www.w3.org/2000/svg", "").replace("http://www.w3.org/1999/xlink", "")
                .replace("http://www.jfree.org/jfreesvg/svg", "");
        assertFalse(withoutNamespaces.contains("http://") || withoutNamespaces.contains("https://"),
                "no network address on the page");
        assertTrue(lower.contains("@media print") && lower.contains("@media (max-width"));
    }

    @Test
    void render_charts_oneInlineSvgPerChartEachWithViewBox() {
        int svgs = count(html, "<svg");
        assertEquals(view.chartCount(), svgs);
        assertEquals(svgs - view.panelCount(), count(html, "viewBox='0 0 960 380'"));
        assertEquals(2 * data.portfolio().tickers().size(), view.panelCount(), "a weight and a drift panel per position");
        assertTrue(svgs >= 11, "charts: " + svgs);
    }

    @Test
    void render_attributionSections_linkedEffectsSumToCumulativeExcessOfTheAgentsNav() {
        Matcher m = Pattern.compile("data-excess=\"([^\"]+)\" data-linked-total=\"([^\"]+)\"").matcher(html);
        int sections = 0;
        while (m.find()) {
            assertEquals(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), 1e-12);
            sections++;
        }
        assertEquals(2, sections);
        double[] nav = data.agent().nav();
        String agentReturn = Fmt.pct(nav[nav.length - 1] / nav[0] - 1);
        assertTrue(html.contains("<dt>Agent cumulative return</dt><dd>" + agentReturn + "</dd>"), agentReturn);
        assertTrue(html.contains("Carino"));
    }

    static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'").replace("&quot;", "\"")
                .replace("&amp;", "&");
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
