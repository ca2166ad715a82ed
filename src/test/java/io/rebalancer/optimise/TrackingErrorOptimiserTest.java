package io.rebalancer.optimise;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Two uncorrelated assets, each with annual variance 0.04 (20 % volatility), held at 60 / 40 against a 50 / 50
 * target, no cash. Worked by hand: with cost c per unit traded and horizon H, each leg of the trade x (sell x of
 * the first, buy x of the second) minimises (lambda / 2) 0.04 (0.1 - x)^2 + (c / H) x, so
 * x = 0.1 - c / (H lambda 0.04) when that is positive (the edge of Leland's no-trade region), else 0.
 */
class TrackingErrorOptimiserTest {
    private static final double[][] COV = {{0.04, 0.0}, {0.0, 0.04}};

    private static double[] solve(double lambda, double cost, double cap) {
        return TrackingErrorOptimiser.solve(new TrackingErrorOptimiser.Problem(new double[]{0.6, 0.4}, 0.0,
                new double[]{0.5, 0.5}, COV, lambda, new double[]{cost, cost}, 1.0, cap));
    }

    @Test
    void solve_noCost_reachesTarget() {
        assertArrayEquals(new double[]{0.5, 0.5}, solve(4, 0, 1.0), 1e-5);
    }

    @Test
    void solve_withCost_stopsWhereMarginalBenefitEqualsMarginalCost() {
        // lambda 20, c = 1 %: x = 0.1 - 0.01 / (20 x 0.04) = 0.1 - 0.0125 = 0.0875 -> 51.25 / 48.75
        assertArrayEquals(new double[]{0.5125, 0.4875}, solve(20, 0.01, 1.0), 1e-5);
    }

    @Test
    void solve_costAboveBenefit_doesNotTrade() {
        // lambda 2, c = 1 %: x = 0.1 - 0.01 / 0.08 = -0.025 < 0 -> stay at 60 / 40
        assertArrayEquals(new double[]{0.6, 0.4}, solve(2, 0.01, 1.0), 1e-5);
    }

    @Test
    void solve_turnoverCapBinds_tradesOnlyTheCap() {
        // cap 10 % of NAV in total: 5 % sold, 5 % bought -> 55 / 45
        double[] w = solve(4, 0, 0.10);
        assertArrayEquals(new double[]{0.55, 0.45}, w, 1e-5);
        assertEquals(0.10, Math.abs(w[0] - 0.6) + Math.abs(w[1] - 0.4), 1e-5);
    }

    private static TrackingErrorOptimiser.Problem problem(double lambda, double cap) {
        return new TrackingErrorOptimiser.Problem(new double[]{0.6, 0.4}, 0.0, new double[]{0.5, 0.5}, COV, lambda,
                new double[]{0.01, 0.01}, 1.0, cap);
    }

    @Test
    void memo_sameProblemTwice_solvesOnceAndGivesTheSameWeights() {
        TrackingErrorOptimiser.Memo memo = new TrackingErrorOptimiser.Memo(10);
        double[] first = memo.apply(problem(20, 1.0));
        first[0] = -1; // a caller's change must not reach the memo
        double[] second = memo.apply(problem(20, 1.0));
        // the hand-worked 51.25 / 48.75 of solve_withCost_stopsWhereMarginalBenefitEqualsMarginalCost, bit for bit
        // what a solve of its own gives
        assertArrayEquals(TrackingErrorOptimiser.solve(problem(20, 1.0)), second, 0.0);
        assertArrayEquals(new double[]{0.5125, 0.4875}, second, 1e-5);
        assertEquals(1, memo.misses());
        assertEquals(1, memo.hits());
    }

    @Test
    void memo_oneInputDiffers_solvesAgain() {
        TrackingErrorOptimiser.Memo memo = new TrackingErrorOptimiser.Memo(10);
        memo.apply(problem(20, 1.0));
        // the turnover cap of 10 % binds: 55 / 45 as in solve_turnoverCapBinds_tradesOnlyTheCap (there without costs;
        // with lambda 20 and 1 % costs the unconstrained trade, 8.75 % a leg, is still above the cap's 5 %)
        assertArrayEquals(new double[]{0.55, 0.45}, memo.apply(problem(20, 0.10)), 1e-5);
        assertArrayEquals(new double[]{0.5125, 0.4875}, memo.apply(problem(Math.nextUp(20.0), 1.0)), 1e-5);
        assertEquals(3, memo.misses());
        assertEquals(0, memo.hits());
    }

    /**
     * The solver is fed matrices directly; ojAlgo's modelling layer (ExpressionsBasedModel, which validates and
     * presolves the model it is given) is the independent check: the same programme written as variables and
     * expressions must reach the same weights on books like the backtest's (13 assets, a three-factor covariance
     * with specific risk, random drifts, some cash, costs, a turnover cap that sometimes binds).
     */
    @Test
    void solve_thirteenAssetBooks_matchesOjAlgosModellingLayer() {
        java.util.Random random = new java.util.Random(20261203);
        int n = 13;
        for (int k = 0; k < 40; k++) {
            double[][] factors = new double[n][3];
            for (double[] row : factors) {
                for (int j = 0; j < 3; j++) {
                    row[j] = random.nextGaussian() * 0.15;
                }
            }
            double[][] cov = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double v = 0;
                    for (int f = 0; f < 3; f++) {
                        v += factors[i][f] * factors[j][f];
                    }
                    cov[i][j] = v + (i == j ? 0.02 : 0);
                }
            }
            double[] targets = new double[n];
            java.util.Arrays.fill(targets, 1.0 / n);
            double[] current = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                current[i] = targets[i] * (0.4 + 1.2 * random.nextDouble());
                sum += current[i];
            }
            double cash = 0.02 * random.nextDouble();
            for (int i = 0; i < n; i++) {
                current[i] *= (1 - cash) / sum;
            }
            double[] rates = new double[n];
            java.util.Arrays.fill(rates, 0.0001 + 0.002 * random.nextDouble());
            TrackingErrorOptimiser.Problem p = new TrackingErrorOptimiser.Problem(current, cash, targets, cov,
                    1 + 9 * random.nextDouble(), rates, 0.25, 0.05 + 0.3 * random.nextDouble());
            assertArrayEquals(viaModel(p), TrackingErrorOptimiser.solve(p), 1e-7, "book " + k);
        }
    }

    /** The same programme through ojAlgo's ExpressionsBasedModel, variables buy_i and sell_i. */
    private static double[] viaModel(TrackingErrorOptimiser.Problem p) {
        int n = p.current().length;
        org.ojalgo.optimisation.ExpressionsBasedModel model = new org.ojalgo.optimisation.ExpressionsBasedModel();
        org.ojalgo.optimisation.Variable[] buy = new org.ojalgo.optimisation.Variable[n];
        org.ojalgo.optimisation.Variable[] sell = new org.ojalgo.optimisation.Variable[n];
        for (int i = 0; i < n; i++) {
            buy[i] = model.newVariable("buy" + i).lower(0.0);
            sell[i] = model.newVariable("sell" + i).lower(0.0).upper(p.current()[i]);
        }
        double scale = 10_000.0;
        org.ojalgo.optimisation.Expression objective = model.newExpression("objective").weight(1.0);
        org.ojalgo.optimisation.Expression budget = model.newExpression("budget").upper(p.currentCash());
        org.ojalgo.optimisation.Expression turnover = model.newExpression("turnover").upper(p.maxTurnover());
        for (int i = 0; i < n; i++) {
            double sa = 0;
            for (int j = 0; j < n; j++) {
                double h = p.riskAversion() / 2 * scale * p.annualCovariance()[i][j];
                objective.set(buy[i], buy[j], h).set(sell[i], sell[j], h).set(buy[i], sell[j], -h)
                        .set(sell[i], buy[j], -h);
                sa += p.annualCovariance()[i][j] * (p.current()[j] - p.targets()[j]);
            }
            double cost = p.costRates()[i] / p.horizonYears() * scale;
            objective.set(buy[i], p.riskAversion() * scale * sa + cost).set(sell[i], -p.riskAversion() * scale * sa + cost);
            budget.set(buy[i], 1.0).set(sell[i], -1.0);
            turnover.set(buy[i], 1.0).set(sell[i], 1.0);
        }
        org.ojalgo.optimisation.Optimisation.Result result = model.minimise();
        assertTrue(result.getState().isFeasible(), result.toString());
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = p.current()[i] + result.doubleValue(2 * i) - result.doubleValue(2 * i + 1);
        }
        return w;
    }

    @Test
    void problem_negativeRiskAversion_saysWhatWasWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> solve(-1, 0, 1));
        assertTrue(e.getMessage().contains("risk aversion must be positive"), e.getMessage());
    }
}
