package io.rebalancer.explain;

import java.util.Locale;

/** Numbers as the explanations write them (as the cli's console reports do). */
final class Figures {
    private Figures() {
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static String pct(double fraction) {
        return Double.isFinite(fraction) ? f("%.2f %%", fraction * 100) : "n/a";
    }

    static String pp(double fraction) {
        return Double.isFinite(fraction) ? f("%+.2f pp", fraction * 100) : "n/a";
    }
}
