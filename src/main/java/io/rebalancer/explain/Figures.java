package io.rebalancer.explain;

import java.util.Locale;

/** Numbers as the explanations and the console reports write them: fixed locale, percent and pp of fractions. */
public final class Figures {
    private Figures() {
    }

    public static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    public static String pct(double fraction) {
        return Double.isFinite(fraction) ? f("%.2f %%", fraction * 100) : "n/a";
    }

    public static String pp(double fraction) {
        return Double.isFinite(fraction) ? f("%+.2f pp", fraction * 100) : "n/a";
    }
}
