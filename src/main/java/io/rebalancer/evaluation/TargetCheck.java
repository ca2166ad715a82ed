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

    /** What the targets compare of a strategy over a sample: its Sharpe, average drift and max drift. */
    public record Figures(double sharpe, double avgAbsDrift, double maxAbsDrift) implements java.io.Serializable {
        public static Figures of(StrategyMetrics m) {
            return new Figures(m.sharpe(), m.avgAbsDrift(), m.maxAbsDrift());
        }
    }

    public static TargetCheck of(SampleResult s, double sharpeTolerance) {
        return of(s.spec().id(), Figures.of(s.agent()), Figures.of(s.strategy(Baselines.ANNUAL)),
                Figures.of(s.strategy(Baselines.BAND_ABS_3)), sharpeTolerance);
    }

    /** The targets for an agent's figures against annual's and band_abs_3's over the same sample. */
    public static TargetCheck of(String sampleId, Figures agent, Figures annual, Figures bandAbs3,
                                 double sharpeTolerance) {
        double gap = agent.sharpe() - Math.max(annual.sharpe(), bandAbs3.sharpe());
        return new TargetCheck(sampleId, gap, gap >= -sharpeTolerance, agent.avgAbsDrift() < annual.avgAbsDrift(),
                agent.maxAbsDrift() <= bandAbs3.maxAbsDrift() + WinTable.TIE);
    }

    /** Mean Sharpe gap over the samples: the agent is ahead on average when it is positive. */
    public static double meanGap(List<TargetCheck> checks) {
        return checks.stream().mapToDouble(TargetCheck::sharpeGap).average().orElse(Double.NaN);
    }
}
