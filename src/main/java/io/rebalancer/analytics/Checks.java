package io.rebalancer.analytics;

/** Argument checks shared by the package; every message names the offending value. */
final class Checks {

    private Checks() {
    }

    static double[] finite(double[] values, String name) {
        if (values == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + values[i] + " is not a finite number");
            }
        }
        return values;
    }

    static double[] positive(double[] values, String name) {
        finite(values, name);
        for (int i = 0; i < values.length; i++) {
            if (values[i] <= 0) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + values[i] + " must be positive");
            }
        }
        return values;
    }

    static void sameLength(double[] a, String aName, double[] b, String bName) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(aName + " has " + a.length + " values but " + bName + " has "
                    + b.length + "; they must be aligned");
        }
    }

    static double confidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence = " + confidence + " must be strictly between 0 and 1");
        }
        return confidence;
    }

    static double finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " is not a finite number");
        }
        return value;
    }

    static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank, got " + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }
}
