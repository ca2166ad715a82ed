package io.rebalancer.analytics;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tear-sheet metrics of a NAV series at daily closes beyond {@link PerformanceMetrics} (docs/METRICS.md,
 * "Tear sheet"): distribution shape, best and worst day, month and year, win rate, Omega, the benchmark-relative
 * figures and the trailing returns. Fractions throughout; NaN where a figure is undefined (no benchmark, too short).
 *
 * @param omega Omega ratio at a threshold of 0 a day
 * @param informationRatio annualised, {@code mean(r - b) / sd(r - b) * sqrt(252)}
 * @param alpha annualised arithmetic alpha to the benchmark, quantstats {@code greeks}
 * @param trackingErrorBenchmark {@code sd(r - b) * sqrt(252)}
 */
public record TearSheet(double skew, double kurtosis, double bestDay, double worstDay, double bestMonth,
                        double worstMonth, double bestYear, double worstYear, double winRate, double omega,
                        double informationRatio, double alpha, double trackingErrorBenchmark,
                        TrailingReturns trailing) {

    /**
     * @param dates ascending closes, one per NAV value
     * @param nav positive NAV at each close (at least two)
     * @param benchmarkReturns benchmark daily returns aligned to the NAV's returns, or null
     */
    public static TearSheet of(List<LocalDate> dates, double[] nav, double[] benchmarkReturns) {
        CalendarReturns.checkSeries(dates, nav);
        if (nav.length < 2) {
            throw new IllegalArgumentException("nav needs at least 2 values to have a return, got " + nav.length);
        }
        double[] r = ReturnStats.simpleReturns(nav);
        CalendarReturns cal = CalendarReturns.of(dates, nav);
        double[] months = cal.monthlyValues();
        double[] years = cal.yearlyValues();
        boolean bench = benchmarkReturns != null;
        return new TearSheet(Moments.skew(r), Moments.kurtosis(r), Moments.best(r), Moments.worst(r),
                Moments.best(months), Moments.worst(months), Moments.best(years), Moments.worst(years),
                Moments.winRate(r), Moments.omega(r, 0),
                bench ? Moments.informationRatio(r, benchmarkReturns) : Double.NaN,
                bench ? Moments.alpha(r, benchmarkReturns) : Double.NaN,
                bench ? Moments.trackingError(r, benchmarkReturns) : Double.NaN,
                TrailingReturns.of(dates, nav));
    }

    /** Under the metrics.json names (snake_case), in table order. */
    public Map<String, Double> toMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("skew", skew);
        m.put("kurtosis", kurtosis);
        m.put("best_day", bestDay);
        m.put("worst_day", worstDay);
        m.put("best_month", bestMonth);
        m.put("worst_month", worstMonth);
        m.put("best_year", bestYear);
        m.put("worst_year", worstYear);
        m.put("win_rate", winRate);
        m.put("omega", omega);
        m.put("information_ratio", informationRatio);
        m.put("alpha", alpha);
        m.put("tracking_error_benchmark", trackingErrorBenchmark);
        m.putAll(trailing.toMap());
        return m;
    }
}
