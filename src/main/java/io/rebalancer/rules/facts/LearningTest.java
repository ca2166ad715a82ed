package io.rebalancer.rules.facts;

import io.rebalancer.domain.Regime;

/**
 * Conclusion (decide, learning.drl.xlsx): when past outcomes in a regime are evidence enough to move the drift
 * thresholds. A step needs at least {@code minOutcomes} non-overlapping outcomes whose mean active return has a
 * t-statistic of at least {@code tThreshold} in absolute value, in the direction of the step; {@code raiseStep}
 * and {@code lowerStep} are the persistent steps (fractions of NAV, both positive).
 */
public record LearningTest(Regime regime, int minOutcomes, double tThreshold, double raiseStep, double lowerStep,
                           String rule) {
    public LearningTest {
        if (minOutcomes < 2) {
            throw new IllegalArgumentException("rule " + rule + ": minimum outcomes must be at least 2, was "
                    + minOutcomes);
        }
        if (!(tThreshold > 0)) {
            throw new IllegalArgumentException("rule " + rule + ": t threshold must be positive, was " + tThreshold);
        }
        if (!(raiseStep >= 0) || !(lowerStep >= 0)) {
            throw new IllegalArgumentException("rule " + rule + ": steps must be non-negative, were " + raiseStep
                    + " and " + lowerStep);
        }
    }
}
