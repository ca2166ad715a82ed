package io.rebalancer.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** An exchange ticker such as {@code AAPL}; upper case letters, digits, dot, dash or caret. */
public record Ticker(String symbol) implements Comparable<Ticker> {
    private static final Pattern VALID = Pattern.compile("[A-Z^][A-Z0-9.\\-^]{0,14}");

    public Ticker {
        Objects.requireNonNull(symbol, "ticker symbol");
        if (!VALID.matcher(symbol).matches()) {
            throw new IllegalArgumentException("invalid ticker '" + symbol + "'");
        }
    }

    public static Ticker of(String symbol) {
        return new Ticker(symbol == null ? null : symbol.trim().toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public int compareTo(Ticker other) {
        return symbol.compareTo(other.symbol);
    }

    @Override
    public String toString() {
        return symbol;
    }
}
