package io.rebalancer.analytics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compounded returns per calendar month and per calendar year of a NAV series at daily closes: a period's return is
 * its last close over the last close before it, minus 1 (the first period starts at the first close, so a run that
 * starts inside a month or year has a partial first period, as quantstats' {@code monthly_returns} does).
 *
 * @param monthly return per month, ascending
 * @param yearly return per year, ascending
 */
public record CalendarReturns(Map<YearMonth, Double> monthly, Map<Integer, Double> yearly) {

    public CalendarReturns {
        monthly = Collections.unmodifiableMap(new LinkedHashMap<>(monthly));
        yearly = Collections.unmodifiableMap(new LinkedHashMap<>(yearly));
    }

    /**
     * @param dates ascending closes, one per NAV value
     * @param nav positive NAV at each close
     */
    public static CalendarReturns of(List<LocalDate> dates, double[] nav) {
        checkSeries(dates, nav);
        Map<YearMonth, Double> monthly = new LinkedHashMap<>();
        Map<Integer, Double> yearly = new LinkedHashMap<>();
        double monthStart = nav[0];
        double yearStart = nav[0];
        for (int i = 1; i < nav.length; i++) {
            LocalDate d = dates.get(i);
            boolean lastOfMonth = i == nav.length - 1 || !YearMonth.from(dates.get(i + 1)).equals(YearMonth.from(d));
            boolean lastOfYear = i == nav.length - 1 || dates.get(i + 1).getYear() != d.getYear();
            if (lastOfMonth) {
                monthly.put(YearMonth.from(d), nav[i] / monthStart - 1);
                monthStart = nav[i];
            }
            if (lastOfYear) {
                yearly.put(d.getYear(), nav[i] / yearStart - 1);
                yearStart = nav[i];
            }
        }
        return new CalendarReturns(monthly, yearly);
    }

    public double[] monthlyValues() {
        return monthly.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    public double[] yearlyValues() {
        return yearly.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    static void checkSeries(List<LocalDate> dates, double[] nav) {
        Checks.positive(nav, "nav");
        if (dates == null || dates.size() != nav.length) {
            throw new IllegalArgumentException("dates has " + (dates == null ? "no" : dates.size()) + " values but nav has "
                    + nav.length + "; they must be aligned");
        }
        for (int i = 1; i < dates.size(); i++) {
            if (!dates.get(i).isAfter(dates.get(i - 1))) {
                throw new IllegalArgumentException("dates[" + i + "] = " + dates.get(i) + " is not after dates[" + (i - 1)
                        + "] = " + dates.get(i - 1) + "; dates must ascend");
            }
        }
    }
}
