package io.rebalancer.backtest;

import io.rebalancer.backtest.BacktestResult.DecisionOutcome;
import io.rebalancer.backtest.BacktestResult.OutcomeSummary;
import io.rebalancer.domain.Regime;
import io.rebalancer.domain.ScenarioType;
import io.rebalancer.rules.facts.OutcomeStats;

import java.util.ArrayList;
import java.util.List;

/**
 * Running aggregates of scored decisions per regime x chosen scenario: count, mean regret, mean active return
 * (chosen minus DEFER, cost-adjusted) and hit rate (share with regret at or below {@value #HIT_TOLERANCE}). The
 * caller adds a decision only once its horizon has fully passed, so the stats never see the future.
 */
public final class OutcomeBook {
    static final double HIT_TOLERANCE = 1e-12;

    private final int[][] count = new int[Regime.values().length][ScenarioType.values().length];
    private final double[][] regret = new double[Regime.values().length][ScenarioType.values().length];
    private final double[][] active = new double[Regime.values().length][ScenarioType.values().length];
    private final int[][] hits = new int[Regime.values().length][ScenarioType.values().length];
    private final int[][] reported = new int[Regime.values().length][ScenarioType.values().length];
    private List<OutcomeStats> cached = List.of();
    private boolean freshReported;

    /** An independent copy (counts, sums and what has been reported as fresh). */
    public OutcomeBook copy() {
        OutcomeBook c = new OutcomeBook();
        for (int r = 0; r < count.length; r++) {
            System.arraycopy(count[r], 0, c.count[r], 0, count[r].length);
            System.arraycopy(regret[r], 0, c.regret[r], 0, regret[r].length);
            System.arraycopy(active[r], 0, c.active[r], 0, active[r].length);
            System.arraycopy(hits[r], 0, c.hits[r], 0, hits[r].length);
            System.arraycopy(reported[r], 0, c.reported[r], 0, reported[r].length);
        }
        c.cached = null;
        return c;
    }

    /** Number of scored decisions in the book. */
    public int size() {
        int n = 0;
        for (int[] row : count) {
            for (int x : row) {
                n += x;
            }
        }
        return n;
    }

    public void add(DecisionOutcome o) {
        if (!o.scored()) {
            throw new IllegalArgumentException("decision on " + o.date() + " is not scored yet");
        }
        int r = o.regime().ordinal();
        int s = o.chosen().ordinal();
        count[r][s]++;
        regret[r][s] += o.regret();
        active[r][s] += Double.isNaN(o.activeReturn()) ? 0 : o.activeReturn();
        if (o.regret() <= HIT_TOLERANCE) {
            hits[r][s]++;
        }
        cached = null;
    }

    /**
     * The facts the decide rules see on one cycle, in regime then scenario order. {@code fresh} counts the
     * decisions added since the previous call, so each call stands for one cycle: a second call without an add
     * in between reports nothing fresh.
     */
    public List<OutcomeStats> stats() {
        if (cached == null || freshReported) {
            List<OutcomeStats> out = new ArrayList<>();
            for (Regime r : Regime.values()) {
                for (ScenarioType s : ScenarioType.values()) {
                    int n = count[r.ordinal()][s.ordinal()];
                    if (n > 0) {
                        out.add(new OutcomeStats(r, s, n, regret[r.ordinal()][s.ordinal()] / n,
                                active[r.ordinal()][s.ordinal()] / n, (double) hits[r.ordinal()][s.ordinal()] / n,
                                n - reported[r.ordinal()][s.ordinal()]));
                        reported[r.ordinal()][s.ordinal()] = n;
                    }
                }
            }
            freshReported = out.stream().anyMatch(o -> o.fresh() > 0);
            cached = List.copyOf(out);
        }
        return cached;
    }

    public List<OutcomeSummary> summary() {
        return stats().stream().map(s -> new OutcomeSummary(s.regime(), s.type(), s.count(), s.meanRegret(),
                s.meanOutcome(), s.hitRate())).toList();
    }
}
