package io.rebalancer.report;

import java.util.Locale;

/** Number formatting for the page: fixed decimals, ROOT locale, an em dash for a missing (NaN) value. */
final class Fmt {
    static final String NONE = "\u2014";

    private Fmt() {
    }

    /** 0.1234 -> "12.34 %". */
    static String pct(double v) {
        return pct(v, 2);
    }

    static String pct(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f %%", v * 100) : NONE;
    }

    /** Signed percent: 0.0123 -> "+1.23 %". */
    static String signedPct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.2f %%", v * 100) : NONE;
    }

    /** Basis points with sign: 0.00123 -> "+12.3 bp". */
    static String bp(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.1f bp", v * 10_000) : NONE;
    }

    static String ratio(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "+\u221e";
        }
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : NONE;
    }

    static String money(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.0f", v) : NONE;
    }

    /** Compact money for axes and cards: 950 -> "950", 1500 -> "1.5k", 2000000 -> "2M", 2.5e9 -> "2.5B". */
    static String compactMoney(double v) {
        if (!Double.isFinite(v)) {
            return NONE;
        }
        double a = Math.abs(v);
        String[] suffix = {"", "k", "M", "B", "T"};
        int i = 0;
        while (a >= 1000 && i < suffix.length - 1) {
            a /= 1000;
            i++;
        }
        String num = a >= 100 || a == Math.rint(a) ? String.format(Locale.ROOT, "%.0f", a)
                : String.format(Locale.ROOT, a >= 10 ? "%.1f" : "%.2f", a).replaceAll("\\.?0+$", "");
        return (v < 0 ? "-" : "") + num + suffix[i];
    }

    static String shares(double v) {
        if (!Double.isFinite(v)) {
            return NONE;
        }
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.2f", v);
    }

    /** The exact value for a data attribute: Double.toString, "NaN" / "Infinity" as Java writes them. */
    static String raw(double v) {
        return Double.toString(v);
    }
}
