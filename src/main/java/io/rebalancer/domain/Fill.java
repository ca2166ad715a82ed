package io.rebalancer.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One filled paper order: whole shares at a price, with the traded value and the cost in currency (2 decimals,
 * HALF_EVEN). {@code clientOrderId} makes it idempotent: the same id is never filled twice.
 */
public record Fill(String clientOrderId, Ticker ticker, Side side, long shares, BigDecimal price, BigDecimal value,
                   BigDecimal cost) {
    public Fill {
        Checks.notBlank("client order id", clientOrderId);
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(side, "side");
        if (shares <= 0) {
            throw new IllegalArgumentException("shares of fill " + clientOrderId + " must be positive, was " + shares);
        }
        Objects.requireNonNull(price, "price");
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("price of fill " + clientOrderId + " must be positive, was " + price);
        }
        value = Objects.requireNonNull(value, "value").setScale(2, RoundingMode.HALF_EVEN);
        cost = Objects.requireNonNull(cost, "cost").setScale(2, RoundingMode.HALF_EVEN);
        if (cost.signum() < 0) {
            throw new IllegalArgumentException("cost of fill " + clientOrderId + " must not be negative, was " + cost);
        }
    }

    /** A fill at {@code price}: value = shares x price rounded to cents. */
    public static Fill of(String clientOrderId, Ticker ticker, Side side, long shares, BigDecimal price,
            BigDecimal cost) {
        return new Fill(clientOrderId, ticker, side, shares, price,
                price.multiply(BigDecimal.valueOf(shares)).setScale(2, RoundingMode.HALF_EVEN), cost);
    }

    /** Cash in (sale proceeds less cost) or out (purchase plus cost). */
    public BigDecimal cashChange() {
        return side == Side.SELL ? value.subtract(cost) : value.add(cost).negate();
    }

    /** Shares added (buy) or removed (sell). */
    public long sharesChange() {
        return side == Side.BUY ? shares : -shares;
    }
}
