package io.rebalancer.service;

import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.MarketDay;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** VIX and risk-free rates aligned to a price history's trading days. */
public final class MarketContext {
    private static final int PERCENTILE_WINDOW = 252;

    private final double[] vix;
    private final double[] rf;
    private final List<LocalDate> dates;

    private MarketContext(List<LocalDate> dates, double[] vix, double[] rf) {
        this.dates = dates;
        this.vix = vix;
        this.rf = rf;
    }

    /** Aligns market days to the history; a trading day without VIX or rate is an error naming the date. */
    public static MarketContext of(PriceHistory history, List<MarketDay> days) {
        Map<LocalDate, MarketDay> byDate = new HashMap<>();
        days.forEach(d -> byDate.put(d.date(), d));
        List<LocalDate> dates = history.dates();
        double[] vix = new double[dates.size()];
        double[] rf = new double[dates.size()];
        for (int i = 0; i < dates.size(); i++) {
            MarketDay d = byDate.get(dates.get(i));
            if (d == null) {
                throw new NotFoundException("no VIX / T-bill rate stored for trading day " + dates.get(i));
            }
            vix[i] = d.vix();
            rf[i] = d.rfDaily();
        }
        return new MarketContext(dates, vix, rf);
    }

    public double vix(int day) {
        return vix[day];
    }

    /** Share of the trailing 252 VIX closes (this day included) at or below this day's close. */
    public double vixPercentile(int day) {
        int start = Math.max(0, day - PERCENTILE_WINDOW + 1);
        int atOrBelow = 0;
        for (int i = start; i <= day; i++) {
            if (vix[i] <= vix[day]) {
                atOrBelow++;
            }
        }
        return (double) atOrBelow / (day - start + 1);
    }

    /** Daily risk-free rates of the returns ending on {@code day} (one per return, oldest first). */
    public double[] rfReturnsUpTo(int day) {
        double[] out = new double[day];
        System.arraycopy(rf, 1, out, 0, day);
        return out;
    }

    public double rf(int day) {
        return rf[day];
    }

    public List<LocalDate> dates() {
        return dates;
    }
}
