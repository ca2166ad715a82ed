package io.rebalancer.scenarios;

import io.rebalancer.domain.Regime;
import io.rebalancer.domain.ScenarioType;
import io.rebalancer.domain.Side;
import io.rebalancer.rules.Phase;
import io.rebalancer.rules.PhaseResult;
import io.rebalancer.rules.RuleEngine;
import io.rebalancer.rules.facts.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A scenario of hand-written facts: the monitor, analyze and decide phases of the rule engine fired exactly as the
 * agents feed them (same fact types, same groups), analyze only when the monitor triggers.
 */
final class FactsScenario {
    private final RuleEngine engine;

    FactsScenario(RuleEngine engine) {
        this.engine = engine;
    }

    ScenarioOutcome run(ScenarioSpec.Facts f) {
        Objects.requireNonNull(f.positions(), "facts.positions");
        Objects.requireNonNull(f.risk(), "facts.risk");
        Objects.requireNonNull(f.market(), "facts.market");
        List<PositionDrift> positions = new ArrayList<>();
        Map<String, double[]> sectors = new LinkedHashMap<>();
        double invested = 0;
        double sumAbs = 0;
        PositionDrift maxP = null;
        for (ScenarioSpec.Position p : f.positions()) {
            double drift = p.weight() - p.target();
            PositionDrift d = new PositionDrift(p.ticker(), p.sector(), p.weight(), p.target(), drift, Math.abs(drift));
            positions.add(d);
            maxP = maxP == null || d.absDrift() > maxP.absDrift() ? d : maxP;
            double[] s = sectors.computeIfAbsent(p.sector(), k -> new double[2]);
            s[0] += p.weight();
            s[1] += p.target();
            invested += p.weight();
            sumAbs += Math.abs(drift);
        }
        double cash = 1.0 - invested;
        List<SectorDrift> sectorDrifts = new ArrayList<>();
        SectorDrift maxS = null;
        for (Map.Entry<String, double[]> e : sectors.entrySet()) {
            double drift = e.getValue()[0] - e.getValue()[1];
            SectorDrift s = new SectorDrift(e.getKey(), e.getValue()[0], e.getValue()[1], drift, Math.abs(drift));
            sectorDrifts.add(s);
            maxS = maxS == null || s.absDrift() > maxS.absDrift() ? s : maxS;
        }
        double driftTotal = (sumAbs + Math.abs(cash)) / 2;
        PortfolioDrift portfolio = new PortfolioDrift(driftTotal, maxP.absDrift(), maxP.ticker(), maxS.absDrift(), maxS.sector());
        ScenarioSpec.Risk r = f.risk();
        RiskSnapshot risk = new RiskSnapshot(r.var95(), r.sharpe(), r.beta(), or(r.volatility(), 0.15), or(r.drawdown(), 0.0));
        ScenarioSpec.Market m = f.market();
        MarketConditions market = new MarketConditions(m.vix(), m.realizedVol(), or(m.benchmarkDrawdown(), 0.0),
                or(m.vixPercentile(), 0.5));
        ScenarioSpec.Bounds b = f.bounds() == null ? new ScenarioSpec.Bounds(0.02, 0.05) : f.bounds();
        ScenarioSpec.Adaptive a = f.adaptive() == null ? new ScenarioSpec.Adaptive(0, 0, false) : f.adaptive();
        AdaptiveState adaptive = new AdaptiveState(a.persistentOffset(), a.temporaryOffset(), a.temporaryActive(),
                b.minDriftCritical(), b.maxDriftCritical());
        PreviousRegime previous = new PreviousRegime(Regime.valueOf(
                f.previousRegime() == null ? "MODERATE" : f.previousRegime().toUpperCase(Locale.ROOT)));
        RebalanceHistory history = new RebalanceHistory(f.daysSinceLastRebalance() == null ? 9_999 : f.daysSinceLastRebalance(),
                f.recentRebalances() == null ? 0 : f.recentRebalances());

        List<Object> facts = new ArrayList<>(positions);
        facts.addAll(sectorDrifts);
        facts.addAll(List.of(portfolio, risk, market, calendar(f), adaptive, previous, history));
        PhaseResult monitor = engine.fire(Phase.MONITOR, facts);
        RegimeClassified regime = required(monitor, RegimeClassified.class);
        EffectiveThresholds effective = required(monitor, EffectiveThresholds.class);
        CostBenefit value = required(monitor, CostBenefit.class);
        MonitorVerdict verdict = required(monitor, MonitorVerdict.class);
        List<Trigger> triggers = monitor.all(Trigger.class);

        List<String> fired = new ArrayList<>(monitor.firedRuleNames());
        Recommendation recommendation = null;
        List<String> vetoed = new ArrayList<>();
        List<ScenarioMetrics> metrics = new ArrayList<>();
        List<TradeCandidate> candidates = new ArrayList<>();
        if (verdict.verdict() == io.rebalancer.domain.Verdict.TRIGGERED) {
            double te = or(f.trackingError(), 0.02);
            Map<ScenarioType, ScenarioSpec.Scenario> given = new LinkedHashMap<>();
            if (f.scenarios() != null) {
                f.scenarios().forEach(s -> given.put(ScenarioType.valueOf(s.type().toUpperCase(Locale.ROOT)), s));
            }
            for (ScenarioType type : ScenarioType.values()) {
                ScenarioSpec.Scenario s = given.get(type);
                if (s == null && type != ScenarioType.DEFER) {
                    // a scenario the file does not describe trades nothing (and is vetoed as the same as deferring)
                    s = new ScenarioSpec.Scenario(type.name(), 0.0, 0.0, driftTotal, null, null, null, null, null, null, List.of());
                }
                List<String> trades = type == ScenarioType.DEFER ? List.of() : s.trades() != null ? s.trades()
                        : positions.stream().filter(p -> p.absDrift() > 1e-9).map(PositionDrift::ticker).toList();
                double driftAfter = type == ScenarioType.DEFER ? driftTotal : or(s.driftAfter(), 0.0);
                double varAfter = type == ScenarioType.DEFER ? r.var95() : or(s.varAfter(), r.var95());
                double betaAfter = type == ScenarioType.DEFER ? r.beta() : or(s.betaAfter(), r.beta());
                boolean riskReducing = !(varAfter < r.var95() - 1e-9) && !(betaAfter > r.beta() + 1e-9);
                double teAfter = type == ScenarioType.DEFER ? te : or(s.trackingErrorAfter(),
                        driftTotal > 0 ? te * driftAfter / driftTotal : te);
                metrics.add(new ScenarioMetrics(type, trades.size(), type == ScenarioType.DEFER ? 0 : or(s.turnover(), 0.0),
                        type == ScenarioType.DEFER ? 0 : or(s.cost(), 0.0), driftTotal, driftAfter, 0, te, teAfter,
                        or(f.excessTrackingError(), te), type == ScenarioType.DEFER ? or(f.excessTrackingError(), te)
                                : or(s.excessTrackingErrorAfter(), teAfter),
                        r.var95(), varAfter, type == ScenarioType.DEFER ? r.sharpe() : or(s.sharpeAfter(), r.sharpe()),
                        r.beta(), betaAfter, riskReducing, type != ScenarioType.DEFER && s.withinTargetRisk() != null
                                && s.withinTargetRisk()));
                for (String ticker : trades) {
                    PositionDrift d = positions.stream().filter(p -> p.ticker().equals(ticker)).findFirst()
                            .orElseThrow(() -> new IllegalArgumentException(type + " trades " + ticker + ", which is not a position"));
                    candidates.add(new TradeCandidate(type, ticker, d.drift() > 0 ? Side.SELL : Side.BUY, 0,
                            d.absDrift(), d.target(), d.drift(), d.absDrift()));
                }
            }
            List<Object> analyze = new ArrayList<>(metrics);
            analyze.addAll(List.of(effective, value, regime, history));
            analyze.addAll(triggers);
            analyze.addAll(monitor.all(ReviewDue.class));
            PhaseResult analysis = engine.fire(Phase.ANALYZE, analyze);
            fired.addAll(analysis.firedRuleNames());
            recommendation = required(analysis, Recommendation.class);
            analysis.all(ScenarioVeto.class).forEach(v -> {
                if (!vetoed.contains(v.type().name())) {
                    vetoed.add(v.type().name());
                }
            });
        }
        List<Object> decide = new ArrayList<>(List.of(regime, previous, effective, verdict));
        decide.addAll(outcomes(f.outcomes()));
        if (recommendation != null) {
            decide.add(recommendation);
            decide.addAll(metrics);
            decide.addAll(candidates);
        }
        PhaseResult decision = engine.fire(Phase.DECIDE, decide);
        fired.addAll(decision.firedRuleNames());
        ScenarioChosen chosen = decision.one(ScenarioChosen.class).orElse(null);
        TimingDecided timing = decision.one(TimingDecided.class).orElse(null);
        Map<String, String> priorities = new LinkedHashMap<>();
        decision.all(TradePriority.class).forEach(p -> priorities.put(p.ticker(), p.priority().name()));
        return new ScenarioOutcome(regime.regime().name(), verdict.verdict().name(),
                recommendation == null ? "none" : recommendation.type().name(),
                chosen == null ? "none" : chosen.type().name(), timing == null ? "none" : timing.timing().name(), vetoed,
                decision.all(ThresholdChange.class).stream().map(ThresholdChange::kind).toList(), priorities, fired);
    }

    private static ReviewCalendar calendar(ScenarioSpec.Facts f) {
        ScenarioSpec.ReviewPeriods c = f.reviewCalendar();
        if (c == null) {
            return f.reviewDay() != null && f.reviewDay() ? ReviewCalendar.allNew() : ReviewCalendar.noneNew();
        }
        if (f.reviewDay() != null) {
            throw new IllegalArgumentException("facts: give \"review_day\" or \"review_calendar\", not both");
        }
        return new ReviewCalendar(yes(c.newWeek()), yes(c.newMonth()), yes(c.newQuarter()), yes(c.newYear()));
    }

    private static boolean yes(Boolean b) {
        return b != null && b;
    }

    static List<OutcomeStats> outcomes(List<ScenarioSpec.Outcome> list) {
        if (list == null) {
            return List.of();
        }
        return list.stream().map(o -> new OutcomeStats(Regime.valueOf(o.regime().toUpperCase(Locale.ROOT)),
                ScenarioType.valueOf(o.type().toUpperCase(Locale.ROOT)), o.count(), o.meanRegret(), o.meanOutcome(),
                or(o.hitRate(), 0.5), o.count(), or(o.activeT(), Double.NaN), Double.NaN, Double.NaN)).toList();
    }

    private static double or(Double v, double fallback) {
        return v == null ? fallback : v;
    }

    private static <T> T required(PhaseResult r, Class<T> type) {
        return r.one(type).orElseThrow(() -> new IllegalStateException("the " + r.phase().name().toLowerCase(Locale.ROOT)
                + " rules concluded no " + type.getSimpleName() + " (fired: " + r.firedRuleNames() + ")"));
    }
}
