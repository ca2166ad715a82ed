package io.rebalancer.agents;

import io.rebalancer.analytics.CovarianceMatrix;
import io.rebalancer.analytics.ReturnStats;
import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.Ticker;
import io.rebalancer.rules.facts.MarketConditions;
import io.rebalancer.rules.facts.RiskSnapshot;

import java.util.List;

/**
 * Trailing risk of a set of weights: the last 252 daily adj_close returns of each position, combined with
 * fixed weights (cash earns nothing). Built once per cycle; the covariance matrix only when first needed.
 */
final class RiskModel {
    static final int LOOKBACK = 252;
    static final int SHORT_WINDOW = 21;
    static final double CONFIDENCE = 0.95;

    private final double[][] returns;
    private final double[] benchmark;
    private final double[] rf;
    private CovarianceMatrix covariance;

    private RiskModel(double[][] returns, double[] benchmark, double[] rf) {
        this.returns = returns;
        this.benchmark = benchmark;
        this.rf = rf;
    }

    static RiskModel of(CycleInput in) {
        PriceHistory h = in.history();
        int end = in.asOfIndex();
        List<Ticker> tickers = in.portfolio().tickers();
        double[][] r = new double[tickers.size()][];
        for (int i = 0; i < r.length; i++) {
            r[i] = h.adjCloseReturns(tickers.get(i).symbol(), end, LOOKBACK);
        }
        double[] bench = h.adjCloseReturns(in.portfolio().benchmark().symbol(), end, LOOKBACK);
        double[] rf = in.rfDaily() == null ? null : ReturnStats.trailing(in.rfDaily(), bench.length);
        if (rf != null && rf.length != bench.length) {
            rf = null;
        }
        return new RiskModel(r, bench, rf);
    }

    int days() {
        return benchmark.length;
    }

    double[] portfolioReturns(double[] weights) {
        int n = benchmark.length;
        double[] p = new double[n];
        for (int i = 0; i < weights.length; i++) {
            double w = weights[i];
            double[] ri = returns[i];
            for (int d = 0; d < n; d++) {
                p[d] += w * ri[d];
            }
        }
        return p;
    }

    RiskSnapshot snapshot(double[] weights) {
        if (days() < SHORT_WINDOW) {
            return new RiskSnapshot(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] p = portfolioReturns(weights);
        return new RiskSnapshot(
                ReturnStats.historicalVar(p, CONFIDENCE),
                ReturnStats.sharpeGeometric(p, rf),
                ReturnStats.beta(p, benchmark),
                ReturnStats.annualizedVolatility(p),
                currentDrawdown(p));
    }

    /** Ex-ante tracking error to target, annualised, from the trailing sample covariance. */
    double trackingError(double[] weights, double[] targets) {
        if (days() < SHORT_WINDOW) {
            return Double.NaN;
        }
        if (covariance == null) {
            covariance = CovarianceMatrix.sample(returns);
        }
        double[] active = new double[weights.length];
        for (int i = 0; i < active.length; i++) {
            active[i] = weights[i] - targets[i];
        }
        return covariance.annualizedTrackingError(active);
    }

    /** The trailing sample covariance of the positions, annualised (x 252); null with too little history. */
    double[][] annualCovariance() {
        if (days() < SHORT_WINDOW) {
            return null;
        }
        if (covariance == null) {
            covariance = CovarianceMatrix.sample(returns);
        }
        int n = covariance.size();
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = covariance.get(i, j) * ReturnStats.PERIODS_PER_YEAR;
            }
        }
        return out;
    }

    /** Daily volatility of one position over the short window, for the market-impact cost. */
    double dailyVolatility(int position) {
        double[] r = ReturnStats.trailing(returns[position], SHORT_WINDOW);
        return r.length < 2 ? 0 : ReturnStats.sampleStdDev(r);
    }

    MarketConditions market(double vix, double vixPercentile, PriceHistory h, String benchmarkTicker, int end) {
        double[] shortWindow = ReturnStats.trailing(benchmark, SHORT_WINDOW);
        double realized = shortWindow.length < 2 ? 0 : ReturnStats.annualizedVolatility(shortWindow);
        double peak = 0;
        for (int d = Math.max(0, end - LOOKBACK); d <= end; d++) {
            peak = Math.max(peak, h.adjClose(benchmarkTicker, d));
        }
        double drawdown = h.adjClose(benchmarkTicker, end) / peak - 1;
        return new MarketConditions(vix, realized, drawdown, vixPercentile);
    }

    private static double currentDrawdown(double[] r) {
        double level = 1;
        double peak = 1;
        for (double x : r) {
            level *= 1 + x;
            peak = Math.max(peak, level);
        }
        return level / peak - 1;
    }
}
