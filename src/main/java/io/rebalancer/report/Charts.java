package io.rebalancer.report;

import io.rebalancer.domain.Regime;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JFreeChart charts rendered to inline SVG (JFreeSVG) that scale with their viewBox. */
final class Charts {
    static final int WIDTH = 960;
    static final int HEIGHT = 380;

    /**
     * Series colours, colour-blind safe: Okabe-Ito (blue for the agent, then vermillion, sky blue, bluish green,
     * reddish purple, orange, a darkened yellow), then Paul Tol's muted indigo, olive, wine, teal, rose. The
     * benchmark is always {@link #BENCHMARK}, black and dashed.
     */
    static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x56B4E9),
        new Color(0x009E73), new Color(0xCC79A7), new Color(0xE69F00), new Color(0xB8A800), new Color(0x332288),
        new Color(0x999933), new Color(0x882255), new Color(0x44AA99), new Color(0xCC6677), new Color(0x117733),
        new Color(0xAA4499)};
    static final Color BENCHMARK = new Color(0x000000);
    /** Positive / negative effects (Okabe-Ito blue and vermillion), readable with any colour vision. */
    static final Color POSITIVE = new Color(0x0072B2);
    static final Color NEGATIVE = new Color(0xD55E00);

    /** Regime shading (translucent) and its legend colours as CSS. */
    static final Map<Regime, Color> REGIME_COLOURS = new EnumMap<>(Map.of(
            Regime.LOW_VOL, new Color(0x40, 0xc0, 0x57, 40),
            Regime.MODERATE, new Color(0xad, 0xb5, 0xbd, 0),
            Regime.HIGH_VOL, new Color(0xfa, 0xb0, 0x05, 55),
            Regime.CRISIS, new Color(0xe0, 0x31, 0x31, 60)));

    /** Longer series are reduced to the first, lowest, highest and last point of each of MAX_POINTS / 4 buckets. */
    static final int MAX_POINTS = 1200;

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {
    }

    /**
     * Draws a small throw-away chart of each kind the report uses, so that the first real report does not pay for
     * loading Java2D's fonts and JFreeChart's classes (a few tenths of a second): meant for a background thread
     * started while the backtest runs, when one of the two cores is mostly idle. Draws nothing anywhere.
     */
    public static void warmUp() {
        List<LocalDate> dates = List.of(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 4));
        List<Line> lines = List.of(Line.of("a", new double[] {1, 1.1, 1.05}, PALETTE[0]),
                new Line("b", new double[] {1, 0.9, 0.95}, PALETTE[1], 1.3f, true, true));
        List<Regime> regimes = List.of(Regime.LOW_VOL, Regime.MODERATE, Regime.HIGH_VOL);
        lineChart("warm-up", "Warm-up", "NAV", dates, lines, Scale.NAV, regimes);
        lineChart("warm-up-log", "Warm-up", "NAV", dates, lines, Scale.LOG_NAV, null);
        barsOverTime("warm-up-bars", "Warm-up", "Regret", dates, new double[] {0.1, -0.2, 0.05}, PALETTE[1]);
    }

    /** One line of a line chart; {@code dashed} for targets and thresholds. */
    record Line(String name, double[] values, Color colour, float width, boolean dashed, boolean inLegend) {
        static Line of(String name, double[] values, Color colour) {
            return new Line(name, values, colour, 1.4f, false, true);
        }
    }

    /** Y-axis formats. */
    enum Scale { PERCENT, NAV, LOG_NAV, PERCENT_POINTS, RATIO }

    static String lineChart(String id, String title, String yLabel, List<LocalDate> dates, List<Line> lines,
            Scale scale, List<Regime> regimes) {
        DefaultXYDataset data = new DefaultXYDataset();
        double[] x = new double[dates.size()];
        for (int d = 0; d < x.length; d++) {
            x[d] = dates.get(d).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        int s = 0;
        for (Line line : lines) {
            double[] y = line.values().clone();
            if (scale == Scale.LOG_NAV) {
                for (int i = 0; i < y.length; i++) {
                    if (!(y[i] > 0)) {
                        y[i] = Double.NaN;
                    }
                }
            }
            data.addSeries(line.name(), decimate(x, y, MAX_POINTS));
            renderer.setSeriesPaint(s, line.colour());
            renderer.setSeriesStroke(s, line.dashed()
                    ? new BasicStroke(line.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                            new float[] {5f, 4f}, 0f)
                    : new BasicStroke(line.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            renderer.setSeriesVisibleInLegend(s, line.inLegend());
            s++;
        }
        DateAxis xAxis = new DateAxis();
        TickLabels.apply(xAxis);
        xAxis.setTickLabelFont(TICK);
        ValueAxis yAxis;
        if (scale == Scale.LOG_NAV) {
            LogAxis log = new OneTwoFiveLogAxis(yLabel);
            log.setBase(10);
            log.setSmallestValue(1e-6);
            yAxis = log;
        } else {
            NumberAxis num = new NumberAxis(yLabel);
            num.setAutoRangeIncludesZero(scale == Scale.PERCENT_POINTS);
            TickLabels.apply(num, switch (scale) {
                case PERCENT -> TickLabels.Kind.PERCENT;
                case PERCENT_POINTS -> TickLabels.Kind.SIGNED_PERCENT;
                case RATIO -> TickLabels.Kind.RATIO;
                default -> TickLabels.Kind.MONEY;
            });
            yAxis = num;
        }
        yAxis.setLabelFont(LABEL);
        yAxis.setTickLabelFont(TICK);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        style(plot);
        if (regimes != null && !regimes.isEmpty()) {
            shadeRegimes(plot, x, regimes);
        }
        return svg(id, chart(title, plot));
    }

    /** Bars at dates (e.g. regret per decision). */
    static String barsOverTime(String id, String title, String yLabel, List<LocalDate> dates, double[] values,
            Color colour) {
        DefaultXYDataset data = new DefaultXYDataset();
        double[] x = new double[dates.size()];
        for (int d = 0; d < x.length; d++) {
            x[d] = dates.get(d).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        data.addSeries(yLabel, new double[][] {x, values.clone()});
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, colour);
        renderer.setMargin(0);
        DateAxis xAxis = new DateAxis();
        TickLabels.apply(xAxis);
        xAxis.setTickLabelFont(TICK);
        NumberAxis yAxis = new NumberAxis(yLabel);
        yAxis.setLabelFont(LABEL);
        yAxis.setTickLabelFont(TICK);
        TickLabels.apply(yAxis, TickLabels.Kind.PERCENT);
        XYPlot plot = new XYPlot(new org.jfree.data.xy.XYBarDataset(data, 86_400_000.0 * 4), xAxis, yAxis, renderer);
        style(plot);
        JFreeChart chart = chart(title, plot);
        chart.removeLegend();
        return svg(id, chart);
    }

    /** Grouped bars: one group per category, one bar per series (e.g. allocation/selection/interaction by sector). */
    static String groupedBars(String id, String title, String yLabel, List<String> categories, List<String> series,
            double[][] values) {
        Color[] colours = new Color[series.size()];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = PALETTE[(i + 1) % PALETTE.length];
        }
        return groupedBars(id, title, yLabel, categories, series, values, colours);
    }

    static String groupedBars(String id, String title, String yLabel, List<String> categories, List<String> series,
            double[][] values, Color[] colours) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int sIdx = 0; sIdx < series.size(); sIdx++) {
            for (int c = 0; c < categories.size(); c++) {
                data.addValue(values[sIdx][c], series.get(sIdx), categories.get(c));
            }
        }
        CategoryAxis xAxis = new CategoryAxis();
        xAxis.setTickLabelFont(LABEL);
        NumberAxis yAxis = new NumberAxis(yLabel);
        yAxis.setLabelFont(LABEL);
        yAxis.setTickLabelFont(TICK);
        TickLabels.apply(yAxis, TickLabels.Kind.SIGNED_PERCENT);
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int sIdx = 0; sIdx < series.size(); sIdx++) {
            renderer.setSeriesPaint(sIdx, colours[sIdx]);
        }
        CategoryPlot plot = new CategoryPlot(data, xAxis, yAxis, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdee2e6));
        plot.setOutlineVisible(false);
        return svg(id, chart(title, plot));
    }

    /**
     * Keeps at most about {@code max} points of a line without losing its extremes: each bucket of consecutive
     * points contributes its first, lowest, highest and last point, in order (a chart is under 1000 px wide, so
     * nothing visible is lost). NaN points are kept as gaps.
     */
    static double[][] decimate(double[] x, double[] y, int max) {
        int n = x.length;
        if (n <= max) {
            return new double[][] {x, y};
        }
        int buckets = Math.max(1, max / 4);
        double[] ox = new double[buckets * 5];
        double[] oy = new double[buckets * 5];
        int k = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            int lo = -1;
            int hi = -1;
            boolean gap = false;
            for (int i = from; i < to; i++) {
                if (Double.isNaN(y[i])) {
                    gap = true;
                    continue;
                }
                if (lo < 0 || y[i] < y[lo]) {
                    lo = i;
                }
                if (hi < 0 || y[i] > y[hi]) {
                    hi = i;
                }
            }
            int[] keep = {from, Math.min(lo, hi), Math.max(lo, hi), to - 1};
            int last = -1;
            for (int i : keep) {
                if (i >= 0 && i > last) {
                    ox[k] = x[i];
                    oy[k] = y[i];
                    k++;
                    last = i;
                }
            }
            if (gap) {
                ox[k] = x[to - 1];
                oy[k] = Double.NaN;
                k++;
            }
        }
        return new double[][] {java.util.Arrays.copyOf(ox, k), java.util.Arrays.copyOf(oy, k)};
    }

    /**
     * A histogram of each series over the same bins (relative frequency, translucent so overlaps show).
     *
     * @param binWidth width of a bin in the values' unit; bins are aligned to multiples of it
     */
    static String histogram(String id, String title, String xLabel, List<String> names, List<double[]> values,
            Color[] colours, double binWidth, double clip) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] v : values) {
            for (double x : v) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        lo = Math.floor(lo / binWidth) * binWidth;
        hi = Math.ceil(hi / binWidth) * binWidth;
        int bins = Math.max(1, (int) Math.round((hi - lo) / binWidth));
        org.jfree.data.statistics.HistogramDataset data = new org.jfree.data.statistics.HistogramDataset();
        data.setType(org.jfree.data.statistics.HistogramType.RELATIVE_FREQUENCY);
        for (int i = 0; i < names.size(); i++) {
            data.addSeries(names.get(i), values.get(i), bins, lo, hi);
        }
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        for (int i = 0; i < names.size(); i++) {
            Color c = colours[i];
            renderer.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), i == 0 ? 150 : 120));
        }
        NumberAxis xAxis = new NumberAxis(xLabel);
        xAxis.setLabelFont(LABEL);
        xAxis.setTickLabelFont(TICK);
        TickLabels.apply(xAxis, TickLabels.Kind.SIGNED_PERCENT);
        if (Double.isFinite(clip) && clip > 0) {
            xAxis.setRange(-clip, clip);
        }
        NumberAxis yAxis = new NumberAxis("Share of days");
        yAxis.setLabelFont(LABEL);
        yAxis.setTickLabelFont(TICK);
        TickLabels.apply(yAxis, TickLabels.Kind.PERCENT);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        style(plot);
        return svg(id, chart(title, plot));
    }

    /** A line chart with a horizontal reference line (e.g. beta 1, Sharpe 0). */
    static String lineChartWithReference(String id, String title, String yLabel, List<LocalDate> dates,
            List<Line> lines, Scale scale, double reference) {
        List<Line> all = new ArrayList<>(lines);
        double[] ref = new double[dates.size()];
        java.util.Arrays.fill(ref, reference);
        all.add(new Line("reference", ref, new Color(0x868e96), 1f, true, false));
        return lineChart(id, title, yLabel, dates, all, scale, null);
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xe9ecef));
        plot.setRangeGridlinePaint(new Color(0xdee2e6));
        plot.setOutlineVisible(false);
    }

    private static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        TextTitle t = chart.getTitle();
        t.setPaint(new Color(0x212529));
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(TICK);
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }

    private static void shadeRegimes(XYPlot plot, double[] x, List<Regime> regimes) {
        int start = 0;
        for (int d = 1; d <= regimes.size(); d++) {
            if (d == regimes.size() || regimes.get(d) != regimes.get(start)) {
                Regime r = regimes.get(start);
                Color c = r == null ? null : REGIME_COLOURS.get(r);
                if (c != null && c.getAlpha() > 0) {
                    double from = x[start] - 43_200_000.0;
                    double to = x[d - 1] + 43_200_000.0;
                    IntervalMarker m = new IntervalMarker(from, to, c);
                    m.setOutlinePaint(null);
                    plot.addDomainMarker(m, Layer.BACKGROUND);
                }
                start = d;
            }
        }
    }

    private static String svg(String id, JFreeChart chart) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setDefsKeyPrefix(id + "-");
        g.setGeomDoubleConverter(Charts::round1);
        g.setTransformDoubleConverter(Charts::round2);
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }

    private static String round1(double v) {
        return trim(Math.round(v * 10) / 10.0);
    }

    private static String round2(double v) {
        return trim(Math.round(v * 100) / 100.0);
    }

    private static String trim(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** A log axis with ticks at 1, 2 and 5 times the powers of ten inside its range, labelled in compact money. */
    static final class OneTwoFiveLogAxis extends LogAxis {
        OneTwoFiveLogAxis(String label) {
            super(label);
        }

        @Override
        protected List refreshTicksVertical(java.awt.Graphics2D g2, java.awt.geom.Rectangle2D dataArea,
                RectangleEdge edge) {
            List<org.jfree.chart.axis.NumberTick> ticks = new ArrayList<>();
            for (double v : oneTwoFive(getLowerBound(), getUpperBound())) {
                ticks.add(new org.jfree.chart.axis.NumberTick(org.jfree.chart.axis.TickType.MAJOR, v,
                        Fmt.compactMoney(v), org.jfree.chart.ui.TextAnchor.CENTER_RIGHT,
                        org.jfree.chart.ui.TextAnchor.CENTER_RIGHT, 0));
            }
            return ticks;
        }
    }

    /**
     * 1, 2, 5 x 10^k within [lo, hi]. A range too narrow to hold three of them gets every integer mantissa
     * (1, 2, ..., 9 x 10^k), then tenths of a mantissa, thinned to at most eight ticks.
     */
    static List<Double> oneTwoFive(double lo, double hi) {
        List<Double> out = ticks(lo, hi, new double[] {1, 2, 5});
        if (out.size() < 3) {
            out = ticks(lo, hi, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        }
        if (out.size() < 3) {
            double[] tenths = new double[90];
            for (int i = 0; i < 90; i++) {
                tenths[i] = 1 + i / 10.0;
            }
            out = ticks(lo, hi, tenths);
        }
        if (out.size() > 8) {
            int step = (out.size() + 7) / 8;
            List<Double> thin = new ArrayList<>();
            for (int i = 0; i < out.size(); i += step) {
                thin.add(out.get(i));
            }
            out = thin;
        }
        return out;
    }

    private static List<Double> ticks(double lo, double hi, double[] mantissas) {
        List<Double> out = new ArrayList<>();
        if (lo > 0 && hi > lo) {
            for (int e = (int) Math.floor(Math.log10(lo)); e <= (int) Math.ceil(Math.log10(hi)); e++) {
                for (double m : mantissas) {
                    double v = Math.round(m * 10) / 10.0 * Math.pow(10, e);
                    if (v >= lo && v <= hi) {
                        out.add(v);
                    }
                }
            }
        }
        return out;
    }

    static List<Line> withDashedTargets(List<Line> lines, double[] targets) {
        List<Line> out = new ArrayList<>(lines);
        for (int i = 0; i < targets.length; i++) {
            Line l = lines.get(i);
            double[] t = new double[l.values().length];
            java.util.Arrays.fill(t, targets[i]);
            out.add(new Line(l.name() + " target", t, l.colour(), 1f, true, false));
        }
        return out;
    }
}
