package io.rebalancer.sweep;

import io.rebalancer.evaluation.SampleSpec;
import io.rebalancer.evaluation.SuiteMetric;
import io.rebalancer.evaluation.SuiteSpec;
import io.rebalancer.rules.variant.RuleVariant;
import io.rebalancer.rules.variant.VariantGrid;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A sweep: every sample (portfolio x period) of a suite run through every variant of a table-value grid, ranked
 * by one of the suite's metrics of the agent ({@code objective}, averaged over the samples).
 */
public record SweepSpec(String name, SuiteSpec suite, VariantGrid grid, SuiteMetric objective) {
    public SweepSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(objective, "objective");
    }

    public List<RuleVariant> variants() {
        return grid.variants();
    }

    /** One task per variant and sample, variant-major (a variant's samples are neighbours). */
    public List<SweepTask> tasks() {
        List<SweepTask> out = new ArrayList<>();
        int nv = grid.size();
        List<SampleSpec> samples = suite.samples();
        for (int v = 0; v < nv; v++) {
            for (int s = 0; s < samples.size(); s++) {
                out.add(new SweepTask(v, s));
            }
        }
        return out;
    }
}
