package io.rebalancer.market;

import io.rebalancer.domain.PlainNumber;

import java.util.Locale;
import java.util.Optional;

/**
 * A close-to-close move no listed share makes in one trading day: a factor of more than 3 either way (the largest in
 * backtest-data, 2012-2025, is META's -26 % of 2022-02-03). Such a move in a price source is another symbol's prices,
 * a unit error (1000 times) or a split nobody applied, and is refused rather than stored, since holdings are valued
 * and traded at stored closes.
 */
final class PriceJump {
    /** The largest factor between two consecutive closes taken as a real move. */
    static final double MAX_FACTOR = 3.0;

    private PriceJump() {
    }

    /**
     * Why {@code close} on {@code day} cannot follow {@code previousClose} on {@code previousDay}, or empty when the
     * move is within {@link #MAX_FACTOR}.
     */
    static Optional<String> refusal(String previousDay, double previousClose, String day, double close) {
        double factor = close / previousClose;
        if (factor <= MAX_FACTOR && factor >= 1 / MAX_FACTOR) {
            return Optional.empty();
        }
        String how = factor > 1 ? String.format(Locale.ROOT, "%,.4g times", factor)
                : String.format(Locale.ROOT, "1/%,.4g of", 1 / factor);
        return Optional.of(String.format(Locale.ROOT, "close %s on %s is %s the close %s on %s, more than a"
                + " factor of %.0f in one trading day: another symbol's prices, a unit error or a split not applied",
                PlainNumber.of(close, 10), day, how, PlainNumber.of(previousClose, 10), previousDay, MAX_FACTOR));
    }
}
