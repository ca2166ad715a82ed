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
        List<KeyValue> ruleCounts,
        TearSheetView tearSheet,
        List<Panel> weightPanels,
        List<Panel> driftPanels,
        List<String> reconciliation) {

    /** Number of charts (inline SVG elements) on the page. */
    public int chartCount() {
        int n = equityCharts.size() + drawdownCharts.size() + weightCharts.size() + driftCharts.size()
                + decisionCharts.size() + thresholdCharts.size();
        for (AttributionSection a : attributions) {
            n += a.charts().size();
        }
        n += tearSheet.returnCharts().size();
        // a run too short for the rolling windows gets a note in their place, not a chart
        n += (int) tearSheet.rollingCharts().stream().filter(c -> c.svg().startsWith("<svg")).count();
        return n + panelCount();
    }

    /** Number of small-multiple panels (hand-written SVG, not JFreeChart). */
    public int panelCount() {
        return weightPanels.size() + driftPanels.size();
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

    /** A decision card; {@code what} is the action with the scenario and timing ("REBALANCE FULL (IMMEDIATE)"). */
    public record TopDecision(int rank, String date, String regime, String what, String regret,
                              String best, List<KeyValue> alternatives, List<TradeLine> trades, List<String> rules,
                              List<String> reasoning) {
    }

    public record TradeLine(String ticker, String side, String shares, String value, String cost, String priority) {
    }

    public record EffectRow(String segment, String wp, String wb, String rp, String rb, String allocation,
                            String selection, String interaction, String total, String totalRaw) {
    }

    /** A month (its own effects, its linking factor, the linked total) or a year's subtotal of linked effects. */
    public record PeriodRow(String period, String rp, String rb, String allocation, String selection,
                            String interaction, String total, String factor, String linkedTotal, boolean subtotal) {
    }

    /** One sector of the drill-down: its linked effects and its securities' contributions. */
    public record DrillSector(String sector, String allocation, String selection, String interaction, String total,
                              List<ContributionRow> securities) {
    }

    public record ContributionRow(String ticker, String sector, String portfolio, String benchmark,
                                  String difference) {
    }

    public record AttributionSection(String id, String heading, String guide, String linkingNote,
                                     List<KeyValue> totals, List<EffectRow> linked, List<Chart> charts,
                                     List<PeriodRow> periods, List<ContributionRow> contributions,
                                     String excessRaw, String linkedTotalRaw, List<PeriodRow> years,
                                     List<String> linkingExplanation, List<DrillSector> drill) {
    }

    /** One small-multiple panel (inline SVG written by {@link SmallMultiples}). */
    public record Panel(String id, String svg) {
    }

    public record TrailingRow(String name, String key, boolean agent, List<Cell> cells) {
    }

    /** A heatmap cell: the value in percent without the sign, its exact value and the inline style (colour). */
    public record HeatCell(String text, String raw, String style) {
    }

    public record HeatRow(String year, List<HeatCell> months, HeatCell total, HeatCell benchmark, HeatCell active) {
    }

    public record DrawdownRow(int rank, String peak, String valley, String recovery, String depth, String depthRaw,
                              String days) {
    }

    public record TearSheetView(List<String> trailingHeaders, List<TrailingRow> trailing, List<HeatRow> heatmap,
                                List<Chart> returnCharts, List<Chart> rollingCharts, List<DrawdownRow> drawdowns,
                                String benchmarkLabel) {
    }

    public record ThresholdLine(String date, String kind, String before, String after, String duration, String rule,
                                String reason) {
    }
}
