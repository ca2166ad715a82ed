package io.rebalancer.optimise;

import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;

import java.util.Arrays;

/**
 * Long-only weights that minimise ex-ante tracking-error variance to target plus an amortised trading-cost
 * penalty, under a turnover cap, solved as a convex quadratic programme by ojAlgo:
 * <pre>
 *   minimise   (lambda / 2) (w - t)' S (w - t)  +  (1 / H) sum_i c_i |w_i - w0_i|
 *   subject to w_i >= 0,  sum_i w_i <= sum_i w0_i + cash0 (no borrowing),  sum_i |w_i - w0_i| <= turnover cap
 * </pre>
 * S is the annualised covariance of the assets, lambda the risk aversion, c_i the proportional cost of trading
 * asset i (fraction of the traded value) and H the holding horizon in years. Both terms are fractions of NAV a
 * year, so the objective is the certainty-equivalent loss the scenario leaves. Trades are split into buys and
 * sells (w = w0 + buy - sell, both non-negative, sell at most what is held), which makes |.| linear.
 */
public final class TrackingErrorOptimiser {
    static {
        // ojAlgo prints a hardware-profile notice to standard output on first use unless this property is set
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }

    private TrackingErrorOptimiser() {
    }

    /** The problem; weights and cash are fractions of NAV. */
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
            if (!(riskAversion > 0)) {
                throw new IllegalArgumentException("risk aversion must be positive, was " + riskAversion);
            }
            if (!(horizonYears > 0)) {
                throw new IllegalArgumentException("holding horizon must be positive (years), was " + horizonYears);
            }
            if (!(maxTurnover >= 0)) {
                throw new IllegalArgumentException("turnover cap must be zero or positive, was " + maxTurnover);
            }
            current = current.clone();
            targets = targets.clone();
            costRates = costRates.clone();
        }
    }

    /**
     * The optimal weights; the current weights when the solver finds no feasible optimum (never worse than not
     * trading). The programme goes straight to ojAlgo's convex (active-set) solver as matrices, in the variables
     * x = (buy_0, sell_0, buy_1, sell_1, ...): the same optimum its modelling layer reaches (the test checks the two
     * agree), at less than half the time.
     */
    public static double[] solve(Problem p) {
        int n = p.current().length;
        int m = 2 * n;
        // in bp of NAV a year: fractions are so small that the solver's tolerances would otherwise swallow the costs
        double scale = 10_000.0;
        double lambda = p.riskAversion() * scale;
        double[][] s = p.annualCovariance();
        double[] a0 = new double[n];
        for (int i = 0; i < n; i++) {
            a0[i] = p.current()[i] - p.targets()[i];
        }
        // ojAlgo minimises (1/2) x'Qx - C'x; the active weight is a = a0 + buy - sell, so (lambda / 2) a'Sa gives
        // Q = lambda [S -S; -S S] per pair of assets and a linear term lambda (S a0) (+ for buys, - for sells)
        R064Store q = R064Store.FACTORY.make(m, m);
        R064Store c = R064Store.FACTORY.make(m, 1);
        for (int i = 0; i < n; i++) {
            double sa = 0;
            for (int j = 0; j < n; j++) {
                double h = lambda * s[i][j];
                q.set(2 * i, 2 * j, h);
                q.set(2 * i + 1, 2 * j + 1, h);
                q.set(2 * i, 2 * j + 1, -h);
                q.set(2 * i + 1, 2 * j, -h);
                sa += s[i][j] * a0[j];
            }
            double linear = lambda * sa;
            double cost = p.costRates()[i] / p.horizonYears() * scale;
            c.set(2 * i, 0, -(linear + cost));
            c.set(2 * i + 1, 0, -(-linear + cost));
        }
        // rows: budget (net buying at most the cash), turnover cap, x >= 0, sells at most what is held
        int rows = 2 + m + n;
        R064Store ai = R064Store.FACTORY.make(rows, m);
        R064Store bi = R064Store.FACTORY.make(rows, 1);
        for (int i = 0; i < n; i++) {
            ai.set(0, 2 * i, 1.0);
            ai.set(0, 2 * i + 1, -1.0);
            ai.set(1, 2 * i, 1.0);
            ai.set(1, 2 * i + 1, 1.0);
            ai.set(2 + m + i, 2 * i + 1, 1.0);
            bi.set(2 + m + i, 0, Math.max(0.0, p.current()[i]));
        }
        bi.set(0, 0, Math.max(0.0, p.currentCash()));
        bi.set(1, 0, p.maxTurnover());
        for (int k = 0; k < m; k++) {
            ai.set(2 + k, k, -1.0);
        }
        // dense: the direct active-set solver (a KKT factorisation per step) is faster than the iterative one ojAlgo
        // picks by default for a problem this small (26 variables for 13 assets)
        Optimisation.Options options = new Optimisation.Options();
        options.sparse = Boolean.FALSE;
        Optimisation.Result result = ConvexSolver.newBuilder().objective(q, c).inequalities(ai, bi).build(options)
                .solve();
        if (!result.getState().isFeasible()) {
            return p.current();
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.max(0.0, p.current()[i] + result.doubleValue(2 * i) - result.doubleValue(2 * i + 1));
        }
        return out;
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
                    if (row.length != n) {
                        throw new IllegalArgumentException("covariance row of " + row.length + " entries for " + n
                                + " assets");
                    }
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
