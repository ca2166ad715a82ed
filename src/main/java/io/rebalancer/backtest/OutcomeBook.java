package io.rebalancer.backtest;

import io.rebalancer.backtest.BacktestResult.DecisionOutcome;
import io.rebalancer.backtest.BacktestResult.OutcomeSummary;
import io.rebalancer.domain.Regime;
import io.rebalancer.domain.ScenarioType;
import io.rebalancer.rules.facts.OutcomeStats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Running aggregates of scored decisions per regime x chosen scenario over non-overlapping horizons: count, mean
 * regret and its return and tracking-error parts, mean active return with its t-statistic, and hit rate (share with
 * regret at or below {@value #HIT_TOLERANCE}). Decisions are offered oldest first; one made before the horizon of
 * the last counted decision ended overlaps it and is not counted, so the outcomes are separate observations and
 * the t-statistic means what it says. The caller offers a decision only once its horizon has fully passed, so the
 * stats never see the future.
 */
public final class OutcomeBook {
    static final double HIT_TOLERANCE = 1e-12;
    private static final int R = Regime.values().length;
    private static final int S = ScenarioType.values().length;

    private final int[][] count = new int[R][S];
    private final double[][] regret = new double[R][S];
    private final double[][] regretReturn = new double[R][S];
    private final double[][] regretTracking = new double[R][S];
    private final double[][] active = new double[R][S];
    private final double[][] activeSquares = new double[R][S];
    private final int[][] activeCount = new int[R][S];
    private final int[][] hits = new int[R][S];
    private final int[][] reported = new int[R][S];
    private LocalDate lastHorizonEnd;
    private int offered;
    private List<OutcomeStats> cached = List.of();
    private boolean freshReported;

    /** An independent copy (sums, what has been reported as fresh, the last counted horizon). */
    public OutcomeBook copy() {
        OutcomeBook c = new OutcomeBook();
        for (int r = 0; r < R; r++) {
            System.arraycopy(count[r], 0, c.count[r], 0, S);
            System.arraycopy(regret[r], 0, c.regret[r], 0, S);
            System.arraycopy(regretReturn[r], 0, c.regretReturn[r], 0, S);
            System.arraycopy(regretTracking[r], 0, c.regretTracking[r], 0, S);
            System.arraycopy(active[r], 0, c.active[r], 0, S);
            System.arraycopy(activeSquares[r], 0, c.activeSquares[r], 0, S);
            System.arraycopy(activeCount[r], 0, c.activeCount[r], 0, S);
            System.arraycopy(hits[r], 0, c.hits[r], 0, S);
            System.arraycopy(reported[r], 0, c.reported[r], 0, S);
        }
        c.lastHorizonEnd = lastHorizonEnd;
        c.offered = offered;
        c.cached = null;
        return c;
    }

    /** Number of decisions counted (non-overlapping). */
    public int size() {
        int n = 0;
        for (int[] row : count) {
            for (int x : row) {
                n += x;
            }
        }
        return n;
    }

    /** Number of scored decisions offered, counted or not. */
    public int offered() {
        return offered;
    }

    /**
     * Offers a scored decision; it is counted unless it was made before the horizon of the last counted one ended.
     *
     * @return whether it was counted
     */
    public boolean add(DecisionOutcome o) {
        if (!o.scored()) {
            throw new IllegalArgumentException("decision on " + o.date() + " is not scored yet");
        }
        offered++;
        if (lastHorizonEnd != null && o.date().isBefore(lastHorizonEnd)) {
            return false;
        }
        lastHorizonEnd = o.horizonEnd();
        int r = o.regime().ordinal();
        int s = o.chosen().ordinal();
        count[r][s]++;
        regret[r][s] += o.regret();
        regretReturn[r][s] += Double.isNaN(o.regretReturn()) ? 0 : o.regretReturn();
        regretTracking[r][s] += Double.isNaN(o.regretTracking()) ? 0 : o.regretTracking();
        if (!Double.isNaN(o.activeReturn())) {
            active[r][s] += o.activeReturn();
            activeSquares[r][s] += o.activeReturn() * o.activeReturn();
            activeCount[r][s]++;
        }
        if (o.regret() <= HIT_TOLERANCE) {
            hits[r][s]++;
        }
        cached = null;
        return true;
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
                    int i = r.ordinal();
                    int j = s.ordinal();
                    int n = count[i][j];
                    if (n > 0) {
                        int na = activeCount[i][j];
                        out.add(new OutcomeStats(r, s, n, regret[i][j] / n, na == 0 ? 0 : active[i][j] / na,
                                (double) hits[i][j] / n, n - reported[i][j],
                                OutcomeStats.tStatistic(na, active[i][j], activeSquares[i][j]),
                                regretReturn[i][j] / n, regretTracking[i][j] / n));
                        reported[i][j] = n;
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
                s.meanOutcome(), s.hitRate(), s.activeT(), s.meanRegretReturn(), s.meanRegretTracking())).toList();
    }
}
