package io.rebalancer.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Market-wide data of one trading day: the VIX close (index points) and the risk-free rate per trading day
 * as a fraction ({@code 0.0001 = 1 bp}); the rate may be slightly negative.
 */
public record MarketDay(LocalDate date, double vix, double rfDaily) {
    /** Largest magnitude accepted for a daily rate (1 % a day, i.e. clearly a percent mistaken for a fraction). */
    public static final double MAX_ABS_RF_DAILY = 0.01;

    public MarketDay {
        Objects.requireNonNull(date, "date");
        if (!(vix > 0) || Double.isInfinite(vix)) {
            throw new IllegalArgumentException(date + ": vix must be a positive finite number, was " + vix);
        }
        if (!Double.isFinite(rfDaily) || Math.abs(rfDaily) > MAX_ABS_RF_DAILY) {
            throw new IllegalArgumentException(date + ": rfDaily must be a finite fraction within +/-"
                    + MAX_ABS_RF_DAILY + ", was " + rfDaily);
        }
    }
}
