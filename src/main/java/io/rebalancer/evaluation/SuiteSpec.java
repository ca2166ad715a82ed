package io.rebalancer.evaluation;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An evaluation suite: samples run in order, the CRRA risk aversion of the certainty-equivalent column and the
 * Sharpe tolerance within which the agent counts as level with a baseline.
 */
public record SuiteSpec(String name, double crraGamma, double sharpeTolerance, List<SampleSpec> samples) {
    public static final double DEFAULT_SHARPE_TOLERANCE = 0.005;

    public SuiteSpec {
        Objects.requireNonNull(name, "name");
        samples = List.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("suite " + name + " has no samples");
        }
        if (!(crraGamma > 0) || Double.isInfinite(crraGamma)) {
            throw new IllegalArgumentException("suite " + name + ": crra_gamma " + crraGamma + " must be positive");
        }
        if (!(sharpeTolerance >= 0) || Double.isInfinite(sharpeTolerance)) {
            throw new IllegalArgumentException("suite " + name + ": sharpe_tolerance " + sharpeTolerance
                    + " must be a non-negative number");
        }
        Set<String> ids = new HashSet<>();
        for (SampleSpec s : samples) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("suite " + name + ": sample id '" + s.id() + "' appears twice");
            }
        }
    }
}
