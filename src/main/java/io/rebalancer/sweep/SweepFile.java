package io.rebalancer.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rebalancer.evaluation.SuiteFile;
import io.rebalancer.evaluation.SuiteMetric;
import io.rebalancer.evaluation.SuiteSpec;
import io.rebalancer.market.DataFileException;
import io.rebalancer.market.JsonDataFile;
import io.rebalancer.rules.variant.GridAxis;
import io.rebalancer.rules.variant.TableCell;
import io.rebalancer.rules.variant.VariantGrid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a sweep file (docs/SWEEP.md):
 * <pre>{ "name": "drift-grid", "suite": "quick.json", "objective": "sharpe",
 *   "grid": [ { "name": "critical_drift", "cells": ["thresholds.drl.xlsx!Regime thresholds!D10", ...], "values": [3, 4, 5] } ] }</pre>
 * {@code suite} is a suite file resolved against the sweep file's directory. Bad input is one
 * {@link DataFileException} naming the file and field.
 */
public final class SweepFile {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TOP = Set.of("name", "description", "suite", "objective", "grid");
    private static final Set<String> AXIS = Set.of("name", "cells", "values");

    private SweepFile() {
    }

    public static SweepSpec read(Path path) {
        String file = path.toString();
        JsonNode root = JsonDataFile.read(MAPPER, path);
        if (root == null || !root.isObject()) {
            throw new DataFileException(file, 0, "the file must hold one JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!TOP.contains(f)) {
                throw new DataFileException(file, 0, "unknown field '" + f + "' (known: " + new java.util.TreeSet<>(TOP)
                        + ")");
            }
        }
        Path dir = path.toAbsolutePath().getParent();
        String fname = path.getFileName().toString();
        String name = root.hasNonNull("name") ? root.get("name").asText()
                : fname.endsWith(".json") ? fname.substring(0, fname.length() - 5) : fname;
        if (!root.hasNonNull("suite") || !root.get("suite").isTextual()) {
            throw new DataFileException(file, 0, "field 'suite' must name a suite file (e.g. \"quick.json\")");
        }
        SuiteSpec suite = SuiteFile.read(dir.resolve(root.get("suite").asText()).normalize());
        SuiteMetric objective = SuiteMetric.SHARPE;
        if (root.has("objective")) {
            String o = root.get("objective").asText();
            objective = java.util.Arrays.stream(SuiteMetric.values()).filter(m -> m.key().equals(o)).findFirst()
                    .orElseThrow(() -> new DataFileException(file, 0, "field 'objective' value '" + o + "' is not one"
                            + " of " + java.util.Arrays.stream(SuiteMetric.values()).map(SuiteMetric::key).toList()));
        }
        JsonNode grid = root.get("grid");
        if (grid == null || !grid.isArray() || grid.isEmpty()) {
            throw new DataFileException(file, 0, "field 'grid' must be a non-empty array of axes");
        }
        List<GridAxis> axes = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            axes.add(axis(file, grid.get(i), "grid[" + i + "]"));
        }
        try {
            return new SweepSpec(name, suite, new VariantGrid(axes), objective);
        } catch (IllegalArgumentException e) {
            throw new DataFileException(file, 0, e.getMessage());
        }
    }

    private static GridAxis axis(String file, JsonNode a, String at) {
        if (!a.isObject()) {
            throw new DataFileException(file, 0, "'" + at + "' must be an object");
        }
        for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!AXIS.contains(f)) {
                throw new DataFileException(file, 0, "unknown field '" + at + "." + f + "'");
            }
        }
        if (!a.hasNonNull("name")) {
            throw new DataFileException(file, 0, "field '" + at + ".name' is missing");
        }
        JsonNode cells = a.get("cells");
        JsonNode values = a.get("values");
        if (cells == null || !cells.isArray() || cells.isEmpty()) {
            throw new DataFileException(file, 0, "field '" + at + ".cells' must be a non-empty array of cells");
        }
        if (values == null || !values.isArray() || values.isEmpty()) {
            throw new DataFileException(file, 0, "field '" + at + ".values' must be a non-empty array of numbers");
        }
        List<TableCell> cs = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            try {
                cs.add(TableCell.parse(cells.get(i).asText()));
            } catch (IllegalArgumentException e) {
                throw new DataFileException(file, 0, "field '" + at + ".cells[" + i + "]': " + e.getMessage());
            }
        }
        List<Double> vs = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isNumber()) {
                throw new DataFileException(file, 0, String.format(Locale.ROOT,
                        "field '%s.values[%d]' value '%s' is not a number", at, i, values.get(i).asText()));
            }
            vs.add(values.get(i).asDouble());
        }
        try {
            return new GridAxis(a.get("name").asText(), cs, vs);
        } catch (IllegalArgumentException e) {
            throw new DataFileException(file, 0, e.getMessage());
        }
    }
}
