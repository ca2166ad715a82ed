package io.rebalancer.backtest;

import io.rebalancer.domain.CashFlow;

import java.time.LocalDate;
import java.util.List;

/**
 * A strategy's cash at the start of a trading day, the same for the agent and every baseline, before any trade of
 * the strategy's own: (1) cash held overnight earns that day's T-bill rate ({@code rf_daily}); (2) dividends going
 * ex that day are paid in cash (when dividends are paid in cash); (3) the portfolio's contributions and withdrawals
 * due that day arrive or leave; (4) when a flow arrived or left, when cash is overdrawn, or when idle cash exceeds
 * {@value #SWEEP_FRACTION} of NAV, the cash is spent to reduce drift: a surplus buys the underweight positions in
 * proportion to their shortfall against target (at the NAV after the flow), anything left over pro rata to target;
 * a shortfall sells the overweight positions in proportion to their excess, the rest pro rata to target. Trades pay
 * the run's costs. Cash is then about zero.
 */
final class CashFlowEngine {
    /** Idle cash above this fraction of NAV is swept into the portfolio (dividends accumulate below it). */
    static final double SWEEP_FRACTION = 0.005;
    /**
     * Cash below minus this fraction of NAV (a dollar a million) is raised by selling. Less is the rounding that
     * trading to target leaves (its cost estimate settles to 1e-9 of NAV), which as NAV moves would otherwise be
     * "swept" by a trade of a fraction of a cent, counted as a rebalance of its own.
     */
    static final double OVERDRAWN_FRACTION = 1e-6;

    private final BacktestContext ctx;
    private final List<CashFlow> flows;
    private final double[] targets;

    CashFlowEngine(BacktestContext ctx) {
        this.ctx = ctx;
        this.flows = ctx.portfolio().cashFlows();
        this.targets = ctx.targets();
    }

    /** The external flows due on run day {@code k} (positive in, negative out); 0 on the first day. */
    double externalFlow(int k) {
        double sum = 0;
        for (int i : due(k)) {
            sum += flows.get(i).amount();
        }
        return sum;
    }

    /** The indexes (in the portfolio's {@code cash_flows}) of the flows due on run day {@code k}; none on the first. */
    private List<Integer> due(int k) {
        if (k == 0 || flows.isEmpty()) {
            // most books declare no flows: nothing to allocate on each day of each strategy
            return List.of();
        }
        LocalDate day = ctx.date(k);
        LocalDate previous = ctx.date(k - 1);
        List<Integer> due = new java.util.ArrayList<>();
        for (int i = 0; i < flows.size(); i++) {
            if (flows.get(i).fallsOn(day, previous)) {
                due.add(i);
            }
        }
        return due;
    }

    /**
     * Applies run day {@code k}'s interest, dividends and flows to {@code book}, trading into {@code fill}.
     *
     * @return the external flow of the day (for time-weighted returns)
     */
    double apply(SimPortfolio book, int k, SimPortfolio.Fill fill) {
        if (k == 0) {
            return 0;
        }
        int d = ctx.start() + k;
        double[] prices = ctx.prices(d);
        double cash = book.cash();
        double interest = cash > 0 ? cash * ctx.market().rf(d) : 0;
        double dividends = 0;
        double[] perShare = ctx.dividends(d);
        for (int i = 0; i < perShare.length; i++) {
            dividends += book.shares(i) * perShare[i];
        }
        double flow = externalFlow(k);
        book.credit(interest + dividends + flow);
        double nav = book.nav(prices);
        fill.navBeforeTrading(nav);
        if (nav <= 0) {
            throw new IllegalArgumentException(overdrawn(k, nav - flow));
        }
        double idle = book.cash();
        if (flow != 0 || idle < -OVERDRAWN_FRACTION * nav || idle > SWEEP_FRACTION * nav) {
            spend(book, prices, d, nav, fill);
            if (book.cash() < -OVERDRAWN_FRACTION * nav) {
                spend(book, prices, d, book.nav(prices), fill); // the costs of the first pass
            }
        }
        return flow;
    }

    /**
     * Bad input, not a fault: the portfolio's own withdrawals (which the message names by their index in its
     * {@code cash_flows}) take out more than it is worth on day {@code k}; {@code before} is its value before them.
     */
    private String overdrawn(int k, double before) {
        StringBuilder named = new StringBuilder();
        double out = 0;
        for (int i : due(k)) {
            CashFlow f = flows.get(i);
            if (f.amount() < 0) {
                named.append(named.length() == 0 ? "" : ", ").append("cash_flows[").append(i).append("]");
                out -= f.amount();
            }
        }
        return String.format(java.util.Locale.ROOT, "portfolio %s: field %s withdraws %,.2f on %s, more than the"
                + " portfolio's value then (%,.2f); lower the withdrawal or end it earlier ('end')",
                ctx.portfolio().id(), named, out, ctx.date(k), before);
    }

    /** Spends the book's cash (or raises its shortfall) so as to reduce drift; see the class comment. */
    void spend(SimPortfolio book, double[] prices, int d, double nav, SimPortfolio.Fill fill) {
        double cash = book.cash();
        int n = targets.length;
        double[] gap = new double[n];
        double gapSum = 0;
        for (int i = 0; i < n; i++) {
            double diff = targets[i] * nav - book.shares(i) * prices[i];
            gap[i] = cash > 0 ? Math.max(0, diff) : Math.max(0, -diff);
            gapSum += gap[i];
        }
        double amount = Math.abs(cash);
        double[] value = new double[n];
        for (int i = 0; i < n; i++) {
            value[i] = gapSum >= amount ? (gapSum == 0 ? 0 : gap[i] * amount / gapSum)
                    : gap[i] + (amount - gapSum) * targets[i];
        }
        TradeCosts costs = ctx.costs();
        if (cash > 0) {
            // buy with what is left after the buys' own costs
            double cost = 0;
            for (int i = 0; i < n; i++) {
                cost += costs.cost(i, d, value[i] / prices[i], prices[i]);
            }
            double scale = amount / (amount + cost);
            for (int i = 0; i < n; i++) {
                double q = value[i] * scale / prices[i];
                if (q * prices[i] > SimPortfolio.MIN_TRADE * nav) {
                    double c = costs.cost(i, d, q, prices[i]);
                    book.trade(i, q, prices[i], c);
                    fill.add(q * prices[i], c);
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                double q = -Math.min(value[i] / prices[i], book.shares(i));
                if (-q * prices[i] > SimPortfolio.MIN_TRADE * nav) {
                    double c = costs.cost(i, d, q, prices[i]);
                    book.trade(i, q, prices[i], c);
                    fill.add(-q * prices[i], c);
                }
            }
        }
    }
}
