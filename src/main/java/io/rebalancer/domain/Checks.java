package io.rebalancer.domain;

/** Argument checks whose messages name the field and the bad value. */
public final class Checks {
    private Checks() {
    }

    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, was " + value);
        }
        return value;
    }

    public static double inRange(String field, double value, double min, double max) {
        finite(field, value);
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }

    public static double nonNegative(String field, double value) {
        return inRange(field, value, 0, Double.MAX_VALUE);
    }

    public static String notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }
}
