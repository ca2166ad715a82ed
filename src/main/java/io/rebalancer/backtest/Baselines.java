package io.rebalancer.backtest;

import java.time.LocalDate;
import java.util.List;

/**
 * The baseline strategies run beside the agent, on the same prices and costs. Each starts fully invested at
 * target at the close of {@code from} and, when its rule fires at a day's close, trades every position back to
 * target at that close:
 * <ul>
 *   <li>{@code buy_and_hold}: never;</li>
 *   <li>{@code monthly}: the first trading day of each later calendar month;</li>
 *   <li>{@code quarterly}: the first trading day of January, April, July and October;</li>
 *   <li>{@code annual}: the first trading day of January;</li>
 *   <li>{@code band_5_25}: any position's |w - t| exceeds 5 percentage points or 25 % of its target;</li>
 *   <li>{@code band_abs_3}: any position's |w - t| exceeds 3 percentage points.</li>
 * </ul>
 */
public final class Baselines {
    public static final String BUY_AND_HOLD = "buy_and_hold";
    public static final String MONTHLY = "monthly";
    public static final String QUARTERLY = "quarterly";
    public static final String ANNUAL = "annual";
    public static final String BAND_5_25 = "band_5_25";
    public static final String BAND_ABS_3 = "band_abs_3";
    public static final List<String> NAMES = List.of(BUY_AND_HOLD, MONTHLY, QUARTERLY, ANNUAL, BAND_5_25, BAND_ABS_3);

    private Baselines() {
    }

    /** A rule deciding at a day's close whether to trade back to target. */
    @FunctionalInterface
    public interface Rule {
        /**
         * @param date     this trading day
         * @param previous the previous trading day of the run (never null: the first day never asks)
         * @param weights  weights at this close before trading
         * @param targets  target weights
         */
        boolean rebalance(LocalDate date, LocalDate previous, double[] weights, double[] targets);
    }

    public static Rule rule(String name) {
        return switch (name) {
            case BUY_AND_HOLD -> (d, p, w, t) -> false;
            case MONTHLY -> (d, p, w, t) -> d.getMonthValue() != p.getMonthValue() || d.getYear() != p.getYear();
            case QUARTERLY -> (d, p, w, t) -> newMonth(d, p) && (d.getMonthValue() - 1) % 3 == 0;
            case ANNUAL -> (d, p, w, t) -> d.getYear() != p.getYear();
            case BAND_5_25 -> (d, p, w, t) -> band(w, t, 0.05, 0.25);
            case BAND_ABS_3 -> (d, p, w, t) -> band(w, t, 0.03, Double.POSITIVE_INFINITY);
            default -> throw new IllegalArgumentException("unknown baseline '" + name + "'; known: " + NAMES);
        };
    }

    private static boolean newMonth(LocalDate d, LocalDate p) {
        return d.getMonthValue() != p.getMonthValue() || d.getYear() != p.getYear();
    }

    /** True when some position's |w - t| exceeds {@code absolute}, or exceeds {@code relative} x its target. */
    static boolean band(double[] w, double[] t, double absolute, double relative) {
        for (int i = 0; i < t.length; i++) {
            double drift = Math.abs(w[i] - t[i]);
            if (drift > absolute + 1e-12 || drift > relative * t[i] + 1e-12) {
                return true;
            }
        }
        return false;
    }
}
