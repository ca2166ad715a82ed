package io.rebalancer.optimise;

import java.util.Arrays;

/**
 * Long-only weights that minimise ex-ante tracking-error variance to target plus an amortised trading-cost
 * penalty, under a turnover cap, solved as a convex quadratic programme by ojAlgo:
 * <pre>
 *   minimise   (lambda / 2) (w - t)' S (w - t)  +  (1 / H) sum_i c_i |w_i - w0_i|
 *   subject to w_i >= 0,  sum_i w_i <= sum_i w0_i + max(0, cash0) (no new borrowing),  sum_i |w_i - w0_i| <= cap
 * </pre>
 * S is the annualised covariance of the assets, lambda the risk aversion, c_i the proportional cost of trading
 * asset i (fraction of the traded value) and H the holding horizon in years. Both terms are fractions of NAV a
 * year, so the objective is the certainty-equivalent loss the scenario leaves. The programme is solved by
 * {@link ConvexTrades}; {@link FeasibleTrades} makes its answer meet the constraints exactly.
 */
public final class TrackingErrorOptimiser {
    private TrackingErrorOptimiser() {
    }

    /**
     * The problem; weights and cash are fractions of NAV. Current weights must be long-only; cash may be negative
     * (an overdraft, which the optimiser never adds to); targets need not sum to one. The covariance must be
     * square, symmetric and positive semi-definite; a turnover cap of infinity means no cap.
     */
    public record Problem(double[] current, double currentCash, double[] targets, double[][] annualCovariance,
                          double riskAversion, double[] costRates, double horizonYears, double maxTurnover) {
        public Problem {
            int n = current.length;
            if (n == 0) {
                throw new IllegalArgumentException("the optimiser needs at least one asset");
            }
            if (targets.length != n || costRates.length != n || annualCovariance.length != n) {
                throw new IllegalArgumentException("current (" + n + "), targets (" + targets.length + "), cost rates ("
                        + costRates.length + ") and covariance (" + annualCovariance.length + " rows) must have one entry per asset");
            }
            if (!(riskAversion > 0) || riskAversion == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("risk aversion must be positive and finite, was " + riskAversion);
            }
            if (!(horizonYears > 0)) {
                throw new IllegalArgumentException("holding horizon must be positive (years), was " + horizonYears);
            }
            if (!(maxTurnover >= 0)) {
                throw new IllegalArgumentException("turnover cap must be zero or positive, was " + maxTurnover);
            }
            if (!Double.isFinite(currentCash)) {
                throw new IllegalArgumentException("current cash must be a finite fraction of NAV, was " + currentCash);
            }
            for (int i = 0; i < n; i++) {
                if (!(current[i] >= 0) || current[i] == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("current weight of asset " + i
                            + " must be finite and zero or positive (long-only), was " + current[i]);
                }
                if (!Double.isFinite(targets[i])) {
                    throw new IllegalArgumentException("target weight of asset " + i + " must be finite, was " + targets[i]);
                }
                if (!(costRates[i] >= 0) || costRates[i] == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("cost rate of asset " + i
                            + " must be finite and zero or positive, was " + costRates[i]);
                }
            }
            current = current.clone();
            targets = targets.clone();
            costRates = costRates.clone();
            annualCovariance = Covariances.checkedCopy(annualCovariance);
        }
    }

    /**
     * The optimal weights; the current weights when trading does not lower the objective, or when the solver finds
     * no feasible point. Whatever the solver's tolerances, the weights returned are never negative, never buy more
     * (net) than the cash there is (nothing when cash is negative), never turn over more than the cap and never
     * score worse than not trading: {@link #objective} of them is below that of the current weights or they are
     * the current weights.
     */
    public static double[] solve(Problem p) {
        double[] trades = ConvexTrades.solve(p);
        if (trades == null) {
            return p.current();
        }
        double[] w = FeasibleTrades.weights(p, trades);
        return objective(p, w) < objective(p, p.current()) ? w : p.current();
    }

    /** The objective: tracking-error cost plus (1 / H) sum_i c_i |w_i - w0_i|, fraction of NAV a year. */
    public static double objective(Problem p, double[] weights) {
        double v = trackingErrorCost(weights, p.targets(), p.annualCovariance(), p.riskAversion());
        for (int i = 0; i < weights.length; i++) {
            v += p.costRates()[i] / p.horizonYears() * Math.abs(weights[i] - p.current()[i]);
        }
        return v;
    }

    /**
     * {@link #solve} remembered by the exact problem (every input compared bit for bit), so a problem met again, or
     * met while another thread solves it, costs a map look-up instead of a solve and gets the very same weights. The
     * solver is deterministic and keeps no state, so a memo changes no figure. Meant for sweeps: the variants of a
     * rule set replay one sample and, until their decisions part, meet the same book, covariance and table values
     * day after day. Thread-safe; at {@code capacity} entries it starts afresh (a crude bound that keeps a long
     * sweep's memory flat).
     */
    public static final class Memo implements java.util.function.Function<Problem, double[]> {
        private final int capacity;
        private final java.util.concurrent.ConcurrentHashMap<Key, double[]> solutions =
                new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder();
        private final java.util.concurrent.atomic.LongAdder misses = new java.util.concurrent.atomic.LongAdder();

        public Memo(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("memo capacity must be at least 1, was " + capacity);
            }
            this.capacity = capacity;
        }

        @Override
        public double[] apply(Problem p) {
            Key key = Key.of(p);
            if (solutions.size() >= capacity) {
                solutions.clear();
            }
            // computeIfAbsent: a task meeting a problem another task is solving waits for that solve (variants run
            // side by side share their first days) instead of solving it a second time
            boolean[] solved = {false};
            double[] weights = solutions.computeIfAbsent(key, k -> {
                solved[0] = true;
                return solve(p).clone();
            });
            (solved[0] ? misses : hits).increment();
            return weights.clone();
        }

        /** Problems answered from the memo. */
        public long hits() {
            return hits.sum();
        }

        /** Problems solved. */
        public long misses() {
            return misses.sum();
        }

        /** Every input of a problem in one array: equal keys are problems with bit-identical inputs. */
        private static final class Key {
            private final double[] values;
            private final int hash;

            private Key(double[] values) {
                this.values = values;
                this.hash = Arrays.hashCode(values);
            }

            static Key of(Problem p) {
                int n = p.current().length;
                double[] v = new double[5 + 3 * n + n * n];
                int k = 0;
                v[k++] = n;
                for (double x : p.current()) {
                    v[k++] = x;
                }
                v[k++] = p.currentCash();
                for (double x : p.targets()) {
                    v[k++] = x;
                }
                for (double[] row : p.annualCovariance()) {
                    for (double x : row) {
                        v[k++] = x;
                    }
                }
                v[k++] = p.riskAversion();
                for (double x : p.costRates()) {
                    v[k++] = x;
                }
                v[k++] = p.horizonYears();
                v[k] = p.maxTurnover();
                return new Key(v);
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Key other && hash == other.hash && Arrays.equals(values, other.values);
            }

            @Override
            public int hashCode() {
                return hash;
            }
        }
    }

    /** (lambda / 2) (w - t)' S (w - t): the certainty-equivalent cost of tracking error, fraction of NAV a year. */
    public static double trackingErrorCost(double[] weights, double[] targets, double[][] annualCovariance,
                                           double riskAversion) {
        double[] a = new double[weights.length];
        Arrays.setAll(a, i -> weights[i] - targets[i]);
        double v = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                v += a[i] * annualCovariance[i][j] * a[j];
            }
        }
        return riskAversion / 2 * v;
    }
}
