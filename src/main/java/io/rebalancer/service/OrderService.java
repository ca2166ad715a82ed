package io.rebalancer.service;

import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.analytics.ReturnStats;
import io.rebalancer.domain.Execution;
import io.rebalancer.domain.Fill;
import io.rebalancer.domain.Holdings;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.Side;
import io.rebalancer.domain.Ticker;
import io.rebalancer.store.Stores;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Paper orders placed by hand (the {@code order} command, the MCP order tools): one fill of whole shares at the
 * latest stored close, with the cost the analyzer models for a trade (commission, half spread, square-root impact on
 * the 20-day average volume and 21-day volatility). Each order is recorded as an execution of its own,
 * {@code order-<client order id>}, under the portfolio's lease, so it is whole or absent and the next cycle starts
 * from the traded holdings. An order whose client order id was placed before does nothing and returns that order;
 * the same id with other terms is refused.
 */
public final class OrderService {
    /** Prefix of the execution id (and cycle id) of an order placed by hand. */
    public static final String ORDER_PREFIX = "order-";
    static final int ADV_WINDOW = 20;
    static final int VOL_WINDOW = 21;
    private static final Pattern CLIENT_ORDER_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");

    private final Stores stores;
    private final Clock clock;

    public OrderService(Stores stores) {
        this(stores, Clock.systemUTC());
    }

    OrderService(Stores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    /**
     * Places a paper order of {@code shares} of {@code symbol} for the portfolio; {@code clientOrderId} null for a
     * fresh one.
     */
    public ExecutionOutcome place(String portfolioId, Side side, String symbol, long shares, String clientOrderId) {
        if (side == null) {
            throw new IllegalArgumentException("order side must be buy or sell");
        }
        if (shares <= 0) {
            throw new IllegalArgumentException("shares must be a positive whole number, was " + shares);
        }
        String coid = clientOrderId == null ? UUID.randomUUID().toString() : clientOrderId;
        if (!CLIENT_ORDER_ID.matcher(coid).matches()) {
            throw new IllegalArgumentException("client order id '" + coid + "' must be 1-64 letters, digits, '.', '_',"
                    + " ':' or '-'");
        }
        PortfolioDefinition def = LiveCycleService.portfolio(stores, portfolioId);
        LiveCycleService.checkMayTrade(stores, def.id());
        Ticker ticker = Ticker.of(symbol);
        if (!def.tickers().contains(ticker)) {
            throw new IllegalArgumentException("symbol " + ticker + " is not a position of " + def.id()
                    + " (positions: " + String.join(", ", def.tickers().stream().map(Ticker::symbol).toList()) + ")");
        }
        try (PortfolioLease lease = PortfolioLease.take(stores, def.id(), clock)) {
            Optional<Execution> placed = stores.ledger().find(ORDER_PREFIX + coid);
            if (placed.isPresent()) {
                return again(def, placed.get(), side, ticker, shares);
            }
            LiveView view = LiveCycleService.view(stores, def, null);
            Holdings before = view.holdings();
            PriceHistory h = view.history();
            double close = h.close(ticker.symbol(), view.day());
            double cost = cost(def, h, ticker.symbol(), view.day(), shares, close);
            Fill fill = Fill.of(coid, ticker, side, shares, BigDecimal.valueOf(close), BigDecimal.valueOf(cost));
            Execution e = new Execution(ORDER_PREFIX + coid, def.id(), view.asOf(), 1, 1, List.of(fill));
            for (Execution earlier : stores.ledger().executions(def.id())) {
                if (earlier.date().isAfter(view.asOf())) {
                    throw new IllegalArgumentException("an execution of " + earlier.cycleId() + " on " + earlier.date()
                            + " comes after the latest close " + view.asOf() + " an order fills at");
                }
            }
            Holdings after = apply(before, e);
            boolean saved = stores.ledger().save(e);
            return new ExecutionOutcome(e, !saved, before, after);
        }
    }

    /** Whether an execution is an order placed by hand (not a decision's). */
    public static boolean isOrder(Execution e) {
        return e.cycleId().startsWith(ORDER_PREFIX);
    }

    private ExecutionOutcome again(PortfolioDefinition def, Execution e, Side side, Ticker ticker, long shares) {
        Fill f = e.fills().get(0);
        if (!e.portfolioId().equals(def.id()) || f.side() != side || !f.ticker().equals(ticker) || f.shares() != shares) {
            throw new IllegalArgumentException("client order id " + f.clientOrderId() + " was used before for "
                    + f.side() + " " + f.shares() + " " + f.ticker() + " of " + e.portfolioId() + " on " + e.date()
                    + "; use a new id for a different order");
        }
        LiveView then = LiveCycleService.view(stores, def, e.date());
        List<Execution> others = stores.ledger().executions(def.id()).stream()
                .filter(x -> !x.id().equals(e.id())).toList();
        Holdings before = LiveHoldings.on(def, then.history(), e.date(), others);
        return new ExecutionOutcome(e, true, before, then.holdings());
    }

    /** The analyzer's cost model for one trade at day {@code d}'s close (see backtest.TradeCosts). */
    static double cost(PortfolioDefinition def, PriceHistory h, String ticker, int d, long shares, double price) {
        double value = shares * price;
        if (def.costs().impactCoefficient() <= 0) {
            return def.costs().linearCost(value);
        }
        double sum = 0;
        int n = 0;
        for (int k = Math.max(0, d - ADV_WINDOW + 1); k <= d; k++) {
            sum += h.volume(ticker, k);
            n++;
        }
        double adv = n == 0 ? 0 : sum / n;
        double[] r = h.adjCloseReturns(ticker, d, VOL_WINDOW);
        double sigma = r.length < 2 ? 0 : ReturnStats.sampleStdDev(r);
        return def.costs().cost(value, adv > 0 ? shares / adv : 0, sigma);
    }

    private static Holdings apply(Holdings before, Execution e) {
        Map<Ticker, Long> shares = new TreeMap<>(before.shares());
        Fill f = e.fills().get(0);
        long held = shares.getOrDefault(f.ticker(), 0L);
        if (f.sharesChange() < 0 && held + f.sharesChange() < 0) {
            throw new IllegalArgumentException("cannot sell " + f.shares() + " " + f.ticker() + " of " + e.portfolioId()
                    + ": only " + held + " are held");
        }
        // the cash first: a buy too large for any cash would overflow the share count below
        BigDecimal cash = before.cash().add(e.cashChange());
        if (cash.signum() < 0) {
            throw new IllegalArgumentException("buying " + f.shares() + " " + f.ticker() + " for " + f.value()
                    + " plus cost " + f.cost() + " needs more than the cash " + before.cash() + " of " + e.portfolioId());
        }
        shares.put(f.ticker(), Math.addExact(held, f.sharesChange()));
        return new Holdings(before.portfolioId(), before.asOf(), shares, cash);
    }
}
