package io.rebalancer.rules.facts;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The values of the table cells a parameterised rule set reads at run time instead of having them compiled in
 * (global {@code tableValues}, io.rebalancer.rules.variant): cell {@code i} of the grid's cell list is
 * {@code num(i)}, or {@code whole(i)} where the table's column takes a whole number.
 */
public final class TableValues implements Serializable {
    private static final long serialVersionUID = 1L;
    private final double[] values;

    public TableValues(double[] values) {
        this.values = values.clone();
    }

    public double num(int i) {
        return values[i];
    }

    public int whole(int i) {
        return (int) Math.round(values[i]);
    }

    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableValues t && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
