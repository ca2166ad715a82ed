package io.rebalancer.evaluation;

import io.rebalancer.backtest.Baselines;
import io.rebalancer.backtest.StrategyMetrics;

import java.util.List;

/**
 * The targets of issue 10 on one sample, after costs: the agent's Sharpe is level with (within the suite's
 * tolerance) or above the better of {@code annual} and {@code band_abs_3}; its average drift is below annual's;
 * its max drift is no worse than band_abs_3's.
 *
 * @param sharpeGap agent Sharpe minus the better of annual's and band_abs_3's
 */
public record TargetCheck(String sampleId, double sharpeGap, boolean sharpeLevel, boolean avgDriftBelowAnnual,
                          boolean maxDriftWithinBand) {
    public boolean met() {
        return sharpeLevel && avgDriftBelowAnnual && maxDriftWithinBand;
    }

    public static TargetCheck of(SampleResult s, double sharpeTolerance) {
        StrategyMetrics a = s.agent();
        StrategyMetrics annual = s.strategy(Baselines.ANNUAL);
        StrategyMetrics band = s.strategy(Baselines.BAND_ABS_3);
        double gap = a.sharpe() - Math.max(annual.sharpe(), band.sharpe());
        return new TargetCheck(s.spec().id(), gap, gap >= -sharpeTolerance,
                a.avgAbsDrift() < annual.avgAbsDrift(), a.maxAbsDrift() <= band.maxAbsDrift() + WinTable.TIE);
    }

    /** Mean Sharpe gap over the samples: the agent is ahead on average when it is positive. */
    public static double meanGap(List<TargetCheck> checks) {
        return checks.stream().mapToDouble(TargetCheck::sharpeGap).average().orElse(Double.NaN);
    }
}
