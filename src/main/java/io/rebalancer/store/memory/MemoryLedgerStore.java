package io.rebalancer.store.memory;

import io.rebalancer.domain.Checks;
import io.rebalancer.domain.Execution;
import io.rebalancer.domain.Fill;
import io.rebalancer.store.LedgerStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Executions by id in the order saved; an execution is written whole or, when its id exists, not at all. */
final class MemoryLedgerStore implements LedgerStore {
    private static final Comparator<Execution> BY_DATE_THEN_TRANCHE = Comparator.comparing(Execution::date)
            .thenComparingInt(Execution::tranche);

    private final Map<String, Execution> executions = new LinkedHashMap<>();

    @Override
    public synchronized boolean save(Execution execution) {
        Objects.requireNonNull(execution, "execution");
        return executions.putIfAbsent(execution.id(), asStored(execution)) == null;
    }

    @Override
    public synchronized Optional<Execution> find(String cycleId) {
        Checks.notBlank("cycle id", cycleId);
        return Optional.ofNullable(executions.get(cycleId));
    }

    @Override
    public synchronized List<Execution> ofDecision(String cycleId) {
        Checks.notBlank("cycle id", cycleId);
        return executions.values().stream().filter(e -> e.cycleId().equals(cycleId))
                .sorted(Comparator.comparingInt(Execution::tranche)).toList();
    }

    @Override
    public synchronized List<Execution> executions(String portfolioId) {
        Checks.notBlank("portfolio id", portfolioId);
        return executions.values().stream().filter(e -> e.portfolioId().equals(portfolioId))
                .sorted(BY_DATE_THEN_TRANCHE).toList();
    }

    @Override
    public synchronized Map<String, List<Execution>> executionsByPortfolio() {
        Map<String, List<Execution>> out = new HashMap<>();
        executions.values().stream().sorted(BY_DATE_THEN_TRANCHE)
                .forEach(e -> out.computeIfAbsent(e.portfolioId(), k -> new ArrayList<>()).add(e));
        return out;
    }

    /**
     * The execution as the MongoDB adapter reads it back: money through its plain decimal text, so an amount of
     * scale below zero ({@code 1E+2}) comes back as {@code 100}.
     */
    private static Execution asStored(Execution e) {
        List<Fill> fills = new ArrayList<>(e.fills().size());
        for (Fill f : e.fills()) {
            fills.add(new Fill(f.clientOrderId(), f.ticker(), f.side(), f.shares(), plain(f.price()), plain(f.value()),
                    plain(f.cost())));
        }
        return new Execution(e.cycleId(), e.portfolioId(), e.date(), e.tranche(), e.tranches(), fills);
    }

    private static BigDecimal plain(BigDecimal amount) {
        return new BigDecimal(amount.toPlainString());
    }
}
