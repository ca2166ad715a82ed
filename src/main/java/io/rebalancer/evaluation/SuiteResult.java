package io.rebalancer.evaluation;

import java.util.List;
import java.util.Objects;

/** A suite's outcome: the samples in order, the win table and the target check per sample. */
public record SuiteResult(SuiteSpec spec, String rulesHash, List<SampleResult> samples, WinTable wins,
                          List<TargetCheck> targets, long millis) {
    public SuiteResult {
        Objects.requireNonNull(spec, "spec");
        samples = List.copyOf(samples);
        targets = List.copyOf(targets);
    }

    static SuiteResult of(SuiteSpec spec, String rulesHash, List<SampleResult> samples, long millis) {
        return new SuiteResult(spec, rulesHash, samples, WinTable.of(samples, spec.sharpeTolerance()),
                samples.stream().map(s -> TargetCheck.of(s, spec.sharpeTolerance())).toList(), millis);
    }

    public boolean allTargetsMet() {
        return targets.stream().allMatch(TargetCheck::met);
    }

    public double meanSharpeGap() {
        return TargetCheck.meanGap(targets);
    }
}
