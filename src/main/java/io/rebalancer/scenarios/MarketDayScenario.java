package io.rebalancer.scenarios;

import io.rebalancer.agents.AgentMemory;
import io.rebalancer.agents.AppliedThresholdChange;
import io.rebalancer.agents.Cycle;
import io.rebalancer.agents.CycleRecord;
import io.rebalancer.agents.PlannedTrade;
import io.rebalancer.domain.Regime;
import io.rebalancer.rules.RuleEngine;
import io.rebalancer.service.RuleSetReplay;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A scenario of a real market day: the portfolio's holdings carried live-cycle style by {@link RuleSetReplay}
 * (one replay per portfolio, start and day, kept for the scenarios after it) and the whole agent {@link Cycle} run.
 */
final class MarketDayScenario {
    private final RuleEngine engine;
    private final Path backtestData;
    private final Map<String, RuleSetReplay> replays = new LinkedHashMap<>();

    MarketDayScenario(RuleEngine engine, Path backtestData) {
        this.engine = engine;
        this.backtestData = backtestData;
    }

    ScenarioOutcome run(ScenarioSpec.MarketDay d) {
        Objects.requireNonNull(d.asOf(), "market_day.as_of");
        String portfolio = d.portfolio() == null ? "PORT_A_TechGrowth" : d.portfolio();
        String key = portfolio + "|" + d.holdingsFrom() + "|" + d.asOf();
        RuleSetReplay replay = replays.computeIfAbsent(key, k -> RuleSetReplay.fromFiles(backtestData, portfolio,
                d.holdingsFrom(), d.asOf()));
        List<LocalDate> rebalances = d.lastRebalance() == null ? List.of() : List.of(d.lastRebalance());
        AgentMemory memory = new AgentMemory(d.persistentOffset() == null ? 0 : d.persistentOffset(), 0, null,
                d.previousRegime() == null ? null : Regime.valueOf(d.previousRegime().toUpperCase(Locale.ROOT)), rebalances);
        CycleRecord r = new Cycle(engine).run(replay.input(d.asOf(), memory, FactsScenario.outcomes(d.outcomes())), "scenario");
        return outcome(r);
    }

    static ScenarioOutcome outcome(CycleRecord r) {
        List<String> vetoed = new ArrayList<>();
        if (r.analysis() != null) {
            r.analysis().scenarios().stream().filter(s -> !s.vetoes().isEmpty()).forEach(s -> vetoed.add(s.type().name()));
        }
        Map<String, String> priorities = new LinkedHashMap<>();
        for (PlannedTrade p : r.decision().plan()) {
            priorities.put(p.ticker(), p.priority().name());
        }
        return new ScenarioOutcome(r.monitor().regime().regime().name(), r.monitor().verdict().name(),
                r.analysis() == null ? "none" : r.analysis().recommendation().type().name(),
                r.decision().chosen() == null ? "none" : r.decision().chosen().type().name(),
                r.decision().timing() == null ? "none" : r.decision().timing().timing().name(), vetoed,
                r.decision().thresholdChanges().stream().map(AppliedThresholdChange::kind).toList(), priorities,
                r.firedRules().stream().map(CycleRecord.Firing::rule).toList());
    }
}
