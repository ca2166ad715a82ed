package io.rebalancer.report;

import java.util.List;

/**
 * What the template renders: text already formatted, charts already SVG. Every String that came from data is
 * escaped by the template (jte Html content type); only {@link Chart#svg()} is inserted as markup, and JFreeSVG
 * escapes the text it writes into it.
 */
public record ReportView(
        String title,
        String generatedBy,
        List<KeyValue> summary,
        List<String> strategyNames,
        List<String> strategyKeys,
        List<MetricRow> metrics,
        List<Legend> regimeLegend,
        List<Chart> equityCharts,
        List<Chart> drawdownCharts,
        List<Chart> weightCharts,
        List<WeightRow> weights,
        List<Chart> driftCharts,
        List<KeyValue> decisionSummary,
        List<Chart> decisionCharts,
        List<DecisionLine> timeline,
        List<TopDecision> topDecisions,
        List<AttributionSection> attributions,
        List<Chart> thresholdCharts,
        List<ThresholdLine> thresholdChanges,
        List<KeyValue> ruleCounts) {

    /** Number of charts (inline SVG elements) on the page. */
    public int chartCount() {
        int n = equityCharts.size() + drawdownCharts.size() + weightCharts.size() + driftCharts.size()
                + decisionCharts.size() + thresholdCharts.size();
        for (AttributionSection a : attributions) {
            n += a.charts().size();
        }
        return n;
    }

    public record KeyValue(String key, String value) {
    }

    public record Legend(String name, String css) {
    }

    public record Chart(String id, String caption, String svg) {
    }

    /** One metric across strategies: display values and the exact values for data attributes. */
    public record MetricRow(String key, String name, String unit, List<Cell> cells) {
    }

    public record Cell(String strategy, String text, String raw) {
    }

    public record WeightRow(String ticker, String sector, String target, String average, String fin, String drift) {
    }

    public record DecisionLine(String date, String regime, String action, String scenario, String trades,
                               String turnover, String cost, String regret, String regretRaw, String best,
                               String cycleId) {
    }

    public record TopDecision(int rank, String date, String regime, String action, String scenario, String regret,
                              String best, List<KeyValue> alternatives, List<String> trades, List<String> rules,
                              List<String> reasoning) {
    }

    public record EffectRow(String segment, String wp, String wb, String rp, String rb, String allocation,
                            String selection, String interaction, String total, String totalRaw) {
    }

    public record PeriodRow(String period, String rp, String rb, String allocation, String selection,
                            String interaction, String total, String factor) {
    }

    public record ContributionRow(String ticker, String sector, String portfolio, String benchmark,
                                  String difference) {
    }

    public record AttributionSection(String id, String heading, String guide, String linkingNote,
                                     List<KeyValue> totals, List<EffectRow> linked, List<Chart> charts,
                                     List<PeriodRow> periods, List<ContributionRow> contributions,
                                     String excessRaw, String linkedTotalRaw) {
    }

    public record ThresholdLine(String date, String kind, String before, String after, String duration, String rule,
                                String reason) {
    }
}
