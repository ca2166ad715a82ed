package io.rebalancer.report;

import io.rebalancer.analytics.AttributionResult;
import io.rebalancer.analytics.BrinsonFachler;
import io.rebalancer.analytics.Linking;
import io.rebalancer.analytics.SegmentReturn;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Monthly Brinson-Fachler attribution by sector of one portfolio leg against another, and contribution to
 * return per ticker, both exact by construction.
 *
 * <p>A leg is a daily NAV plus the weight of each ticker at each close (cash = 1 - Σ weights). On day d the
 * leg's return is r_d = NAV_d / NAV_{d-1} - 1; ticker i contributes w_{i,d-1}·r_{i,d} (r_i from adjusted
 * closes); the remainder (cash, trading costs) is the "Cash &amp; costs" segment. Over a period (a month, or the
 * whole run) the contribution of i is Σ_d (NAV_{d-1} / NAV_start)·w_{i,d-1}·r_{i,d}; contributions of all
 * segments sum to the period's return exactly. The segment weight of a period is its NAV-weighted average
 * weight and the segment return its contribution divided by that weight, so Σ w·r is the period's return and
 * the linked effects sum to the cumulative arithmetic excess.
 */
public final class SectorAttribution {

    /** Segment holding cash and trading costs (everything not explained by ticker returns). */
    public static final String CASH = "Cash & costs";
    /** Notional weight given to the cash segment in a period where it holds no cash but has costs. */
    static final double NOTIONAL_CASH_WEIGHT = 1e-6;

    private SectorAttribution() {
    }

    /** A portfolio leg: NAV per day and weight per ticker per day (at the close, after trades). */
    public record Leg(String name, double[] nav, Map<String, double[]> weights) {
    }

    /** The attribution of one leg against another plus per-ticker contributions over the whole run. */
    public record Result(String portfolioName, String benchmarkName, AttributionResult attribution,
                         List<SegmentReturn> rows, List<TickerContribution> contributions,
                         double portfolioCashContribution, double benchmarkCashContribution) {
    }

    /** Contribution of one ticker to each leg's return over the whole run (fractions). */
    public record TickerContribution(String ticker, String sector, double portfolio, double benchmark) {
        public double difference() {
            return portfolio - benchmark;
        }
    }

    /**
     * Attributes {@code portfolio} against {@code benchmark} by month.
     *
     * @param sectors sector of each ticker, in display order
     * @param adjClose adjusted close per ticker per day
     */
    public static Result attribute(List<LocalDate> dates, Map<String, String> sectors, Map<String, double[]> adjClose,
            Leg portfolio, Leg benchmark, Linking linking) {
        int n = dates.size();
        List<String> tickers = new ArrayList<>(sectors.keySet());
        List<String> segments = new ArrayList<>();
        sectors.values().forEach(s -> {
            if (!segments.contains(s)) {
                segments.add(s);
            }
        });
        double[][] r = new double[tickers.size()][n];
        for (int i = 0; i < tickers.size(); i++) {
            double[] p = adjClose.get(tickers.get(i));
            for (int d = 1; d < n; d++) {
                r[i][d] = p[d] / p[d - 1] - 1;
            }
        }
        List<int[]> months = months(dates);
        Period[] pp = new Period[months.size()];
        Period[] bb = new Period[months.size()];
        for (int m = 0; m < months.size(); m++) {
            pp[m] = contributions(portfolio, tickers, r, months.get(m)[0], months.get(m)[1]);
            bb[m] = contributions(benchmark, tickers, r, months.get(m)[0], months.get(m)[1]);
        }
        boolean cash = false;
        for (int m = 0; m < months.size(); m++) {
            cash |= pp[m].cashWeight != 0 || pp[m].cash != 0 || bb[m].cashWeight != 0 || bb[m].cash != 0;
        }
        List<SegmentReturn> rows = new ArrayList<>();
        for (int m = 0; m < months.size(); m++) {
            String period = YearMonth.from(dates.get(months.get(m)[1])).toString();
            double[][] p = bySegment(pp[m], tickers, sectors, segments, cash);
            double[][] b = bySegment(bb[m], tickers, sectors, segments, cash);
            for (int s = 0; s < p.length; s++) {
                String seg = s < segments.size() ? segments.get(s) : CASH;
                rows.add(SegmentReturn.of(period, seg, p[s][0], b[s][0], p[s][1], b[s][1]));
            }
        }
        AttributionResult result = BrinsonFachler.attribute(rows, linking);
        Period whole = contributions(portfolio, tickers, r, 1, n - 1);
        Period wholeB = contributions(benchmark, tickers, r, 1, n - 1);
        List<TickerContribution> tc = new ArrayList<>();
        for (int i = 0; i < tickers.size(); i++) {
            tc.add(new TickerContribution(tickers.get(i), sectors.get(tickers.get(i)), whole.contribution[i],
                    wholeB.contribution[i]));
        }
        return new Result(portfolio.name(), benchmark.name(), result, List.copyOf(rows), List.copyOf(tc), whole.cash,
                wholeB.cash);
    }

    /** [segment][0 = weight, 1 = return]; the cash segment last when present. */
    private static double[][] bySegment(Period period, List<String> tickers, Map<String, String> sectors,
            List<String> segments, boolean cash) {
        int k = segments.size() + (cash ? 1 : 0);
        double[] w = new double[k];
        double[] c = new double[k];
        for (int i = 0; i < tickers.size(); i++) {
            int s = segments.indexOf(sectors.get(tickers.get(i)));
            w[s] += period.weight[i];
            c[s] += period.contribution[i];
        }
        if (cash) {
            w[k - 1] = period.cashWeight;
            c[k - 1] = period.cash;
            if (Math.abs(w[k - 1]) < NOTIONAL_CASH_WEIGHT && c[k - 1] != 0) {
                // costs with no cash held: lend the cash segment a notional weight from the largest segment, whose
                // contribution stays the same (its return is recomputed), so Σ w·r is still the period's return
                int largest = 0;
                for (int s = 1; s < k - 1; s++) {
                    if (w[s] > w[largest]) {
                        largest = s;
                    }
                }
                double lend = NOTIONAL_CASH_WEIGHT - w[k - 1];
                w[largest] -= lend;
                w[k - 1] += lend;
            }
        }
        double[][] out = new double[k][2];
        for (int s = 0; s < k; s++) {
            out[s][0] = w[s];
            out[s][1] = w[s] == 0 ? 0 : c[s] / w[s];
        }
        return out;
    }

    private static final class Period {
        double[] weight;
        double[] contribution;
        double cashWeight;
        double cash;
    }

    /** Contributions over days from..to (returns of those days, inclusive). */
    private static Period contributions(Leg leg, List<String> tickers, double[][] r, int from, int to) {
        double[] nav = leg.nav();
        int k = tickers.size();
        double[][] w = new double[k][];
        for (int i = 0; i < k; i++) {
            w[i] = leg.weights().get(tickers.get(i));
            if (w[i] == null) {
                throw new IllegalArgumentException(leg.name() + " has no weights for " + tickers.get(i));
            }
        }
        Period p = new Period();
        p.weight = new double[k];
        p.contribution = new double[k];
        double start = nav[from - 1];
        double factorSum = 0;
        for (int d = from; d <= to; d++) {
            double f = nav[d - 1] / start;
            factorSum += f;
            double explained = 0;
            double invested = 0;
            for (int i = 0; i < k; i++) {
                double wi = w[i][d - 1];
                double c = wi * r[i][d];
                explained += c;
                invested += wi;
                p.contribution[i] += f * c;
                p.weight[i] += f * wi;
            }
            p.cash += f * (nav[d] / nav[d - 1] - 1 - explained);
            p.cashWeight += f * (1 - invested);
        }
        for (int i = 0; i < k; i++) {
            p.weight[i] /= factorSum;
        }
        p.cashWeight /= factorSum;
        if (Math.abs(p.cashWeight) < 1e-12) {
            p.cashWeight = 0;
        }
        if (Math.abs(p.cash) < 1e-12) {
            p.cash = 0;
        }
        return p;
    }

    /** [first day index, last day index] of the returns of each calendar month; day 0 has no return. */
    static List<int[]> months(List<LocalDate> dates) {
        Map<YearMonth, int[]> out = new LinkedHashMap<>();
        for (int d = 1; d < dates.size(); d++) {
            int day = d;
            out.computeIfAbsent(YearMonth.from(dates.get(d)), m -> new int[] {day, day})[1] = d;
        }
        return new ArrayList<>(out.values());
    }

    /** Weights of a portfolio rebalanced to the targets every day: the targets, every day. */
    public static Map<String, double[]> constantWeights(Map<String, Double> targets, int days) {
        Map<String, double[]> out = new LinkedHashMap<>();
        targets.forEach((t, w) -> {
            double[] a = new double[days];
            java.util.Arrays.fill(a, w);
            out.put(t, a);
        });
        return out;
    }

    /** NAV (start 1) of a portfolio rebalanced to the targets every day, at no cost. */
    public static double[] dailyRebalancedNav(Map<String, Double> targets, Map<String, double[]> adjClose, int days) {
        double[] nav = new double[days];
        nav[0] = 1;
        for (int d = 1; d < days; d++) {
            double ret = 0;
            for (Map.Entry<String, Double> e : targets.entrySet()) {
                double[] p = adjClose.get(e.getKey());
                ret += e.getValue() * (p[d] / p[d - 1] - 1);
            }
            nav[d] = nav[d - 1] * (1 + ret);
        }
        return nav;
    }

    /** Buy-and-hold from the targets on day 0, at no cost: its NAV (start 1) and drifting weights. */
    public static Leg buyAndHold(String name, Map<String, Double> targets, Map<String, double[]> adjClose, int days) {
        double[] nav = new double[days];
        Map<String, double[]> weights = new LinkedHashMap<>();
        targets.keySet().forEach(t -> weights.put(t, new double[days]));
        for (int d = 0; d < days; d++) {
            double v = 0;
            for (Map.Entry<String, Double> e : targets.entrySet()) {
                double[] p = adjClose.get(e.getKey());
                v += e.getValue() * p[d] / p[0];
            }
            nav[d] = v;
            for (Map.Entry<String, Double> e : targets.entrySet()) {
                double[] p = adjClose.get(e.getKey());
                weights.get(e.getKey())[d] = e.getValue() * p[d] / p[0] / v;
            }
        }
        return new Leg(name, nav, weights);
    }
}
