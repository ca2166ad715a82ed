package io.rebalancer.agents;

import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.Ticker;

import java.util.List;

/**
 * Positions valued at one set of prices: shares per ticker (in the portfolio's target order), cash and the
 * resulting NAV and weights. Immutable.
 */
public final class Book {
    private final List<Ticker> tickers;
    private final double[] shares;
    private final double[] prices;
    private final double cash;
    private final double nav;

    Book(List<Ticker> tickers, double[] shares, double[] prices, double cash) {
        this.tickers = tickers;
        this.shares = shares.clone();
        this.prices = prices.clone();
        this.cash = cash;
        double total = cash;
        for (int i = 0; i < shares.length; i++) {
            total += shares[i] * prices[i];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("portfolio NAV must be positive, was " + total);
        }
        this.nav = total;
    }

    static Book of(CycleInput in) {
        List<Ticker> tickers = in.portfolio().tickers();
        double[] shares = new double[tickers.size()];
        double[] prices = new double[tickers.size()];
        for (int i = 0; i < tickers.size(); i++) {
            shares[i] = in.shares().getOrDefault(tickers.get(i), 0.0);
            prices[i] = in.price(tickers.get(i));
        }
        return new Book(tickers, shares, prices, in.cash());
    }

    Book withShares(double[] newShares, double newCash) {
        return new Book(tickers, newShares, prices, newCash);
    }

    public List<Ticker> tickers() {
        return tickers;
    }

    public int size() {
        return tickers.size();
    }

    public double shares(int i) {
        return shares[i];
    }

    public double[] sharesArray() {
        return shares.clone();
    }

    public double price(int i) {
        return prices[i];
    }

    public double cash() {
        return cash;
    }

    public double nav() {
        return nav;
    }

    public double weight(int i) {
        return shares[i] * prices[i] / nav;
    }

    public double[] weights() {
        double[] w = new double[shares.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = weight(i);
        }
        return w;
    }

    public double cashWeight() {
        return cash / nav;
    }

    public double[] targets(PortfolioDefinition portfolio) {
        double[] t = new double[tickers.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = portfolio.targetWeight(tickers.get(i));
        }
        return t;
    }

    /** Portfolio drift: sum of |w - t| over positions and cash (target 0), halved. */
    public double portfolioDrift(PortfolioDefinition portfolio) {
        double[] t = targets(portfolio);
        double sum = Math.abs(cashWeight());
        for (int i = 0; i < t.length; i++) {
            sum += Math.abs(weight(i) - t[i]);
        }
        return sum / 2;
    }

}
