package io.rebalancer.domain;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A number in a message as a person typed it: rounded to a number of significant digits, without exponent or
 * trailing zeros ({@code -5}, not {@code -5.000000000000001}; {@code 271010}, not {@code 2.7101E+5}).
 */
public final class PlainNumber {
    private PlainNumber() {
    }

    /** {@code value} to {@code significant} significant digits; NaN and the infinities as Java writes them. */
    public static String of(double value, int significant) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(value).round(new MathContext(significant)).stripTrailingZeros().toPlainString();
    }
}
