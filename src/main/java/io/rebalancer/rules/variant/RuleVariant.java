package io.rebalancer.rules.variant;

import io.rebalancer.rules.facts.TableValues;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rule-set variant: the shipped rules with some table cells overridden. {@code axisValues} is the value of each
 * grid axis (in the grid's order), {@code cellValues} the value of each of the grid's cells
 * ({@link VariantGrid#cells()} order), which is what a parameterised rule set reads.
 */
public record RuleVariant(String id, Map<String, Double> axisValues, double[] cellValues)
        implements java.io.Serializable {
    public RuleVariant {
        Objects.requireNonNull(id, "id");
        axisValues = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(axisValues));
        cellValues = cellValues.clone();
    }

    public TableValues tableValues() {
        return new TableValues(cellValues);
    }

    /** The overridden cells with their values. */
    public Map<TableCell, Double> overrides(List<TableCell> cells) {
        Map<TableCell, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            out.put(cells.get(i), cellValues[i]);
        }
        return out;
    }

    /**
     * The rule-set hash of this variant: the parameterised rule set's hash and the values, 12 hex characters, so
     * decisions of different variants never share a cycle id.
     */
    public String rulesHash(String baseHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            StringBuilder sb = new StringBuilder(baseHash);
            for (double v : cellValues) {
                sb.append('|').append(v);
            }
            return HexFormat.of().formatHex(sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code critical_drift=4.0, risk_aversion=2.0}. */
    public String label() {
        StringBuilder sb = new StringBuilder();
        axisValues.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=')
                .append(VariantGrid.format(v)));
        return sb.length() == 0 ? "shipped" : sb.toString();
    }
}
