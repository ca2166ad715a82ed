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

    // ---- edge cases. Unless said otherwise: two uncorrelated assets of variance 0.04, horizon one year.

    private static TrackingErrorOptimiser.Problem problem(double[] current, double cash, double[] targets,
                                                          double[][] cov, double lambda, double cost, double cap) {
        double[] rates = new double[current.length];
        java.util.Arrays.fill(rates, cost);
        return new TrackingErrorOptimiser.Problem(current, cash, targets, cov, lambda, rates, 1.0, cap);
    }

    /** The constraints, summed over the weights as a caller adds them up, must hold exactly (no tolerance). */
    private static void assertFeasibleAndNoWorse(TrackingErrorOptimiser.Problem p, double[] w) {
        double net = 0;
        double turnover = 0;
        for (int i = 0; i < w.length; i++) {
            assertTrue(w[i] >= 0, "weight " + i + " was " + w[i]);
            net += w[i] - p.current()[i];
            turnover += Math.abs(w[i] - p.current()[i]);
        }
        assertTrue(net <= Math.max(0, p.currentCash()), "net buying " + net + " above cash " + p.currentCash());
        assertTrue(turnover <= p.maxTurnover(), "turnover " + turnover + " above cap " + p.maxTurnover());
        assertTrue(TrackingErrorOptimiser.objective(p, w) <= TrackingErrorOptimiser.objective(p, p.current()),
                "worse than not trading");
    }

    private static IllegalArgumentException rejected(TrackingErrorOptimiser.Problem[] holder,
                                                     java.util.function.Supplier<TrackingErrorOptimiser.Problem> p) {
        return assertThrows(IllegalArgumentException.class, () -> holder[0] = p.get());
    }

    @Test
    void problem_raggedCovarianceRow_saysWhichRow() {
        IllegalArgumentException e = rejected(new TrackingErrorOptimiser.Problem[1], () -> problem(
                new double[]{0.6, 0.4}, 0, new double[]{0.5, 0.5}, new double[][]{{0.04}, {0, 0.04}}, 4, 0, 1));
        assertEquals("covariance must be square: row 0 of 2 has 1 entries", e.getMessage());
        e = rejected(new TrackingErrorOptimiser.Problem[1], () -> problem(new double[]{0.6, 0.4}, 0,
                new double[]{0.5, 0.5}, new double[][]{{0.04, 0}, {0, 0.04, 0.01}}, 4, 0, 1));
        assertEquals("covariance must be square: row 1 of 2 has 3 entries", e.getMessage());
    }

    @Test
    void problem_asymmetricCovariance_namesBothEntries() {
        IllegalArgumentException e = rejected(new TrackingErrorOptimiser.Problem[1], () -> problem(
                new double[]{0.6, 0.4}, 0, new double[]{0.5, 0.5}, new double[][]{{0.04, 0.03}, {0, 0.04}}, 4, 0, 1));
        assertEquals("covariance must be symmetric: entry [0][1] was 0.03 but [1][0] was 0.0", e.getMessage());
    }

    @Test
    void problem_covarianceNotPositiveSemiDefinite_givesTheNegativeEigenvalue() {
        // [[0.04, 0.08], [0.08, 0.04]] has eigenvalues 0.04 +/- 0.08 = 0.12 and -0.04: the objective would be
        // unbounded below along (1, -1), which the solver does not notice (it returned a saddle point)
        IllegalArgumentException e = rejected(new TrackingErrorOptimiser.Problem[1], () -> problem(
                new double[]{0.6, 0.4}, 0, new double[]{0.5, 0.5}, new double[][]{{0.04, 0.08}, {0.08, 0.04}}, 4, 0, 1));
        assertTrue(e.getMessage().startsWith("covariance must be positive semi-definite: its smallest eigenvalue was -0.0399"),
                e.getMessage());
    }

    @Test
    void problem_nonFiniteInputs_sayWhichAndWhatItWas() {
        double[][] cov = {{0.04, Double.NaN}, {Double.NaN, 0.04}};
        assertEquals("covariance entry [0][1] must be finite, was NaN", rejected(new TrackingErrorOptimiser.Problem[1],
                () -> problem(new double[]{0.6, 0.4}, 0, new double[]{0.5, 0.5}, cov, 4, 0, 1)).getMessage());
        assertEquals("current weight of asset 0 must be finite and zero or positive (long-only), was NaN",
                rejected(new TrackingErrorOptimiser.Problem[1], () -> problem(new double[]{Double.NaN, 0.4}, 0,
                        new double[]{0.5, 0.5}, COV, 4, 0, 1)).getMessage());
        assertEquals("current cash must be a finite fraction of NAV, was NaN", rejected(
                new TrackingErrorOptimiser.Problem[1], () -> problem(new double[]{0.6, 0.4}, Double.NaN,
                        new double[]{0.5, 0.5}, COV, 4, 0, 1)).getMessage());
        assertEquals("cost rate of asset 0 must be finite and zero or positive, was NaN", rejected(
                new TrackingErrorOptimiser.Problem[1], () -> problem(new double[]{0.6, 0.4}, 0,
                        new double[]{0.5, 0.5}, COV, 4, Double.NaN, 1)).getMessage());
    }

    @Test
    void problem_negativeCurrentWeight_isRejectedAsNotLongOnly() {
        // before, a short of 10 % came back as weight 0 under a turnover cap of 0: a 10 % trade past the cap
        assertEquals("current weight of asset 0 must be finite and zero or positive (long-only), was -0.1",
                rejected(new TrackingErrorOptimiser.Problem[1], () -> problem(new double[]{-0.1, 1.1}, 0,
                        new double[]{0.5, 0.5}, COV, 4, 0, 0)).getMessage());
    }

    @Test
    void problem_covarianceChangedAfterwards_doesNotChangeTheProblem() {
        double[][] cov = {{0.04, 0}, {0, 0.04}};
        TrackingErrorOptimiser.Problem p = problem(new double[]{0.6, 0.4}, 0, new double[]{0.5, 0.5}, cov, 4, 0, 1);
        cov[0][0] = -1;
        assertEquals(0.04, p.annualCovariance()[0][0], 0.0);
    }

    @Test
    void solve_infiniteTurnoverCap_meansNoCap() {
        // as solve_noCost_reachesTarget; before, the infinite bound reached the solver and every weight came back NaN
        assertArrayEquals(new double[]{0.5, 0.5}, TrackingErrorOptimiser.solve(problem(new double[]{0.6, 0.4}, 0,
                new double[]{0.5, 0.5}, COV, 4, 0, Double.POSITIVE_INFINITY)), 1e-6);
    }

    @Test
    void solve_capBinds_turnsOverTheCapAndNotAHairMore() {
        // 55 / 45 as in solve_turnoverCapBinds_tradesOnlyTheCap; before, the solver's tolerance left turnover at
        // 0.10000000013 > 0.10
        TrackingErrorOptimiser.Problem p = problem(new double[]{0.6, 0.4}, 0, new double[]{0.5, 0.5}, COV, 4, 0, 0.10);
        double[] w = TrackingErrorOptimiser.solve(p);
        assertArrayEquals(new double[]{0.55, 0.45}, w, 1e-6);
        assertFeasibleAndNoWorse(p, w);
        // not trading: (4 / 2) 0.04 (0.1^2 + 0.1^2) = 0.0016; at 55 / 45: 2 x 0.04 x 2 x 0.05^2 = 0.0004
        assertEquals(0.0016, TrackingErrorOptimiser.objective(p, p.current()), 1e-15);
        assertEquals(0.0004, TrackingErrorOptimiser.objective(p, w), 1e-9);
    }

    @Test
    void solve_alreadyAtTargetWithCosts_returnsTheCurrentWeightsExactly() {
        // at target the tracking error is 0 and any trade costs: nothing to do (before: trades of 9e-10)
        double[] w = TrackingErrorOptimiser.solve(problem(new double[]{0.5, 0.5}, 0, new double[]{0.5, 0.5}, COV, 4,
                0.01, 1));
        assertArrayEquals(new double[]{0.5, 0.5}, w, 0.0);
    }

    @Test
    void solve_costsFarAboveTheBenefit_returnsTheCurrentWeightsExactly() {
        // c = 50 %: x = 0.1 - 0.5 / (4 x 0.04) < 0 -> no trade (before: 6e-8 traded, which only costs)
        double[] w = TrackingErrorOptimiser.solve(problem(new double[]{0.6, 0.4}, 0, new double[]{0.5, 0.5}, COV, 4,
                0.5, 1));
        assertArrayEquals(new double[]{0.6, 0.4}, w, 0.0);
    }

    @Test
    void solve_turnoverCapZero_returnsTheCurrentWeightsExactly() {
        assertArrayEquals(new double[]{0.6, 0.4}, TrackingErrorOptimiser.solve(problem(new double[]{0.6, 0.4}, 0,
                new double[]{0.5, 0.5}, COV, 4, 0, 0)), 0.0);
    }

    @Test
    void solve_twoIdenticalAssetsWithCosts_doesNotTrade() {
        // singular covariance 0.04 [[1, 1], [1, 1]]: 60 / 40 and 50 / 50 have the same risk (active weights
        // +0.1 and -0.1 cancel), so any trade only costs (before: a trade of 1.4e-9)
        double[][] same = {{0.04, 0.04}, {0.04, 0.04}};
        assertArrayEquals(new double[]{0.6, 0.4}, TrackingErrorOptimiser.solve(problem(new double[]{0.6, 0.4}, 0,
                new double[]{0.5, 0.5}, same, 4, 0.01, 1)), 0.0);
    }

    @Test
    void solve_assetWithZeroVariance_onlyTheRiskyOneIsTraded() {
        // variances 0.04 and 0: only the first leg matters, x = 0.1 - 0.01 / (20 x 0.04) = 0.0875 sold into cash,
        // the riskless asset untouched (buying it would cost and remove no risk)
        TrackingErrorOptimiser.Problem p = problem(new double[]{0.6, 0.4}, 0, new double[]{0.5, 0.5},
                new double[][]{{0.04, 0}, {0, 0}}, 20, 0.01, 1);
        double[] w = TrackingErrorOptimiser.solve(p);
        assertArrayEquals(new double[]{0.5125, 0.4}, w, 1e-6);
        assertFeasibleAndNoWorse(p, w);
    }

    @Test
    void solve_singleAsset_closedForm() {
        // 90 % held, 10 % cash, target 100 %: x = 0.1 - 0.01 / (4 x 0.04) = 0.0375 bought
        TrackingErrorOptimiser.Problem p = problem(new double[]{0.9}, 0.1, new double[]{1.0}, new double[][]{{0.04}},
                4, 0.01, 1);
        double[] w = TrackingErrorOptimiser.solve(p);
        assertArrayEquals(new double[]{0.9375}, w, 1e-6);
        assertFeasibleAndNoWorse(p, w);
    }

    @Test
    void solve_allCashBook_buysEachLegToTheNoTradeEdge() {
        // nothing held, all cash: each leg from 0 toward 0.5, x = 0.5 - 0.001 / (4 x 0.04) = 0.49375
        TrackingErrorOptimiser.Problem p = problem(new double[]{0, 0}, 1, new double[]{0.5, 0.5}, COV, 4, 0.001, 2);
        double[] w = TrackingErrorOptimiser.solve(p);
        assertArrayEquals(new double[]{0.49375, 0.49375}, w, 1e-7);
        assertFeasibleAndNoWorse(p, w);
    }

    @Test
    void solve_targetsAboveOneAndNoCash_closestFullyInvestedBook() {
        // targets 60 / 60 cannot both be met with no cash: the nearest book with weights summing to at most 1 (equal
        // variances) takes (1.2 - 1) / 2 off each target: 50 / 50
        TrackingErrorOptimiser.Problem p = problem(new double[]{0.6, 0.4}, 0, new double[]{0.6, 0.6}, COV, 4, 0, 1);
        double[] w = TrackingErrorOptimiser.solve(p);
        assertArrayEquals(new double[]{0.5, 0.5}, w, 1e-6);
        assertFeasibleAndNoWorse(p, w);
    }

    @Test
    void solve_overdrawnBook_neverBuysNet() {
        // 70 / 40 and cash -10 %: no net buying allowed, so as above the weights may sum to at most 1.1 and the
        // targets 60 / 60 lose (1.2 - 1.1) / 2 each: 55 / 55
        TrackingErrorOptimiser.Problem p = problem(new double[]{0.7, 0.4}, -0.1, new double[]{0.6, 0.6}, COV, 4, 0, 1);
        double[] w = TrackingErrorOptimiser.solve(p);
        assertArrayEquals(new double[]{0.55, 0.55}, w, 1e-6);
        assertFeasibleAndNoWorse(p, w);
    }

    @Test
    void feasibleTrades_solverSlightlyOutside_isPulledBackInsideExactly() {
        // what an approximate or tolerance-bound answer looks like: selling 1e-12 more than is held, buying 1e-9
        // more than the cash, turning over 2e-9 more than the cap
        TrackingErrorOptimiser.Problem p = problem(new double[]{0.3, 0.6}, 0.1, new double[]{0.0, 1.0}, COV, 4, 0, 0.7);
        double[] w = FeasibleTrades.weights(p, new double[]{-0.3 - 1e-12, 0.4 + 1e-9 + 1e-12});
        assertEquals(0.0, w[0], 1e-15);
        assertEquals(1.0, w[1], 1e-8);
        assertFeasibleAndNoWorse(p, w);
        // a solver's NaN or rounding dust is no trade
        assertArrayEquals(new double[]{0.3, 0.6}, FeasibleTrades.weights(p, new double[]{Double.NaN, 1e-13}), 0.0);
    }

    /**
     * Books where some names are not held at all (a fresh book, a name dropped): the sell bound 0 <= sell <= 0 of
     * each made ojAlgo's active-set solver cycle forever (the fifth book here never came back). The result must
     * arrive, meet every constraint and be as good as ojAlgo's modelling layer's (its objective within 1e-8).
     */
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void solve_booksWithUnheldNames_finishAndMatchTheModellingLayer() {
        java.util.Random random = new java.util.Random(1);
        int n = 13;
        for (int k = 0; k < 12; k++) {
            double[][] factors = new double[n][2];
            for (double[] row : factors) {
                row[0] = random.nextGaussian() * 0.2;
                row[1] = random.nextGaussian() * 0.2;
            }
            double[][] cov = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    cov[i][j] = factors[i][0] * factors[j][0] + factors[i][1] * factors[j][1] + (i == j ? 0.02 : 0);
                }
            }
            double[] targets = new double[n];
            java.util.Arrays.fill(targets, 1.0 / n);
            double[] current = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                current[i] = random.nextDouble() < 0.2 ? 0 : random.nextDouble();
                sum += current[i];
            }
            double cash = 0.03 * random.nextDouble();
            for (int i = 0; i < n; i++) {
                current[i] *= (1 - cash) / sum;
            }
            double[] rates = new double[n];
            java.util.Arrays.fill(rates, 0.0005);
            double cap = 0.3 * random.nextDouble();
            TrackingErrorOptimiser.Problem p = new TrackingErrorOptimiser.Problem(current, cash, targets, cov,
                    1 + 9 * random.nextDouble(), rates, 0.25, cap);
            double[] w = TrackingErrorOptimiser.solve(p);
            assertFeasibleAndNoWorse(p, w);
            assertEquals(TrackingErrorOptimiser.objective(p, viaModel(p)), TrackingErrorOptimiser.objective(p, w), 1e-8,
                    "book " + k);
        }
    }
}
