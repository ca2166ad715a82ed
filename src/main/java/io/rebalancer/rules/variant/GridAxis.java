package io.rebalancer.rules.variant;

import java.util.List;
import java.util.Objects;

/**
 * One dimension of a table-value grid: the values tried, each written into every one of {@code cells} at once
 * (e.g. the critical drift of all four regimes). {@code name} labels the axis in the comparison table.
 */
public record GridAxis(String name, List<TableCell> cells, List<Double> values) implements java.io.Serializable {
    public GridAxis {
        Objects.requireNonNull(name, "name");
        cells = List.copyOf(cells);
        values = List.copyOf(values);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("grid axis " + name + " names no cell");
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("grid axis " + name + " has no values");
        }
        for (Double v : values) {
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("grid axis " + name + ": value " + v + " is not a finite number");
            }
        }
    }
}
