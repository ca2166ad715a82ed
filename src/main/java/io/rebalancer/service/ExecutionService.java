package io.rebalancer.service;

import io.rebalancer.agents.CycleRecord;
import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.Execution;
import io.rebalancer.domain.Fill;
import io.rebalancer.domain.Holdings;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.Ticker;
import io.rebalancer.execution.PaperBroker;
import io.rebalancer.store.Stores;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Executes stored live decisions on paper and records the fills, so that later cycles start from the new holdings.
 * The first (or only) tranche of a decision fills at its as-of close, only on the holdings the decision was made
 * on, and never before a later execution of the portfolio. A GRADUAL decision's later tranches fill one a trading
 * day at that day's close, as long as no other decision has been executed since its first tranche. Anything else is
 * refused with the reason and nothing is written; a tranche is never filled twice.
 */
public final class ExecutionService {
    private static final BigDecimal CASH_TOLERANCE = new BigDecimal("0.01");

    private final Stores stores;

    public ExecutionService(Stores stores) {
        this.stores = stores;
    }

    /** Executes the decision's first tranche, or, once that is done, its next tranche at the latest stored close. */
    public ExecutionOutcome execute(String cycleId) {
        return execute(cycleId, null);
    }

    /**
     * As {@link #execute(String)}, a later tranche filling at the close of {@code day} (null: the latest stored
     * trading day).
     */
    public ExecutionOutcome execute(String cycleId, LocalDate day) {
        String json = stores.decisions().find(cycleId).orElseThrow(() -> new NotFoundException(
                "no decision with id " + cycleId + "; 'history' lists the stored ones"));
        CycleRecord record = RecordJson.read(json, CycleRecord.class);
        if (record.runId() != null) {
            throw new IllegalArgumentException("decision " + cycleId + " belongs to backtest run " + record.runId()
                    + "; only live decisions can be executed");
        }
        if (day != null && day.isBefore(record.asOf())) {
            throw new IllegalArgumentException("--on " + day + " is before decision " + cycleId + "'s day, "
                    + record.asOf() + "; a decision can only be executed on or after the day it was made");
        }
        PortfolioDefinition def = LiveCycleService.portfolio(stores, record.portfolioId());
        LiveCycleService.checkMayTrade(stores, def.id());
        try (PortfolioLease lease = PortfolioLease.take(stores, def.id(), Clock.systemUTC())) {
            List<Execution> mine = stores.ledger().ofDecision(record.cycleId());
            return mine.isEmpty() ? first(record, def) : next(record, def, mine, day);
        }
    }

    /**
     * What {@code run --execute} and {@code watch --execute} do after a cycle: execute its decision when it
     * rebalances, otherwise continue a pending GRADUAL plan ({@link #continuePending}); empty when neither applies.
     */
    public Optional<ExecutionOutcome> executeDay(CycleRecord record) {
        return record.rebalanced() ? Optional.of(execute(record.cycleId()))
                : continuePending(record.portfolioId(), record.asOf());
    }

    /**
     * On a day whose own decision does not rebalance: the next tranche of the portfolio's last executed decision,
     * if that was GRADUAL, is not complete and was not overtaken; empty otherwise.
     */
    public Optional<ExecutionOutcome> continuePending(String portfolioId, LocalDate day) {
        List<Execution> all = stores.ledger().executions(portfolioId);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Execution last = all.get(all.size() - 1);
        if (last.tranche() >= last.tranches() || !last.date().isBefore(day)) {
            return Optional.empty();
        }
        ExecutionOutcome o = execute(last.cycleId(), day);
        return o.alreadyExecuted() ? Optional.empty() : Optional.of(o);
    }

    private ExecutionOutcome first(CycleRecord record, PortfolioDefinition def) {
        String cycleId = record.cycleId();
        List<Execution> executions = stores.ledger().executions(def.id());
        Execution execution = PaperBroker.fill(record);
        for (Execution e : executions) {
            if (e.date().isAfter(record.asOf())) {
                throw new IllegalArgumentException("decision " + cycleId + " of " + record.asOf() + " comes before the"
                        + " execution of " + e.cycleId() + " on " + e.date() + "; decisions execute in date order");
            }
        }
        PriceHistory history = history(def, record.asOf());
        Holdings before = LiveHoldings.on(def, history, record.asOf(), executions);
        String changed = differences(before, record.inputs());
        if (changed != null) {
            throw new IllegalArgumentException("decision " + cycleId + " was made on other holdings than those held"
                    + " at the " + record.asOf() + " close now (" + changed + "), so it is not executed; a day's"
                    + " decision is recorded once, and the next trading day's cycle starts from the holdings now held");
        }
        return record(def, history, execution, before);
    }

    private ExecutionOutcome next(CycleRecord record, PortfolioDefinition def, List<Execution> mine, LocalDate day) {
        Execution last = mine.get(mine.size() - 1);
        LocalDate on = day != null ? day : stores.prices().latestDate().orElse(last.date());
        PriceHistory history = history(def, on.isAfter(last.date()) ? on : last.date());
        Map<String, Double> closes = new HashMap<>();
        int d = history.size() - 1;
        for (Ticker t : def.tickers()) {
            closes.put(t.symbol(), history.close(t.symbol(), d));
        }
        List<Execution> executions = stores.ledger().executions(def.id());
        Optional<Execution> tranche = last.tranche() >= last.tranches() ? Optional.empty()
                : PaperBroker.fill(record, mine, on, closes);
        if (tranche.isEmpty() || !on.isAfter(last.date())) {
            List<Execution> before = executions.stream().filter(e -> !e.id().equals(last.id())).toList();
            Holdings h = LiveHoldings.on(def, history.upTo(history.indexOf(last.date())), last.date(), before);
            return new ExecutionOutcome(last, true, h, apply(h, last));
        }
        for (Execution e : executions) {
            if (!e.cycleId().equals(record.cycleId()) && !e.date().isBefore(mine.get(0).date())) {
                throw new IllegalArgumentException("tranche " + tranche.get().tranche() + " of decision "
                        + record.cycleId() + " was overtaken by the execution of " + e.cycleId() + " on " + e.date()
                        + "; its remaining tranches will not be filled");
            }
        }
        Holdings before = LiveHoldings.on(def, history, on, executions);
        return record(def, history, tranche.get(), before);
    }

    private ExecutionOutcome record(PortfolioDefinition def, PriceHistory history, Execution execution,
            Holdings before) {
        Holdings after = apply(before, execution);
        if (!stores.ledger().save(execution)) {
            return new ExecutionOutcome(execution, true, before, after);
        }
        return new ExecutionOutcome(execution, false, before, after);
    }

    private PriceHistory history(PortfolioDefinition def, LocalDate asOf) {
        PriceHistory h = stores.prices().history(LiveCycleService.tickers(def), def.inception(), asOf);
        int day = h.indexOf(asOf);
        if (day < 0) {
            throw new NotFoundException("no prices stored for " + asOf + " (not a trading day in the store)");
        }
        return h.upTo(day);
    }

    /** The first way the holdings differ from a record's inputs, or null when they are the same. */
    private static String differences(Holdings now, CycleRecord.Inputs inputs) {
        for (Map.Entry<String, Double> e : new TreeMap<>(inputs.shares()).entrySet()) {
            long held = now.sharesOf(Ticker.of(e.getKey()));
            if (held != Math.round(e.getValue())) {
                return e.getKey() + " " + Math.round(e.getValue()) + " shares then, " + held + " now";
            }
        }
        if (now.cash().subtract(BigDecimal.valueOf(inputs.cash())).abs().compareTo(CASH_TOLERANCE) > 0) {
            return "cash " + BigDecimal.valueOf(inputs.cash()).setScale(2, RoundingMode.HALF_EVEN) + " then, "
                    + now.cash() + " now";
        }
        return null;
    }

    private static Holdings apply(Holdings before, Execution e) {
        Map<Ticker, Long> shares = new TreeMap<>(before.shares());
        for (Fill f : e.fills()) {
            long left = shares.getOrDefault(f.ticker(), 0L) + f.sharesChange();
            if (left < 0) {
                throw new IllegalArgumentException("decision " + e.cycleId() + " sells " + f.shares() + " " + f.ticker()
                        + " but only " + shares.getOrDefault(f.ticker(), 0L) + " are held");
            }
            shares.put(f.ticker(), left);
        }
        BigDecimal cash = before.cash().add(e.cashChange());
        if (cash.signum() < 0) {
            throw new IllegalArgumentException("executing decision " + e.cycleId() + " would leave cash at " + cash
                    + "; nothing was executed");
        }
        return new Holdings(before.portfolioId(), before.asOf(), shares, cash);
    }
}
