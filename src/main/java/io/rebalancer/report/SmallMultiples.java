package io.rebalancer.report;

import java.awt.Color;
import java.util.Locale;

/**
 * Small-multiple panels as hand-written inline SVG: one small chart per position instead of thirteen lines on one
 * plot. Each panel draws a shaded band (e.g. target ± the critical threshold in force), an optional dashed reference
 * line and the series; text is escaped here because the SVG is inserted as markup.
 */
final class SmallMultiples {
    static final int W = 240;
    static final int H = 110;
    private static final int LEFT = 34;
    private static final int RIGHT = 6;
    private static final int TOP = 18;
    private static final int BOTTOM = 14;
    private static final int POINTS = 240;

    private SmallMultiples() {
    }

    /**
     * @param values the series (fractions), one per day
     * @param bandLo lower edge of the shaded band per day, or null
     * @param bandHi upper edge per day, or null
     * @param reference dashed horizontal line (NaN for none)
     * @param yMin bottom of the y range; {@code yMax} its top (pass NaN for both to fit the data)
     */
    static String panel(String id, String title, String value, double[] values, double[] bandLo, double[] bandHi,
            double reference, double yMin, double yMax, Color colour) {
        int n = values.length;
        if (Double.isNaN(yMin) || Double.isNaN(yMax)) {
            yMin = Double.POSITIVE_INFINITY;
            yMax = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                yMin = Math.min(yMin, Math.min(values[i], bandLo == null ? values[i] : bandLo[i]));
                yMax = Math.max(yMax, Math.max(values[i], bandHi == null ? values[i] : bandHi[i]));
            }
            if (Double.isFinite(reference)) {
                yMin = Math.min(yMin, reference);
                yMax = Math.max(yMax, reference);
            }
            double pad = (yMax - yMin) * 0.06 + 1e-9;
            yMin -= pad;
            yMax += pad;
        }
        double plotW = W - LEFT - RIGHT;
        double plotH = H - TOP - BOTTOM;
        double lo = yMin;
        double span = yMax - yMin;
        java.util.function.IntToDoubleFunction x = i -> LEFT + (n == 1 ? 0 : plotW * i / (n - 1));
        java.util.function.DoubleUnaryOperator y = v -> TOP + plotH * (1 - (clamp(v, lo, lo + span) - lo) / span);
        StringBuilder sb = new StringBuilder(4096);
        sb.append(String.format(Locale.ROOT, "<svg id=\"%s\" class=\"sm\" viewBox=\"0 0 %d %d\" role=\"img\" "
                + "aria-label=\"%s\" xmlns=\"http://www.w3.org/2000/svg\">", esc(id), W, H, esc(title)));
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" fill=\"#fff\" "
                + "stroke=\"#dee2e6\"/>", LEFT, TOP, plotW, plotH));
        int step = Math.max(1, n / POINTS);
        if (bandLo != null && bandHi != null) {
            sb.append("<path fill=\"rgba(0,114,178,0.12)\" stroke=\"none\" d=\"");
            boolean first = true;
            for (int i = 0; i < n; i += step) {
                sb.append(first ? 'M' : 'L').append(num(x.applyAsDouble(i))).append(',').append(num(y.applyAsDouble(bandHi[i])));
                first = false;
            }
            for (int i = ((n - 1) / step) * step; i >= 0; i -= step) {
                sb.append('L').append(num(x.applyAsDouble(i))).append(',').append(num(y.applyAsDouble(bandLo[i])));
            }
            sb.append("Z\"/>");
        }
        if (Double.isFinite(reference)) {
            double ry = y.applyAsDouble(reference);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%.0f\" y1=\"%s\" y2=\"%s\" stroke=\"#495057\" "
                    + "stroke-width=\"1\" stroke-dasharray=\"4 3\"/>", LEFT, LEFT + plotW, num(ry), num(ry)));
        }
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i;
        }
        double[][] d = Charts.decimate(xs, values, POINTS);
        sb.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"#%06x\" stroke-width=\"1.3\" "
                + "stroke-linejoin=\"round\" points=\"", colour.getRGB() & 0xffffff));
        for (int i = 0; i < d[0].length; i++) {
            if (Double.isFinite(d[1][i])) {
                sb.append(num(x.applyAsDouble((int) d[0][i]))).append(',').append(num(y.applyAsDouble(d[1][i]))).append(' ');
            }
        }
        sb.append("\"/>");
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"12\" font-size=\"11\" font-weight=\"600\" "
                + "fill=\"#212529\">%s</text>", LEFT, esc(title)));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"12\" font-size=\"10\" text-anchor=\"end\" "
                + "fill=\"#495057\">%s</text>", W - RIGHT, esc(value)));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%s\" font-size=\"9\" text-anchor=\"end\" "
                + "fill=\"#6c757d\">%s</text>", LEFT - 3, num(TOP + 8), esc(axis(yMax))));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%s\" font-size=\"9\" text-anchor=\"end\" "
                + "fill=\"#6c757d\">%s</text>", LEFT - 3, num(TOP + plotH), esc(axis(yMin))));
        sb.append("</svg>");
        return sb.toString();
    }

    private static String axis(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** One decimal, without String.format (this runs for every point of 26 panels). */
    private static String num(double v) {
        long tenths = Math.round(v * 10);
        long abs = Math.abs(tenths);
        return (tenths < 0 ? "-" : "") + abs / 10 + "." + abs % 10;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
