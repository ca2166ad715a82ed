package io.rebalancer.domain;

import java.util.Objects;

/**
 * A simulated or planned trade. {@code shares} is positive; {@code value} is shares x price (positive);
 * {@code cost} is the modelled transaction cost in currency.
 */
public record Trade(Ticker ticker, Side side, double shares, double price, double value, double cost) {
    public Trade {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(side, "side");
        Checks.nonNegative("shares of " + ticker, shares);
        Checks.nonNegative("price of " + ticker, price);
        Checks.nonNegative("value of " + ticker, value);
        Checks.nonNegative("cost of " + ticker, cost);
    }

    /** Value with sign: positive for a buy, negative for a sell. */
    public double signedValue() {
        return side == Side.BUY ? value : -value;
    }

    public double signedShares() {
        return side == Side.BUY ? shares : -shares;
    }
}
