package io.rebalancer.optimise;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The repair of the solver's trades when the cash budget binds (found by an adversarial stress run of 3,000 problems). */
class FeasibleTradesBudgetTest {
    /**
     * A fully invested book (cash 0), so the budget binds: a self-financing swap whose net buying the solver put
     * 4.6e-10 above 0. Scaled to the budget, its weights sum to a few 1e-17 above the current ones whatever the
     * shrink factor, so shrinking every trade alike kept the sums over budget until the trades were down to 29 %.
     * The solver's own output on a sample covariance (constant-price asset, duplicate asset, near-cash asset).
     */
    @Test
    void weights_budgetBindingAtZeroCash_keepsTheSolversTrade() {
        double[] current = {0.21746297705227344, 0.12668243909534146, 0.19131559671667364, 0.019904581530610053,
                0.20034068990003034, 0.24429371570507108};
        double[] trades = {-0.1121887130583888, 1.7133280455898488E-10, -1.2299567818976954E-10, 0.21388971096755116,
                -0.10170099785753507, 3.5582632184363917E-10};
        double[][] cov = new double[6][6];
        for (int i = 0; i < 6; i++) {
            cov[i][i] = 0.04;
        }
        double[] rates = new double[6];
        java.util.Arrays.fill(rates, 4.76e-4);
        TrackingErrorOptimiser.Problem p = new TrackingErrorOptimiser.Problem(current, 0.0,
                new double[]{0.176, 0.338, 0.0, 0.263, 0.105, 0.119}, cov, 2.0, rates, 1.0, 0.4277794234050665);
        double[] w = FeasibleTrades.weights(p, trades);
        assertTrue(FeasibleTrades.within(p, w));
        assertEquals(0.21388971096755116, w[3] - current[3], 1e-9, "the buy the solver chose");
        assertEquals(-0.1121887130583888, w[0] - current[0], 1e-9, "the sale the solver chose");
    }
}
