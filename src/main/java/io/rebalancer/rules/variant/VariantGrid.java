package io.rebalancer.rules.variant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** A grid of table values: the cartesian product of its axes, one {@link RuleVariant} per point. */
public record VariantGrid(List<GridAxis> axes) implements java.io.Serializable {
    public VariantGrid {
        axes = List.copyOf(axes);
        LinkedHashSet<TableCell> seen = new LinkedHashSet<>();
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (GridAxis a : axes) {
            if (!names.add(a.name())) {
                throw new IllegalArgumentException("grid axis name '" + a.name() + "' appears twice");
            }
            for (TableCell c : a.cells()) {
                if (!seen.add(c)) {
                    throw new IllegalArgumentException("grid cell " + c + " belongs to two axes");
                }
            }
        }
    }

    /** Every cell of the grid, axis by axis: the order of {@link RuleVariant#cellValues()}. */
    public List<TableCell> cells() {
        List<TableCell> out = new ArrayList<>();
        axes.forEach(a -> out.addAll(a.cells()));
        return out;
    }

    public int size() {
        int n = 1;
        for (GridAxis a : axes) {
            n = Math.multiplyExact(n, a.values().size());
        }
        return n;
    }

    /** The variants, the last axis varying fastest; ids {@code v000}, {@code v001}, ... */
    public List<RuleVariant> variants() {
        int n = size();
        List<RuleVariant> out = new ArrayList<>(n);
        int width = Math.max(3, String.valueOf(n - 1).length());
        int cellCount = cells().size();
        for (int k = 0; k < n; k++) {
            int rest = k;
            int[] pick = new int[axes.size()];
            for (int a = axes.size() - 1; a >= 0; a--) {
                int m = axes.get(a).values().size();
                pick[a] = rest % m;
                rest /= m;
            }
            Map<String, Double> axisValues = new LinkedHashMap<>();
            double[] cellValues = new double[cellCount];
            int c = 0;
            for (int a = 0; a < axes.size(); a++) {
                GridAxis axis = axes.get(a);
                double v = axis.values().get(pick[a]);
                axisValues.put(axis.name(), v);
                for (int i = 0; i < axis.cells().size(); i++) {
                    cellValues[c++] = v;
                }
            }
            out.add(new RuleVariant(String.format("v%0" + width + "d", k), axisValues, cellValues));
        }
        return out;
    }

    /** A value as a table cell holds it: {@code 5} rather than {@code 5.0}. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Whether every value the grid tries for {@code axis} is a whole number. */
    static boolean whole(GridAxis axis) {
        return axis.values().stream().allMatch(v -> v == Math.rint(v));
    }
}
