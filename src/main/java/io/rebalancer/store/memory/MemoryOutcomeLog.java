package io.rebalancer.store.memory;

import io.rebalancer.domain.Checks;
import io.rebalancer.store.OutcomeLog;
import io.rebalancer.store.ScoredDecision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Scored decisions by cycle id in the order first saved (a replacement keeps its place), read oldest decision first. */
final class MemoryOutcomeLog implements OutcomeLog {
    private static final Comparator<ScoredDecision> BY_DECIDED = Comparator.comparing(ScoredDecision::decided);

    private final Map<String, ScoredDecision> outcomes = new LinkedHashMap<>();

    @Override
    public synchronized void save(List<ScoredDecision> scored) {
        scored.forEach(s -> Objects.requireNonNull(s, "scored decision"));
        scored.forEach(s -> outcomes.put(s.cycleId(), s));
    }

    @Override
    public synchronized List<ScoredDecision> of(String portfolioId) {
        Checks.notBlank("portfolio id", portfolioId);
        return outcomes.values().stream().filter(s -> s.portfolioId().equals(portfolioId)).sorted(BY_DECIDED)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    @Override
    public synchronized Map<String, List<ScoredDecision>> byPortfolio() {
        Map<String, List<ScoredDecision>> out = new HashMap<>();
        outcomes.values().stream().sorted(BY_DECIDED)
                .forEach(s -> out.computeIfAbsent(s.portfolioId(), k -> new ArrayList<>()).add(s));
        return out;
    }
}
