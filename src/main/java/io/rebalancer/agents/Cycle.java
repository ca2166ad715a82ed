package io.rebalancer.agents;

import io.rebalancer.optimise.TrackingErrorOptimiser;
import io.rebalancer.rules.PhaseResult;
import io.rebalancer.rules.RuleEngine;
import io.rebalancer.rules.facts.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One Monitor -> Analyzer -> Decision cycle. Pure: facts in, a {@link CycleRecord} out; no I/O. */
public final class Cycle {
    private final RuleEngine rules;
    private final MonitorAgent monitor;
    private final AnalyzerAgent analyzer;
    private final DecisionAgent decision;
    private final Function<TrackingErrorOptimiser.Problem, double[]> optimiser;

    public Cycle(RuleEngine rules) {
        this(rules, TrackingErrorOptimiser::solve);
    }

    /**
     * A cycle whose OPTIMAL scenario is solved by {@code optimiser}, which must give what
     * {@link TrackingErrorOptimiser#solve} gives: a {@link TrackingErrorOptimiser.Memo} shared by the cycles of a
     * sweep, whose variants meet the same problems on the days their books agree.
     */
    public Cycle(RuleEngine rules, Function<TrackingErrorOptimiser.Problem, double[]> optimiser) {
        this.rules = rules;
        this.optimiser = java.util.Objects.requireNonNull(optimiser, "optimiser");
        this.monitor = new MonitorAgent(rules);
        this.analyzer = new AnalyzerAgent(rules);
        this.decision = new DecisionAgent(rules);
    }

    public String rulesHash() {
        return rules.ruleSetHash();
    }

    private volatile Integer outcomeHorizon;

    /**
     * The trading days after which a decision's outcome is scored, as the rules say ({@link OutcomeHorizon}, from
     * learning.drl.xlsx: the decide phase fired on no facts), or {@code fallback} when the rule set gives none.
     */
    public int outcomeHorizon(int fallback) {
        Integer h = outcomeHorizon;
        if (h == null) {
            h = rules.fire(io.rebalancer.rules.Phase.DECIDE, List.of()).all(OutcomeHorizon.class).stream()
                    .mapToInt(OutcomeHorizon::tradingDays).findFirst().orElse(0);
            outcomeHorizon = h;
        }
        return h > 0 ? h : fallback;
    }

    /**
     * Runs {@code work}, a loop of many cycles (a backtest), as the rule engine's guarded work: their phases fire
     * without a thread hand-off each, under the same limits ({@link RuleEngine#guarded}).
     */
    public <T> T guarded(java.util.function.Supplier<T> work) {
        return rules.guarded(work);
    }

    /** Runs the cycle; {@code runId} is null for a live cycle, a backtest run's id otherwise. */
    public CycleRecord run(CycleInput in, String runId) {
        Book book = Book.of(in);
        RiskModel risk = RiskModel.of(in);
        MonitorResult m = monitor.assess(in, book, risk);
        AnalyzerResult a = null;
        if (m.triggered()) {
            a = analyzer.analyze(m, new ScenarioSimulator(in, book, risk, m.risk(), optimiser));
        }
        DecisionResult d = decision.decide(in, m, a);
        return record(in, runId, book, m, a, d);
    }

    /**
     * The id of the cycle of a portfolio definition on a day with a rule set (and run): a changed portfolio file
     * taken up by the store is a different cycle, as a changed rule is.
     */
    public static String cycleId(io.rebalancer.domain.PortfolioDefinition portfolio, java.time.LocalDate asOf,
                                 String rulesHash, String runId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String key = portfolio.id() + "|" + asOf + "|" + rulesHash + "|" + (runId == null ? "live" : runId) + "|"
                    + portfolio.fingerprint();
            return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private CycleRecord record(CycleInput in, String runId, Book book, MonitorResult m, AnalyzerResult a,
                               DecisionResult d) {
        Map<String, Double> prices = new LinkedHashMap<>();
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int i = 0; i < book.size(); i++) {
            prices.put(book.tickers().get(i).symbol(), book.price(i));
            shares.put(book.tickers().get(i).symbol(), book.shares(i));
        }
        CycleRecord.Inputs inputs = new CycleRecord.Inputs(book.nav(), book.cash(), in.priceBasis().name(), prices,
                shares, in.vix(), in.vixPercentile());
        CycleRecord.Monitor monitor = new CycleRecord.Monitor(m.drift().positions(), m.drift().sectors(),
                m.drift().portfolio(), m.risk(), m.market(), m.regime(), m.previousRegime(), m.thresholds(),
                m.history(), m.triggers(), m.observations(), m.verdict().verdict());
        CycleRecord.Analysis analysis = null;
        if (a != null) {
            List<CycleRecord.Scenario> scenarios = new ArrayList<>();
            a.scenarios().forEach((type, s) -> scenarios.add(new CycleRecord.Scenario(type, s.metrics(), s.trades(),
                    a.score(type).orElse(null), a.vetoes(type))));
            analysis = new CycleRecord.Analysis(scenarios, a.recommendation());
        }
        String action = d.chosen() == null ? "NO_ACTION" : d.rebalances() ? "REBALANCE" : "DEFER";
        double traded = d.plan().stream().mapToDouble(PlannedTrade::value).sum();
        double cost = d.plan().stream().mapToDouble(PlannedTrade::cost).sum();
        CycleRecord.Decision decision = new CycleRecord.Decision(action, d.chosen(), d.timing(), d.plan(),
                d.plan().size(), traded, traded / book.nav(), cost, d.thresholdChanges(), reasoning(m, a, d));
        List<CycleRecord.Firing> fired = new ArrayList<>();
        addFirings(fired, "monitor", m.phase());
        if (a != null) {
            addFirings(fired, "analyze", a.phase());
        }
        addFirings(fired, "decide", d.phase());
        String hash = rules.ruleSetHash();
        return new CycleRecord(cycleId(in.portfolio(), in.asOf(), hash, runId), in.portfolio().id(), in.asOf(),
                runId, hash, inputs, monitor, analysis, decision, fired, d.memoryAfter());
    }

    private static void addFirings(List<CycleRecord.Firing> out, String phase, PhaseResult result) {
        result.fired().forEach(f -> out.add(CycleRecord.Firing.of(phase, f)));
    }

    private static List<String> reasoning(MonitorResult m, AnalyzerResult a, DecisionResult d) {
        List<String> lines = new ArrayList<>();
        lines.add("Regime " + m.regime().regime() + ": " + m.regime().reason());
        m.triggers().forEach(t -> lines.add(t.reason()));
        m.observations().forEach(o -> lines.add(o.reason()));
        if (a != null) {
            a.vetoes().forEach(v -> lines.add(v.type() + " ruled out: " + v.reason()));
            lines.add("Recommended " + a.recommendation().type() + ": " + a.recommendation().reason());
        }
        if (d.chosen() != null) {
            lines.add("Chose " + d.chosen().type() + ": " + d.chosen().reason());
        }
        if (d.timing() != null) {
            lines.add("Timing " + d.timing().timing() + ": " + d.timing().reason());
        }
        if (m.history().daysSinceLastRebalance() < 9_999) {
            lines.add("Last rebalance was " + m.history().daysSinceLastRebalance() + " trading days ago");
        } else {
            lines.add("No earlier rebalance on record");
        }
        return lines;
    }
}
