package io.rebalancer.domain;

/**
 * Cash dividends recovered from a close / adjusted-close pair. Yahoo's adjustment multiplies all earlier
 * adjusted prices by {@code 1 - D/close[t-1]} on an ex-date t, so with {@code r = adjClose / close}:
 * {@code D_t = close[t-1] x (1 - r[t-1] / r[t])}.
 */
public final class Dividends {
    /**
     * Relative change of {@code r} below which there is no dividend. The files carry 6-8 significant decimals,
     * so {@code r} wobbles by up to ~1.1e-6 between ex-dates; the smallest real step in backtest-data is 4.7e-5
     * (NVDA's $0.01 dividends). 1e-5 separates the two by an order of magnitude each way.
     */
    public static final double TOLERANCE = 1e-5;

    private Dividends() {
    }

    /** Dividend per share going ex on the day of {@code close/adjClose}; 0 when the adjustment ratio is unchanged. */
    public static double perShare(double prevClose, double prevAdjClose, double close, double adjClose) {
        positive("prevClose", prevClose);
        positive("prevAdjClose", prevAdjClose);
        positive("close", close);
        positive("adjClose", adjClose);
        double ratio = (prevAdjClose / prevClose) / (adjClose / close);
        if (Math.abs(ratio - 1) < TOLERANCE) {
            return 0;
        }
        return prevClose * (1 - ratio);
    }

    private static void positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a positive finite price, was " + value);
        }
    }
}
