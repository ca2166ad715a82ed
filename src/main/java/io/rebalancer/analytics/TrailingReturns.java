package io.rebalancer.analytics;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Returns over the windows that end at the last close of a NAV series (docs/METRICS.md, "Tear sheet"). A window has
 * an anchor day A: for MTD the last day of the previous month, for YTD 31 December of the previous year, otherwise
 * the last close minus the period (calendar months/years, {@link LocalDate#minus}). The window's return is
 * {@code NAV_end / NAV_anchor - 1}, NAV_anchor the last close on or before A. When the series starts after A by at
 * most {@link #GRACE_DAYS} calendar days, the first close is the anchor (a run from 2015-01-02 to 2024-12-31 has a
 * 10-year figure); otherwise the window is not covered and its value is NaN. Windows longer than a year are
 * annualised like CAGR: {@code (1 + R)^(252 / k) - 1}, k = the daily returns inside the window.
 */
public record TrailingReturns(double mtd, double m3, double m6, double ytd, double y1, double y3Annualised,
                              double y5Annualised, double y10Annualised) {

    /** How far (calendar days) the first close may lie after a window's anchor and still stand for it. */
    public static final int GRACE_DAYS = 7;

    public static TrailingReturns of(List<LocalDate> dates, double[] nav) {
        CalendarReturns.checkSeries(dates, nav);
        LocalDate end = dates.get(dates.size() - 1);
        return new TrailingReturns(
                window(dates, nav, end.withDayOfMonth(1).minusDays(1), false),
                window(dates, nav, end.minus(Period.ofMonths(3)), false),
                window(dates, nav, end.minus(Period.ofMonths(6)), false),
                window(dates, nav, LocalDate.of(end.getYear() - 1, 12, 31), false),
                window(dates, nav, end.minus(Period.ofYears(1)), false),
                window(dates, nav, end.minus(Period.ofYears(3)), true),
                window(dates, nav, end.minus(Period.ofYears(5)), true),
                window(dates, nav, end.minus(Period.ofYears(10)), true));
    }

    /** Under the metrics.json names, in table order. */
    public Map<String, Double> toMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("return_mtd", mtd);
        m.put("return_3m", m3);
        m.put("return_6m", m6);
        m.put("return_ytd", ytd);
        m.put("return_1y", y1);
        m.put("return_3y_annualised", y3Annualised);
        m.put("return_5y_annualised", y5Annualised);
        m.put("return_10y_annualised", y10Annualised);
        return m;
    }

    static double window(List<LocalDate> dates, double[] nav, LocalDate anchor, boolean annualise) {
        int a = -1;
        for (int i = dates.size() - 1; i >= 0; i--) {
            if (!dates.get(i).isAfter(anchor)) {
                a = i;
                break;
            }
        }
        if (a < 0) {
            if (dates.get(0).isAfter(anchor.plusDays(GRACE_DAYS))) {
                return Double.NaN;
            }
            a = 0;
        }
        int last = nav.length - 1;
        int k = last - a;
        if (k == 0) {
            return 0;
        }
        double r = nav[last] / nav[a] - 1;
        return annualise ? Math.pow(1 + r, (double) ReturnStats.PERIODS_PER_YEAR / k) - 1 : r;
    }
}
