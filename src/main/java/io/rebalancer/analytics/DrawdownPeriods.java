package io.rebalancer.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The drawdown episodes of a NAV series at daily closes (as pyfolio's "worst drawdown periods"): an episode starts at
 * a peak (the last close at the running high before NAV falls below it), reaches its valley (the lowest close before
 * recovery) and recovers at the first later close at or above the peak. {@code days} counts calendar days from peak
 * to recovery, or to the last close for an episode not yet recovered.
 */
public final class DrawdownPeriods {
    private DrawdownPeriods() {
    }

    /**
     * @param recovery null when NAV had not regained the peak by the last close
     * @param depth valley NAV / peak NAV - 1 (negative)
     */
    public record Period(LocalDate peak, LocalDate valley, LocalDate recovery, double depth, long days) {
        public boolean recovered() {
            return recovery != null;
        }
    }

    /** Every episode, deepest first (ties: earlier first). */
    public static List<Period> of(List<LocalDate> dates, double[] nav) {
        CalendarReturns.checkSeries(dates, nav);
        List<Period> out = new ArrayList<>();
        int peak = 0;
        int valley = -1;
        for (int i = 1; i < nav.length; i++) {
            if (nav[i] >= nav[peak]) {
                if (valley >= 0) {
                    out.add(period(dates, nav, peak, valley, i));
                    valley = -1;
                }
                peak = i;
            } else if (valley < 0 || nav[i] < nav[valley]) {
                valley = i;
            }
        }
        if (valley >= 0) {
            out.add(period(dates, nav, peak, valley, -1));
        }
        out.sort(Comparator.comparingDouble(Period::depth).thenComparing(Period::peak));
        return out;
    }

    /** The {@code k} deepest episodes. */
    public static List<Period> worst(List<LocalDate> dates, double[] nav, int k) {
        List<Period> all = of(dates, nav);
        return all.subList(0, Math.min(k, all.size()));
    }

    private static Period period(List<LocalDate> dates, double[] nav, int peak, int valley, int recovery) {
        LocalDate end = recovery < 0 ? dates.get(dates.size() - 1) : dates.get(recovery);
        return new Period(dates.get(peak), dates.get(valley), recovery < 0 ? null : dates.get(recovery),
                nav[valley] / nav[peak] - 1, ChronoUnit.DAYS.between(dates.get(peak), end));
    }
}
