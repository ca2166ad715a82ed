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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Executes a stored live decision on paper and records the fills, so that later cycles start from the new
 * holdings. A decision is executed at most once, only on the holdings it was made on, and never before a later
 * execution of the same portfolio; anything else is refused with the reason and nothing is written.
 */
public final class ExecutionService {
    private static final BigDecimal CASH_TOLERANCE = new BigDecimal("0.01");

    private final Stores stores;

    public ExecutionService(Stores stores) {
        this.stores = stores;
    }

    public ExecutionOutcome execute(String cycleId) {
        String json = stores.decisions().find(cycleId).orElseThrow(() -> new NotFoundException(
                "no decision with id " + cycleId + "; 'history' lists the stored ones"));
        CycleRecord record = RecordJson.read(json, CycleRecord.class);
        if (record.runId() != null) {
            throw new IllegalArgumentException("decision " + cycleId + " belongs to backtest run " + record.runId()
                    + "; only live decisions can be executed");
        }
        PortfolioDefinition def = LiveCycleService.portfolio(stores, record.portfolioId());
        try (PortfolioLease lease = PortfolioLease.take(stores, def.id(), java.time.Clock.systemUTC())) {
            return execute(record, def);
        }
    }

    private ExecutionOutcome execute(CycleRecord record, PortfolioDefinition def) {
        String cycleId = record.cycleId();
        List<Execution> executions = stores.ledger().executions(def.id());
        PriceHistory history = history(def, record.asOf());
        Optional<Execution> done = stores.ledger().find(cycleId);
        if (done.isPresent()) {
            return outcome(def, history, record.asOf(), executions, done.get(), true);
        }
        Execution execution = PaperBroker.fill(record);
        for (Execution e : executions) {
            if (e.date().isAfter(record.asOf())) {
                throw new IllegalArgumentException("decision " + cycleId + " of " + record.asOf() + " comes before the"
                        + " execution of " + e.cycleId() + " on " + e.date() + "; decisions execute in date order");
            }
        }
        Holdings before = LiveHoldings.on(def, history, record.asOf(), executions);
        String changed = differences(before, record.inputs());
        if (changed != null) {
            throw new IllegalArgumentException("decision " + cycleId + " was made on other holdings than those held"
                    + " at the " + record.asOf() + " close now (" + changed + "); run a new cycle and execute that");
        }
        Holdings after = apply(before, execution);
        if (!stores.ledger().save(execution)) {
            Execution stored = stores.ledger().find(cycleId).orElse(execution);
            return outcome(def, history, record.asOf(), stores.ledger().executions(def.id()), stored, true);
        }
        return new ExecutionOutcome(execution, false, before, after);
    }

    private ExecutionOutcome outcome(PortfolioDefinition def, PriceHistory history, LocalDate asOf,
            List<Execution> executions, Execution execution, boolean already) {
        List<Execution> others = executions.stream().filter(e -> !e.cycleId().equals(execution.cycleId())).toList();
        Holdings before = LiveHoldings.on(def, history, asOf, others);
        return new ExecutionOutcome(execution, already, before, apply(before, execution));
    }

    private PriceHistory history(PortfolioDefinition def, LocalDate asOf) {
        PriceHistory h = stores.prices().history(LiveCycleService.tickers(def), def.inception(), asOf);
        int day = h.indexOf(asOf);
        if (day < 0) {
            throw new NotFoundException("no prices stored for " + asOf);
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
            return "cash " + BigDecimal.valueOf(inputs.cash()).setScale(2, java.math.RoundingMode.HALF_EVEN) + " then, "
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
