package io.rebalancer.rules.drools;

/** A half-open or closed numeric interval of one table row's range condition, at its cell. */
record Interval(double lo, boolean loIncl, double hi, boolean hiIncl, int row, int col) {

    static Interval unbounded(int row, int col) {
        return new Interval(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true, row, col);
    }

    boolean empty() {
        return lo > hi || (lo == hi && !(loIncl && hiIncl));
    }

    boolean isUnbounded() {
        return lo == Double.NEGATIVE_INFINITY && hi == Double.POSITIVE_INFINITY;
    }

    /** {@code [lo, hi)} and the like. */
    String text() {
        return (loIncl ? "[" : "(") + num(lo) + ", " + num(hi) + (hiIncl ? "]" : ")");
    }

    /** A bound as written in a table: whole numbers without a decimal point, infinities as +inf / -inf. */
    static String num(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "+inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
