package io.rebalancer.optimise;

import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;

/**
 * The optimiser's programme as matrices for ojAlgo's convex (active-set) solver. Trades are split into buys and
 * sells (w = w0 + buy - sell, both non-negative, sell at most what is held), which makes |.| linear. A position
 * not held gets no sell variable at all: bounding one by 0 <= sell <= 0 is a degenerate vertex on which the
 * active-set solver can cycle without end (it did on books with a few unheld names).
 */
final class ConvexTrades {
    static {
        QuietOjAlgo.ensure();
    }

    // in bp of NAV a year: fractions are so small that the solver's tolerances would otherwise swallow the costs
    private static final double SCALE = 10_000.0;

    private ConvexTrades() {
    }

    /** The net trades (+ buys, - sells, fractions of NAV), or null when there is nothing to solve or no answer. */
    static double[] solve(TrackingErrorOptimiser.Problem p) {
        double[] current = p.current();
        int n = current.length;
        int[] sell = new int[n];
        int m = n;
        double held = 0;
        for (int i = 0; i < n; i++) {
            sell[i] = current[i] > 0 ? m++ : -1;
            held += current[i];
        }
        double cash = Math.max(0.0, p.currentCash());
        // no turnover cap above what a book can trade at all (sell everything, buy with it and the cash): an
        // infinite bound would reach the solver as NaN
        double cap = Math.min(p.maxTurnover(), 2 * held + cash);
        if (!(cap > 0) || (held == 0 && cash == 0)) {
            return null;
        }
        double lambda = p.riskAversion() * SCALE;
        double[][] s = p.annualCovariance();
        // ojAlgo minimises (1/2) x'Qx - C'x; the active weight is a = a0 + buy - sell, so (lambda / 2) a'Sa gives
        // Q = lambda [S -S; -S S] over buys and sells and a linear term lambda (S a0) (+ for buys, - for sells)
        R064Store q = R064Store.FACTORY.make(m, m);
        R064Store c = R064Store.FACTORY.make(m, 1);
        for (int i = 0; i < n; i++) {
            double sa = 0;
            for (int j = 0; j < n; j++) {
                double h = lambda * s[i][j];
                q.set(i, j, h);
                if (sell[i] >= 0 && sell[j] >= 0) {
                    q.set(sell[i], sell[j], h);
                }
                if (sell[j] >= 0) {
                    q.set(i, sell[j], -h);
                }
                if (sell[i] >= 0) {
                    q.set(sell[i], j, -h);
                }
                sa += s[i][j] * (current[j] - p.targets()[j]);
            }
            double linear = lambda * sa;
            double cost = p.costRates()[i] / p.horizonYears() * SCALE;
            c.set(i, 0, -(linear + cost));
            if (sell[i] >= 0) {
                c.set(sell[i], 0, -(-linear + cost));
            }
        }
        // rows: budget (net buying at most the cash), turnover cap, x >= 0, then sells at most what is held
        int rows = 2 + m + (m - n);
        R064Store ai = R064Store.FACTORY.make(rows, m);
        R064Store bi = R064Store.FACTORY.make(rows, 1);
        bi.set(0, 0, cash);
        bi.set(1, 0, cap);
        for (int k = 0; k < m; k++) {
            ai.set(0, k, k < n ? 1.0 : -1.0);
            ai.set(1, k, 1.0);
            ai.set(2 + k, k, -1.0);
        }
        for (int i = 0; i < n; i++) {
            if (sell[i] >= 0) {
                int row = 2 + m + sell[i] - n;
                ai.set(row, sell[i], 1.0);
                bi.set(row, 0, current[i]);
            }
        }
        // dense: the direct active-set solver (a KKT factorisation per step) is faster than the iterative one ojAlgo
        // picks by default for a problem this small; the iteration bound is a guard against cycling on a
        // degenerate programme, far above what a solve takes (an answer cut short is approximate, which the
        // caller repairs and checks against not trading)
        Optimisation.Options options = new Optimisation.Options();
        options.sparse = Boolean.FALSE;
        options.iterations_abort = 50 * m;
        Optimisation.Result result = ConvexSolver.newBuilder().objective(q, c).inequalities(ai, bi).build(options)
                .solve();
        if (!result.getState().isFeasible()) {
            return null;
        }
        double[] trades = new double[n];
        for (int i = 0; i < n; i++) {
            trades[i] = result.doubleValue(i) - (sell[i] >= 0 ? result.doubleValue(sell[i]) : 0.0);
        }
        return trades;
    }
}
