package io.rebalancer.backtest;

import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.backtest.BacktestResult.Settings;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.TargetWeight;
import io.rebalancer.domain.Ticker;
import io.rebalancer.service.MarketContext;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a backtest replays: the price history (which may start before {@code from}, for the agents' lookback),
 * VIX and risk-free rates aligned to it, the portfolio (its cost model is the one charged) and the day range.
 * Immutable and shared by every strategy of a run.
 */
public final class BacktestContext {
    private final PriceHistory history;
    private final MarketContext market;
    private final PortfolioDefinition portfolio;
    private final int start;
    private final int end;
    private final Settings settings;
    private final List<String> tickers;
    private final double[] targets;
    private final double[][] adj;
    private final double[][] pricesByDay;
    private final double[][] dividendsByDay;
    private final boolean cashDividends;
    private final double[] benchmarkAdj;
    private final Map<String, Integer> index = new HashMap<>();
    private final TradeCosts costs;
    private final RegretScorer scorer;

    /**
     * @param history the prices; every portfolio ticker and the benchmark must be in it and {@code end} must be
     *                its last day (the caller trims)
     * @param start   index of {@code from} in {@code history}
     * @param end     index of {@code to} in {@code history}
     */
    public BacktestContext(PriceHistory history, MarketContext market, PortfolioDefinition portfolio, int start,
                           int end, Settings settings) {
        if (start < 0 || end >= history.size() || start >= end) {
            throw new IllegalArgumentException("backtest needs at least two trading days; got day indexes " + start
                    + ".." + end + " of " + history);
        }
        this.history = history;
        this.market = market;
        this.portfolio = portfolio;
        this.start = start;
        this.end = end;
        this.settings = settings;
        this.tickers = portfolio.tickers().stream().map(Ticker::symbol).toList();
        this.targets = portfolio.targets().stream().mapToDouble(TargetWeight::weight).toArray();
        this.adj = new double[tickers.size()][end + 1];
        this.pricesByDay = new double[end + 1][tickers.size()];
        this.cashDividends = settings.dividends() == DividendMode.CASH;
        this.dividendsByDay = new double[end + 1][tickers.size()];
        for (int i = 0; i < tickers.size(); i++) {
            index.put(tickers.get(i), i);
            String t = tickers.get(i);
            for (int d = 0; d <= end; d++) {
                adj[i][d] = history.adjClose(t, d);
                pricesByDay[d][i] = cashDividends ? history.close(t, d) : adj[i][d];
                if (cashDividends && d > 0) {
                    dividendsByDay[d][i] = io.rebalancer.domain.Dividends.perShare(history.close(t, d - 1),
                            history.adjClose(t, d - 1), history.close(t, d), history.adjClose(t, d));
                }
            }
        }
        this.benchmarkAdj = new double[end + 1];
        for (int d = 0; d <= end; d++) {
            benchmarkAdj[d] = history.adjClose(portfolio.benchmark().symbol(), d);
        }
        this.costs = new TradeCosts(history, tickers, portfolio.costs());
        this.scorer = new RegretScorer(tickers, targets, settings.horizonDays(), settings.lambda());
    }

    /** This context with the outcome horizon {@code days} (itself when it has it already). */
    public BacktestContext withHorizon(int days) {
        if (days == settings.horizonDays()) {
            return this;
        }
        return new BacktestContext(history, market, portfolio, start, end, new Settings(settings.costs(),
                settings.learning(), days, settings.lambda(), settings.initialNav(), settings.withNoLearning(),
                settings.dividends()));
    }

    public PriceHistory history() {
        return history;
    }

    public MarketContext market() {
        return market;
    }

    public PortfolioDefinition portfolio() {
        return portfolio;
    }

    public Settings settings() {
        return settings;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** Trading days in the run, {@code from} and {@code to} included. */
    public int days() {
        return end - start + 1;
    }

    public LocalDate date(int k) {
        return history.dates().get(start + k);
    }

    public List<LocalDate> runDates() {
        return history.dates().subList(start, end + 1);
    }

    List<String> tickers() {
        return tickers;
    }

    double[] targets() {
        return targets.clone();
    }

    double[][] adj() {
        return adj;
    }

    /**
     * The price each ticker is valued and traded at on history day {@code d}: the close when dividends are paid in
     * cash, adj_close when they are reinvested (shared array: do not modify).
     */
    double[] prices(int d) {
        return pricesByDay[d];
    }

    /** adj_close of each ticker on history day {@code d} (a copy). */
    double[] adjPrices(int d) {
        double[] p = new double[tickers.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = adj[i][d];
        }
        return p;
    }

    /** Cash dividend per share of each ticker going ex on history day {@code d} (all 0 when reinvested). */
    double[] dividends(int d) {
        return dividendsByDay[d];
    }

    /** Whether dividends are paid in cash (positions at the close) rather than reinvested (at adj_close). */
    boolean cashDividends() {
        return cashDividends;
    }

    double benchmarkAdj(int d) {
        return benchmarkAdj[d];
    }

    int tickerIndex(String symbol) {
        Integer i = index.get(symbol);
        if (i == null) {
            throw new IllegalArgumentException("ticker " + symbol + " is not in portfolio " + portfolio.id());
        }
        return i;
    }

    TradeCosts costs() {
        return costs;
    }

    RegretScorer scorer() {
        return scorer;
    }

    /** Risk-free rate of each daily return of the run (length days - 1). */
    double[] rfReturns() {
        double[] rf = new double[days() - 1];
        for (int k = 1; k < days(); k++) {
            rf[k - 1] = market.rf(start + k);
        }
        return rf;
    }

    /**
     * Daily returns of the always-at-target portfolio (back to target at every close, no costs) on the run's
     * adj_close prices: {@code sum_i t_i * (adj_i(d) / adj_i(d-1) - 1)} (length days - 1).
     */
    double[] targetReturns() {
        return targetReturns(adj, targets, start, end);
    }

    /** {@link #targetReturns()} over {@code adj[ticker][day]} from day {@code first} to {@code last}. */
    static double[] targetReturns(double[][] adj, double[] targets, int first, int last) {
        double[] r = new double[last - first];
        for (int d = first + 1; d <= last; d++) {
            double x = 0;
            for (int i = 0; i < targets.length; i++) {
                x += targets[i] * (adj[i][d] / adj[i][d - 1] - 1);
            }
            r[d - first - 1] = x;
        }
        return r;
    }

    /** Benchmark daily returns of the run (length days - 1). */
    double[] benchmarkReturns() {
        double[] r = new double[days() - 1];
        for (int k = 1; k < days(); k++) {
            r[k - 1] = benchmarkAdj[start + k] / benchmarkAdj[start + k - 1] - 1;
        }
        return r;
    }
}
