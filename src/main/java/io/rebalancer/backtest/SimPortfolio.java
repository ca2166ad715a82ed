package io.rebalancer.backtest;

/**
 * A simulated book: fractional shares per position and cash (currency), valued at the prices given. Mutable,
 * owned by one strategy. Trades settle at the given price; their cost is paid from cash.
 */
final class SimPortfolio {
    /** Trades smaller than this fraction of NAV are skipped. */
    static final double MIN_TRADE = 1e-9;

    private final double[] shares;
    private double cash;

    SimPortfolio(double[] shares, double cash) {
        this.shares = shares.clone();
        this.cash = cash;
    }

    /** Fully invested at {@code targets} with NAV {@code nav} at {@code prices}, no cost (the common start). */
    static SimPortfolio atTarget(double[] targets, double[] prices, double nav) {
        double[] s = new double[targets.length];
        double invested = 0;
        for (int i = 0; i < s.length; i++) {
            s[i] = targets[i] * nav / prices[i];
            invested += s[i] * prices[i];
        }
        return new SimPortfolio(s, nav - invested);
    }

    double[] shares() {
        return shares.clone();
    }

    double shares(int i) {
        return shares[i];
    }

    double cash() {
        return cash;
    }

    double nav(double[] prices) {
        double v = cash;
        for (int i = 0; i < shares.length; i++) {
            v += shares[i] * prices[i];
        }
        return v;
    }

    double[] weights(double[] prices) {
        double nav = nav(prices);
        double[] w = new double[shares.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = shares[i] * prices[i] / nav;
        }
        return w;
    }

    /** Portfolio drift {@code (sum|w - t| + |cash weight|) / 2}. */
    double drift(double[] prices, double[] targets) {
        return drift(weights(prices), cash / nav(prices), targets);
    }

    static double drift(double[] w, double cashWeight, double[] targets) {
        double sum = Math.abs(cashWeight);
        for (int i = 0; i < w.length; i++) {
            sum += Math.abs(w[i] - targets[i]);
        }
        return sum / 2;
    }

    static double maxPositionDrift(double[] w, double[] targets) {
        double max = 0;
        for (int i = 0; i < w.length; i++) {
            max = Math.max(max, Math.abs(w[i] - targets[i]));
        }
        return max;
    }

    /** Adds {@code amount} to cash (negative: takes it out): interest, dividends, contributions, withdrawals. */
    void credit(double amount) {
        cash += amount;
    }

    /** Buys (positive) or sells {@code delta} shares of position {@code i} at {@code price}, paying {@code cost}. */
    void trade(int i, double delta, double price, double cost) {
        shares[i] += delta;
        if (shares[i] < 0 && shares[i] > -1e-9) {
            shares[i] = 0;
        }
        cash -= delta * price + cost;
    }

    /**
     * Trades every position back to {@code targets} at the day's prices, costs included: the target values are
     * taken on NAV minus the cost, iterated until the cost estimate settles, so cash ends at (about) zero.
     */
    Fill rebalanceTo(double[] targets, double[] prices, int day, TradeCosts costs) {
        double nav = nav(prices);
        double[] delta = new double[shares.length];
        double costEstimate = 0;
        double cost = 0;
        for (int iteration = 0; iteration < 6; iteration++) {
            double investable = nav - costEstimate;
            cost = 0;
            for (int i = 0; i < shares.length; i++) {
                delta[i] = targets[i] * investable / prices[i] - shares[i];
                if (Math.abs(delta[i] * prices[i]) < MIN_TRADE * nav) {
                    delta[i] = 0;
                }
                cost += costs.cost(i, day, delta[i], prices[i]);
            }
            if (Math.abs(cost - costEstimate) < 1e-9 * nav) {
                break;
            }
            costEstimate = cost;
        }
        Fill fill = new Fill(nav);
        for (int i = 0; i < shares.length; i++) {
            if (delta[i] != 0) {
                double c = costs.cost(i, day, delta[i], prices[i]);
                trade(i, delta[i], prices[i], c);
                fill.add(Math.abs(delta[i] * prices[i]), c);
            }
        }
        return fill;
    }

    /** What one day's trading of a strategy came to. */
    static final class Fill {
        private double navBefore;
        double traded;
        double cost;
        int trades;

        Fill(double navBefore) {
            this.navBefore = navBefore;
        }

        /**
         * The day's NAV once its dividends, interest and external flows are in cash, which is the NAV its trades
         * start from; called before the first trade.
         */
        void navBeforeTrading(double nav) {
            if (trades > 0) {
                throw new IllegalStateException("the NAV before trading is set after " + trades + " trades");
            }
            navBefore = nav;
        }

        void add(double value, double c) {
            traded += value;
            cost += c;
            trades++;
        }

        double navBefore() {
            return navBefore;
        }

        /** One-way turnover of the day: (buys + sells) / 2 / NAV before trading. */
        double oneWayTurnover() {
            return traded / 2 / navBefore;
        }
    }
}
