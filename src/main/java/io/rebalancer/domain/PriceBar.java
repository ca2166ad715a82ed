package io.rebalancer.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One trading day of one ticker. {@code open/high/low/close} are as traded (split-adjusted only);
 * {@code adjClose} is adjusted for splits and dividends; {@code volume} is shares traded.
 */
public record PriceBar(Ticker ticker, LocalDate date, double open, double high, double low, double close,
        double adjClose, long volume) {

    public PriceBar {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(date, "date of " + ticker);
        positive(ticker, date, "open", open);
        positive(ticker, date, "high", high);
        positive(ticker, date, "low", low);
        positive(ticker, date, "close", close);
        positive(ticker, date, "adjClose", adjClose);
        if (high < low) {
            throw new IllegalArgumentException(ticker + " " + date + ": high " + high + " is below low " + low);
        }
        if (volume < 0) {
            throw new IllegalArgumentException(ticker + " " + date + ": volume must not be negative, was " + volume);
        }
    }

    private static void positive(Ticker ticker, LocalDate date, String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(ticker + " " + date + ": " + field
                    + " must be a positive finite price, was " + value);
        }
    }
}
