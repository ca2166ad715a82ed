package io.rebalancer.sweep;

import io.rebalancer.evaluation.TargetCheck;

/**
 * What a sweep compares every variant's agent with on one sample: the figures of {@code annual} and
 * {@code band_abs_3} over it (the same for every variant, so computed once per sample).
 */
public record SweepBaseline(String sampleId, TargetCheck.Figures annual, TargetCheck.Figures bandAbs3)
        implements java.io.Serializable {

    /** The issue-10 targets of a row of this sample. */
    public TargetCheck check(SweepRow row, double sharpeTolerance) {
        if (!row.sampleId().equals(sampleId)) {
            throw new IllegalArgumentException("row of sample " + row.sampleId() + " checked against the baselines of "
                    + sampleId);
        }
        return TargetCheck.of(sampleId, row.figures(), annual, bandAbs3, sharpeTolerance);
    }
}
