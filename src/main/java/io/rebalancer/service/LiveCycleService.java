package io.rebalancer.service;

import io.rebalancer.agents.AgentMemory;
import io.rebalancer.agents.Cycle;
import io.rebalancer.agents.CycleInput;
import io.rebalancer.agents.CycleRecord;
import io.rebalancer.agents.PriceBasis;
import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.Account;
import io.rebalancer.domain.Execution;
import io.rebalancer.domain.Holdings;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.Regime;
import io.rebalancer.domain.Ticker;
import io.rebalancer.rules.facts.OutcomeStats;
import io.rebalancer.store.Stores;
import io.rebalancer.store.ThresholdState;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs one live cycle for a stored portfolio: loads prices, holdings (inception purchase, dividends and the paper
 * executions up to the as-of day), market data and the adaptive state from the store, runs the agents, and
 * records snapshot, threshold state and decision (the decision last, keyed by a cycle id derived from portfolio,
 * as-of and rule set, so a rerun writes nothing). A cycle on day D sees only what was known on D: the adaptive
 * state of the latest cycle dated before D, the executions up to D, the outcomes matured by D; nothing dated
 * after D plays a part, so an earlier day can be (re)run after a later one.
 */
public final class LiveCycleService {
    /** Calendar days of history loaded before the as-of date: enough for 252 trading-day returns. */
    public static final int HISTORY_CALENDAR_DAYS = 400;

    private final Stores stores;
    private final Supplier<Cycle> cycles;
    private final OutcomeSource outcomes;

    public LiveCycleService(Stores stores, Cycle cycle) {
        this(stores, () -> cycle, OutcomeSource.NONE);
    }

    public LiveCycleService(Stores stores, Cycle cycle, OutcomeSource outcomes) {
        this(stores, () -> cycle, outcomes);
    }

    /**
     * With the cycle supplied only once the inputs are loaded, so that a rule compile can overlap the loading, and
     * the outcomes of earlier decisions for the learning rules.
     */
    public LiveCycleService(Stores stores, Supplier<Cycle> cycles, OutcomeSource outcomes) {
        this.stores = stores;
        this.cycles = cycles;
        this.outcomes = outcomes;
    }

    /**
     * Runs and records the cycle while holding the portfolio's lease; another process working on the same
     * portfolio makes it fail with {@link PortfolioBusyException} before anything is read or written.
     */
    public CycleOutcome run(String portfolioId, LocalDate requestedAsOf) {
        PortfolioDefinition def = portfolio(stores, portfolioId);
        try (PortfolioLease lease = PortfolioLease.take(stores, def.id(), Clock.systemUTC())) {
            return run(def, requestedAsOf);
        }
    }

    /**
     * What the cycle of {@code requestedAsOf} (null: the latest stored day) would conclude, without writing
     * anything or taking the lease: the stored decision when that cycle was recorded, otherwise a fresh cycle on
     * the stored state (queries use it for the regime and its reasons).
     */
    public CycleOutcome preview(String portfolioId, LocalDate requestedAsOf) {
        return run(portfolio(stores, portfolioId), requestedAsOf, false);
    }

    /** The live state on {@code requestedAsOf} (null: the latest day all the portfolio's tickers have prices). */
    public static LiveView view(Stores stores, String portfolioId, LocalDate requestedAsOf) {
        return view(stores, portfolio(stores, portfolioId), requestedAsOf);
    }

    static LiveView view(Stores stores, PortfolioDefinition def, LocalDate requestedAsOf) {
        LocalDate latest = stores.prices().latestDate()
                .orElseThrow(() -> new NotFoundException("the store holds no prices; run 'data import' first"));
        LocalDate asOf = requestedAsOf == null ? latest : requestedAsOf;
        if (asOf.isBefore(def.inception())) {
            throw new NotFoundException("as-of date " + asOf + " is before the inception " + def.inception() + " of "
                    + def.id());
        }
        if (asOf.isAfter(latest)) {
            throw new NotFoundException("no prices stored for " + asOf + "; the latest stored day is " + latest);
        }
        List<Ticker> tickers = tickers(def);
        LocalDate from = def.inception().minusDays(HISTORY_CALENDAR_DAYS);
        PriceHistory history = stores.prices().history(tickers, from.isBefore(asOf.minusDays(HISTORY_CALENDAR_DAYS))
                ? from : asOf.minusDays(HISTORY_CALENDAR_DAYS), asOf);
        if (requestedAsOf == null && !history.dates().isEmpty()) {
            // the latest day all of this portfolio's tickers have prices (other tickers may be newer)
            asOf = history.dates().get(history.size() - 1);
        }
        int day = history.indexOf(asOf);
        if (day < 0) {
            throw new NotFoundException("no prices on " + asOf + " (not a trading day in the store); the nearest earlier"
                    + " trading day is " + nearestEarlier(history, asOf));
        }
        history = history.upTo(day);
        MarketContext market = MarketContext.of(history, stores.prices().marketDays(history.dates().get(0), asOf));
        List<Execution> executions = stores.ledger().executions(def.id());
        Holdings holdings = LiveHoldings.on(def, history, asOf, executions);
        return new LiveView(def, asOf, requestedAsOf == null, history, market, holdings, executions);
    }

    private CycleOutcome run(PortfolioDefinition def, LocalDate requestedAsOf) {
        return run(def, requestedAsOf, true);
    }

    private CycleOutcome run(PortfolioDefinition def, LocalDate requestedAsOf, boolean write) {
        LiveView view = view(stores, def, requestedAsOf);
        LocalDate asOf = view.asOf();
        PriceHistory history = view.history();
        int day = history.size() - 1;
        MarketContext market = view.market();
        Holdings holdings = view.holdings();
        // what was known on asOf: the state of the latest earlier cycle, and the rebalances actually executed
        Optional<ThresholdState> state = stores.thresholds().liveBefore(def.id(), asOf);
        List<LocalDate> rebalances = executedRebalances(view.executions(), asOf);
        Map<Ticker, Double> shares = new LinkedHashMap<>();
        holdings.shares().forEach((t, n) -> shares.put(t, n.doubleValue()));
        // holdings come from the stored definition (the model version of the inception); the cycle uses the
        // version in force on its day, so a model change applies from its effective date and not before
        def = inForce(stores, def, asOf);
        Cycle cycle = cycles.get();
        String cycleId = Cycle.cycleId(def, asOf, cycle.rulesHash(), null);
        Optional<String> stored = stores.decisions().find(cycleId);
        if (stored.isPresent()) {
            return new CycleOutcome(RecordJson.read(stored.get(), CycleRecord.class), true, requestedAsOf == null,
                    stores.description(), List.of());
        }
        List<OutcomeStats> learned = outcomes.outcomes(def, history, asOf,
                state.map(ThresholdState::updatedAsOf).orElse(null));
        CycleInput in = new CycleInput(def, asOf, history, PriceBasis.CLOSE, shares, holdings.cash().doubleValue(),
                market.vix(day), market.vixPercentile(day), market.rfReturnsUpTo(day),
                memory(state, rebalances), learned, true);

        CycleRecord record = cycle.run(in, null);
        if (!write) {
            return new CycleOutcome(record, false, requestedAsOf == null, stores.description(), learned);
        }
        stores.snapshots().save(null, def.id(), asOf, RecordJson.write(Map.of("portfolio_id", def.id(),
                "as_of", asOf.toString(), "cycle_id", record.cycleId(), "inputs", record.inputs())));
        stores.thresholds().save(state(def.id(), record, rebalances));
        boolean written = stores.decisions().save(record.cycleId(), def.id(), asOf, null, RecordJson.write(record));
        return new CycleOutcome(record, !written, requestedAsOf == null, stores.description(), learned);
    }

    /** The terms of the portfolio on {@code day}: for an account on a model, the model version in force then. */
    public static PortfolioDefinition inForce(Stores stores, PortfolioDefinition stored, LocalDate day) {
        Optional<Account> account = stores.portfolios().account(stored.id());
        if (account.isEmpty() || account.get().model() == null) {
            return stored;
        }
        return account.get().on(stores.portfolios().modelVersions(account.get().model()), day);
    }

    /** Refuses trading for a portfolio marked do-not-trade. */
    public static void checkMayTrade(Stores stores, String portfolioId) {
        if (stores.portfolios().account(portfolioId).map(Account::doNotTrade).orElse(false)) {
            throw new DoNotTradeException("portfolio " + portfolioId + " is marked do-not-trade: its cycles run and"
                    + " report, but nothing is executed or ordered for it");
        }
    }

    public static PortfolioDefinition portfolio(Stores stores, String portfolioId) {
        return stores.portfolios().definition(portfolioId).orElseThrow(() -> new NotFoundException(
                "unknown portfolio '" + portfolioId + "'; stored portfolios: "
                        + String.join(", ", stores.portfolios().portfolioIds())));
    }

    /** The portfolio's tickers plus its benchmark if it is not one of them. */
    public static List<Ticker> tickers(PortfolioDefinition def) {
        List<Ticker> out = new ArrayList<>(def.tickers());
        if (!out.contains(def.benchmark())) {
            out.add(def.benchmark());
        }
        return out;
    }

    private static LocalDate nearestEarlier(PriceHistory history, LocalDate date) {
        int i = history.indexOnOrBefore(date);
        return i < 0 ? null : history.dates().get(i);
    }

    /**
     * The live memory on a day: the adaptive offsets and regime of the state left by the latest earlier cycle, and
     * as rebalances the days of the executions (first tranches) up to the day. A decision never executed did not
     * rebalance: live, the cooldown runs from executions, not from decisions.
     */
    static AgentMemory memory(Optional<ThresholdState> state, List<LocalDate> rebalances) {
        if (state.isEmpty()) {
            return new AgentMemory(0, 0, null, null, rebalances);
        }
        ThresholdState s = state.get();
        return new AgentMemory(s.persistentOffset(), s.temporaryOffset(), s.temporaryUntil(),
                s.lastRegime() == null ? null : Regime.valueOf(s.lastRegime()), rebalances);
    }

    /**
     * The days of the portfolio's executed rebalances (first tranches of decisions; orders placed by hand are not
     * the agent's rebalances) on or before {@code asOf}, oldest first.
     */
    static List<LocalDate> executedRebalances(List<Execution> executions, LocalDate asOf) {
        List<LocalDate> days = executions.stream().filter(e -> e.tranche() == 1 && !e.date().isAfter(asOf)
                        && !e.cycleId().startsWith(OrderService.ORDER_PREFIX))
                .map(Execution::date).distinct().sorted().toList();
        return days.subList(Math.max(0, days.size() - AgentMemory.KEPT), days.size());
    }

    static ThresholdState state(String portfolioId, CycleRecord record, List<LocalDate> rebalances) {
        AgentMemory m = record.memoryAfter();
        return new ThresholdState(portfolioId, record.runId(), m.persistentOffset(), m.temporaryOffset(),
                m.temporaryUntil(), m.lastRegime() == null ? null : m.lastRegime().name(),
                rebalances.isEmpty() ? null : rebalances.get(rebalances.size() - 1), record.asOf(), record.cycleId());
    }
}
