package io.rebalancer.report;

import io.rebalancer.analytics.CalendarReturns;
import io.rebalancer.analytics.DrawdownPeriods;
import io.rebalancer.analytics.ReturnStats;
import io.rebalancer.analytics.Rolling;
import io.rebalancer.analytics.TrailingReturns;
import io.rebalancer.report.ReportData.Strategy;
import io.rebalancer.report.ReportView.Chart;
import io.rebalancer.report.ReportView.DrawdownRow;
import io.rebalancer.report.ReportView.HeatCell;
import io.rebalancer.report.ReportView.HeatRow;
import io.rebalancer.report.ReportView.TearSheetView;
import io.rebalancer.report.ReportView.TrailingRow;

import java.awt.Color;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tear-sheet part of the page: trailing returns, the monthly heatmap, yearly returns against the benchmark, the
 * return distribution, rolling Sharpe, volatility and beta, and the worst drawdowns (docs/METRICS.md, "Tear sheet").
 */
final class TearSheetSection {
    /** Rolling windows in trading days: about 6 and 12 months. */
    static final int SIX_MONTHS = 126;
    static final int TWELVE_MONTHS = 252;
    /** Rows of the worst-drawdowns table. */
    static final int WORST_DRAWDOWNS = 5;
    /** Monthly return at which a heatmap cell reaches full colour. */
    static final double HEAT_CAP = 0.10;
    /** The distribution chart shows daily returns within ±5 %. */
    static final double HISTOGRAM_CLIP = 0.05;
    static final List<String> TRAILING = List.of("MTD", "3M", "6M", "YTD", "1Y", "3Y (ann.)", "5Y (ann.)",
            "10Y (ann.)");
    static final List<String> TRAILING_KEYS = List.of("return_mtd", "return_3m", "return_6m", "return_ytd",
            "return_1y", "return_3y_annualised", "return_5y_annualised", "return_10y_annualised");

    private TearSheetSection() {
    }

    static TearSheetView build(ReportData data, List<String> keys) {
        List<LocalDate> dates = data.dates();
        Strategy agent = data.agent();
        double[] bench = data.benchmarkAdjClose();
        String bName = data.benchmarkName() == null ? "benchmark" : data.benchmarkName();
        String bLabel = bName + " (total return)";

        List<TrailingRow> trailing = new ArrayList<>();
        for (int i = 0; i < data.strategies().size(); i++) {
            Strategy s = data.strategies().get(i);
            trailing.add(trailingRow(s.name(), keys.get(i), TrailingReturns.of(dates, s.nav()).toMap(), s.agent()));
        }
        if (bench != null) {
            trailing.add(trailingRow(bLabel, "benchmark", TrailingReturns.of(dates, bench).toMap(), false));
        }

        CalendarReturns cal = CalendarReturns.of(dates, agent.nav());
        CalendarReturns bCal = bench == null ? null : CalendarReturns.of(dates, bench);
        List<HeatRow> heat = new ArrayList<>();
        for (Map.Entry<Integer, Double> y : cal.yearly().entrySet()) {
            List<HeatCell> cells = new ArrayList<>();
            for (int m = 1; m <= 12; m++) {
                Double v = cal.monthly().get(YearMonth.of(y.getKey(), m));
                cells.add(heatCell(v == null ? Double.NaN : v));
            }
            double b = bCal == null ? Double.NaN : bCal.yearly().getOrDefault(y.getKey(), Double.NaN);
            heat.add(new HeatRow(Integer.toString(y.getKey()), cells, heatCell(y.getValue()), heatCell(b),
                    heatCell(y.getValue() - b)));
        }

        List<Chart> returnCharts = new ArrayList<>();
        List<String> years = cal.yearly().keySet().stream().map(String::valueOf).toList();
        double[][] bars = new double[bCal == null ? 1 : 2][years.size()];
        int k = 0;
        for (Map.Entry<Integer, Double> y : cal.yearly().entrySet()) {
            bars[0][k] = y.getValue();
            if (bCal != null) {
                bars[1][k] = bCal.yearly().getOrDefault(y.getKey(), Double.NaN);
            }
            k++;
        }
        List<String> barNames = bCal == null ? List.of(agent.name()) : List.of(agent.name(), bLabel);
        returnCharts.add(new Chart("yearly", "Calendar-year returns of the agent against " + bLabel
                + " (first and last year partial if the run starts or ends inside them)",
                Charts.groupedBars("yearly", "Returns by calendar year", "Return", years, barNames, bars,
                        new Color[] {Charts.PALETTE[0], new Color(0x8c8c8c)})));
        double[] r = ReturnStats.simpleReturns(agent.nav());
        double[] br = bench == null ? null : ReturnStats.simpleReturns(bench);
        List<String> names = br == null ? List.of(agent.name()) : List.of(agent.name(), bLabel);
        List<double[]> values = br == null ? List.of(r) : List.of(r, br);
        int beyond = 0;
        for (double[] v : values) {
            for (double x : v) {
                beyond += Math.abs(x) > HISTOGRAM_CLIP ? 1 : 0;
            }
        }
        returnCharts.add(new Chart("distribution", String.format(Locale.ROOT, "Daily returns in bins of 0.25 %%, "
                + "axis cut at \u00b1%.0f %% (%d daily returns of the series shown lie beyond it); the tails are what "
                + "skew, kurtosis and VaR describe", HISTOGRAM_CLIP * 100, beyond), Charts.histogram("distribution",
                "Distribution of daily returns", "Daily return", names, values,
                new Color[] {Charts.PALETTE[0], new Color(0x555555)}, 0.0025, HISTOGRAM_CLIP)));

        List<LocalDate> rDates = dates.subList(1, dates.size());
        List<Chart> rolling = new ArrayList<>();
        if (r.length < SIX_MONTHS) {
            // every window would be empty: say why rather than draw empty axes
            rolling.add(new Chart("rolling-none", "Rolling Sharpe, volatility and beta", String.format(Locale.ROOT,
                    "<p class=\"note\">The rolling charts need at least %d daily returns (about six months); this run"
                    + " has %d.</p>", SIX_MONTHS, r.length)));
        } else {
            List<Charts.Line> sharpe = new ArrayList<>();
            sharpe.add(new Charts.Line(agent.name() + " 6 months", Rolling.sharpe(r, SIX_MONTHS), Charts.PALETTE[0],
                    1.2f, false, true));
            sharpe.add(new Charts.Line(agent.name() + " 12 months", Rolling.sharpe(r, TWELVE_MONTHS),
                    Charts.PALETTE[1], 1.8f, false, true));
            if (br != null) {
                sharpe.add(new Charts.Line(bName + " 12 months", Rolling.sharpe(br, TWELVE_MONTHS), Charts.BENCHMARK,
                        1.1f, true, true));
            }
            rolling.add(new Chart("rolling-sharpe", "Sharpe over the trailing 126 and 252 trading days (arithmetic, "
                    + "rf = 0, as quantstats' rolling_sharpe)", Charts.lineChartWithReference("rolling-sharpe",
                    "Rolling Sharpe", "Sharpe", rDates, sharpe, Charts.Scale.RATIO, 0)));
            List<Charts.Line> vol = new ArrayList<>();
            vol.add(new Charts.Line(agent.name() + " 6 months", Rolling.volatility(r, SIX_MONTHS), Charts.PALETTE[0],
                    1.6f, false, true));
            if (br != null) {
                vol.add(new Charts.Line(bName + " 6 months", Rolling.volatility(br, SIX_MONTHS), Charts.BENCHMARK, 1.1f,
                        true, true));
            }
            rolling.add(new Chart("rolling-vol", "Annualised volatility over the trailing 126 trading days",
                    Charts.lineChart("rolling-vol", "Rolling volatility", "Volatility", rDates, vol,
                            Charts.Scale.PERCENT, null)));
            if (br != null) {
                List<Charts.Line> beta = List.of(
                        new Charts.Line("6 months", Rolling.beta(r, br, SIX_MONTHS), Charts.PALETTE[0], 1.2f, false,
                                true),
                        new Charts.Line("12 months", Rolling.beta(r, br, TWELVE_MONTHS), Charts.PALETTE[1], 1.8f, false,
                                true));
                rolling.add(new Chart("rolling-beta", "OLS beta of the agent's daily returns on " + bName
                        + " over the trailing 126 and 252 trading days; dashed: 1", Charts.lineChartWithReference(
                        "rolling-beta", "Rolling beta to " + bName, "Beta", rDates, beta, Charts.Scale.RATIO, 1)));
            }
        }

        List<DrawdownRow> dd = new ArrayList<>();
        int rank = 1;
        for (DrawdownPeriods.Period p : DrawdownPeriods.worst(dates, agent.nav(), WORST_DRAWDOWNS)) {
            dd.add(new DrawdownRow(rank++, p.peak().toString(), p.valley().toString(),
                    p.recovered() ? p.recovery().toString() : "not recovered", Fmt.pct(p.depth()),
                    Fmt.raw(p.depth()), String.format(Locale.ROOT, "%,d", p.days())));
        }
        return new TearSheetView(TRAILING, trailing, heat, returnCharts, rolling, dd, bLabel);
    }

    private static TrailingRow trailingRow(String name, String key, Map<String, Double> values, boolean agent) {
        List<ReportView.Cell> cells = new ArrayList<>();
        for (String k : TRAILING_KEYS) {
            double v = values.get(k);
            cells.add(new ReportView.Cell(k, Fmt.pct(v), Fmt.raw(v)));
        }
        return new TrailingRow(name, key, agent, cells);
    }

    /** A heatmap cell: blue for gains, vermillion for losses (colour-blind safe), full colour at ±10 %. */
    static HeatCell heatCell(double v) {
        if (!Double.isFinite(v)) {
            return new HeatCell(Fmt.NONE, Fmt.raw(v), "");
        }
        double t = Math.min(1, Math.abs(v) / HEAT_CAP);
        Color c = v >= 0 ? new Color(0x2166AC) : new Color(0xB2182B);
        int red = (int) Math.round(255 + (c.getRed() - 255) * t);
        int green = (int) Math.round(255 + (c.getGreen() - 255) * t);
        int blue = (int) Math.round(255 + (c.getBlue() - 255) * t);
        String ink = t > 0.55 ? "#fff" : "#212529";
        return new HeatCell(String.format(Locale.ROOT, "%.1f", v * 100), Fmt.raw(v),
                String.format(Locale.ROOT, "background:#%02x%02x%02x;color:%s", red, green, blue, ink));
    }
}
