package io.rebalancer.optimise;

/**
 * Makes a solver's trades meet the constraints exactly: the active-set solver stops within its tolerances, so its
 * weights can be a hair below zero, its turnover a hair above the cap and its net buying a hair above the cash,
 * and an approximate answer (iteration limit reached) can be further off.
 */
final class FeasibleTrades {
    // trades this small (a millionth of a basis point of NAV) are the solver's rounding, not a decision
    static final double NOISE = 1e-10;

    private FeasibleTrades() {
    }

    /**
     * Weights from the net trades {@code trade} (fractions of NAV, + buys): noise dropped, no sale beyond the
     * holding, buys scaled down to the cash, all trades scaled down to the cap, then shrunk until the sums over
     * the weights themselves (w_i - w0_i, as a caller would add them up) meet every limit.
     */
    static double[] weights(TrackingErrorOptimiser.Problem p, double[] trade) {
        double[] current = p.current();
        int n = current.length;
        double[] d = new double[n];
        double buys = 0;
        double sells = 0;
        for (int i = 0; i < n; i++) {
            double x = Double.isFinite(trade[i]) && Math.abs(trade[i]) > NOISE ? trade[i] : 0.0;
            d[i] = Math.max(x, -current[i]);
            buys += Math.max(0, d[i]);
            sells += Math.max(0, -d[i]);
        }
        double cash = Math.max(0, p.currentCash());
        if (buys - sells > cash) {
            double f = (cash + sells) / buys;
            for (int i = 0; i < n; i++) {
                if (d[i] > 0) {
                    d[i] *= f;
                }
            }
            buys *= f;
        }
        if (buys + sells > p.maxTurnover()) {
            scale(d, p.maxTurnover() / (buys + sells));
        }
        double[] w = after(current, d);
        // the scaled sums are exact only up to rounding: shrink by a few ulps, then more, until the sums agree.
        // Shrink the buys, which lowers net buying and turnover alike: shrinking buys and sells together leaves
        // a self-financing swap's net at its rounding (a few 1e-17 over a budget of 0, whatever the factor), so
        // it went on until the trades were gone. The sells shrink only once no buy is left.
        for (int k = 0, j = 0; !within(p, w); ) {
            boolean buying = false;
            for (double x : d) {
                buying |= x > 0;
            }
            int step = buying ? k++ : j++;
            double f = step < 52 ? 1 - Math.scalb(1.0, step - 52) : 0.0;
            for (int i = 0; i < n; i++) {
                if (!buying || d[i] > 0) {
                    d[i] *= f;
                }
            }
            w = after(current, d);
        }
        return w;
    }

    /** Whether the weights are long-only, buy (net) at most the cash and turn over at most the cap. */
    static boolean within(TrackingErrorOptimiser.Problem p, double[] w) {
        double net = 0;
        double turnover = 0;
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] >= 0)) {
                return false;
            }
            double d = w[i] - p.current()[i];
            net += d;
            turnover += Math.abs(d);
        }
        return net <= Math.max(0, p.currentCash()) && turnover <= p.maxTurnover();
    }

    private static double[] after(double[] current, double[] d) {
        double[] w = new double[current.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = current[i] + d[i];
        }
        return w;
    }

    private static void scale(double[] d, double f) {
        for (int i = 0; i < d.length; i++) {
            d[i] *= f;
        }
    }
}
