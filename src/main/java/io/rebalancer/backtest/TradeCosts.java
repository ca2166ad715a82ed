package io.rebalancer.backtest;

import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.analytics.ReturnStats;
import io.rebalancer.domain.CostModel;

import java.util.List;

/**
 * The cost of trading one position at one day's close, as the agent's scenario simulator models it: the
 * portfolio's {@link CostModel} with participation = |shares| / 20-day average volume (as-of day included) and
 * the daily volatility = sample sd of the last 21 adj_close returns ending that day. Prices and volumes up to
 * the trading day only.
 */
final class TradeCosts {
    static final int ADV_WINDOW = 20;
    static final int VOL_WINDOW = 21;

    private final PriceHistory history;
    private final List<String> tickers;
    private final CostModel model;

    TradeCosts(PriceHistory history, List<String> tickers, CostModel model) {
        this.history = history;
        this.tickers = tickers;
        this.model = model;
    }

    CostModel model() {
        return model;
    }

    /** Cost in currency of trading {@code shares} (either sign) of ticker {@code i} at {@code price} on day {@code d}. */
    double cost(int i, int d, double shares, double price) {
        if (shares == 0) {
            return 0;
        }
        if (model.impactCoefficient() <= 0) {
            return model.linearCost(Math.abs(shares) * price);
        }
        String t = tickers.get(i);
        double sum = 0;
        int n = 0;
        for (int k = Math.max(0, d - ADV_WINDOW + 1); k <= d; k++) {
            sum += history.volume(t, k);
            n++;
        }
        double adv = n == 0 ? 0 : sum / n;
        double participation = adv > 0 ? Math.abs(shares) / adv : 0;
        double[] r = history.adjCloseReturns(t, d, VOL_WINDOW);
        double sigma = r.length < 2 ? 0 : ReturnStats.sampleStdDev(r);
        return model.cost(Math.abs(shares) * price, participation, sigma);
    }
}
