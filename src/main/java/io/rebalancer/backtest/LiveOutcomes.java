package io.rebalancer.backtest;

import io.rebalancer.agents.CycleRecord;
import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.backtest.BacktestResult.DecisionOutcome;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.Regime;
import io.rebalancer.domain.ScenarioType;
import io.rebalancer.domain.TargetWeight;
import io.rebalancer.domain.Ticker;
import io.rebalancer.rules.facts.OutcomeStats;
import io.rebalancer.service.OutcomeSource;
import io.rebalancer.service.RecordJson;
import io.rebalancer.store.ScoredDecision;
import io.rebalancer.store.Stores;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The learning input of a live cycle: every earlier live decision of the portfolio that was analysed and whose
 * horizon has ended by the cycle's day is scored by {@link RegretScorer}, exactly as the backtest scores its own,
 * and aggregated per regime and chosen scenario. Live holdings are valued at the close, so each decision is scored
 * on total-return prices anchored at its day's close ({@code close_t x adj_t+k / adj_t}). A decision is scored
 * once and kept in the {@link io.rebalancer.store.OutcomeLog}, so a cycle reads only the decisions made since the
 * last scored one. Of several decisions stored for one day (rule sets changed in between), the one stored last
 * counts, unless that day was scored already.
 */
public final class LiveOutcomes implements OutcomeSource {
    private static final LocalDate EPOCH = LocalDate.of(1900, 1, 1);

    private final Stores stores;
    private final java.util.function.IntSupplier horizonSource;
    private final double lambda;
    private int horizon;

    public LiveOutcomes(Stores stores, int horizon, double lambda) {
        this(stores, () -> horizon, lambda);
    }

    /** With the horizon asked for on first use (the rules' outcome horizon, once the rules are loaded). */
    public LiveOutcomes(Stores stores, java.util.function.IntSupplier horizon, double lambda) {
        this.stores = stores;
        this.horizonSource = horizon;
        this.lambda = lambda;
    }

    @Override
    public List<OutcomeStats> outcomes(PortfolioDefinition def, PriceHistory history, LocalDate asOf,
            LocalDate previousAsOf) {
        if (horizon == 0) {
            horizon = horizonSource.getAsInt();
        }
        List<ScoredDecision> scored = new ArrayList<>(stores.outcomes().of(def.id()));
        scored.addAll(scoreNew(def, history, asOf, scored));
        scored.sort(java.util.Comparator.comparing(ScoredDecision::decided));
        double[][][] acc = new double[Regime.values().length][ScenarioType.values().length][8];
        LocalDate lastEnd = null;
        for (ScoredDecision o : scored) {
            if (!o.decided().isBefore(asOf) || o.maturedOn().isAfter(asOf)) {
                continue;
            }
            if (lastEnd != null && o.decided().isBefore(lastEnd)) {
                continue; // overlaps the horizon of the last counted decision (OutcomeBook does the same)
            }
            lastEnd = o.maturedOn();
            double[] a = acc[o.regime().ordinal()][o.chosen().ordinal()];
            a[0]++;
            a[1] += o.regret();
            if (!Double.isNaN(o.activeReturn())) {
                a[2] += o.activeReturn();
                a[5] += o.activeReturn() * o.activeReturn();
                a[6]++;
            }
            a[3] += o.regret() <= OutcomeBook.HIT_TOLERANCE ? 1 : 0;
            a[4] += previousAsOf == null || o.maturedOn().isAfter(previousAsOf) ? 1 : 0;
        }
        List<OutcomeStats> out = new ArrayList<>();
        for (Regime regime : Regime.values()) {
            for (ScenarioType type : ScenarioType.values()) {
                double[] a = acc[regime.ordinal()][type.ordinal()];
                int n = (int) a[0];
                int na = (int) a[6];
                if (n > 0) {
                    out.add(new OutcomeStats(regime, type, n, a[1] / n, na == 0 ? 0 : a[2] / na, a[3] / n, (int) a[4],
                            OutcomeStats.tStatistic(na, a[2], a[5]), Double.NaN, Double.NaN));
                }
            }
        }
        return out;
    }

    /** Scores and keeps the analysed decisions after the last scored one whose horizon has ended by {@code asOf}. */
    private List<ScoredDecision> scoreNew(PortfolioDefinition def, PriceHistory h, LocalDate asOf,
            List<ScoredDecision> scored) {
        LocalDate after = scored.isEmpty() ? EPOCH : scored.get(scored.size() - 1).decided();
        int last = h.indexOnOrBefore(asOf);
        if (last - horizon < 0) {
            return List.of();
        }
        // the last day whose horizon has ended by asOf: later decisions need not even be read
        LocalDate maturedBy = h.dates().get(last - horizon);
        if (!after.isBefore(maturedBy)) {
            return List.of();
        }
        Set<LocalDate> done = new HashSet<>();
        scored.forEach(s -> done.add(s.decided()));
        Map<LocalDate, CycleRecord> byDay = new TreeMap<>();
        for (String json : stores.decisions().liveBetween(def.id(), after.plusDays(1), maturedBy)) {
            CycleRecord r = RecordJson.read(json, CycleRecord.class);
            if (r.analysis() != null && !done.contains(r.asOf())) {
                byDay.put(r.asOf(), r);
            }
        }
        if (byDay.isEmpty()) {
            return List.of();
        }
        List<String> tickers = def.tickers().stream().map(Ticker::symbol).toList();
        RegretScorer scorer = new RegretScorer(tickers,
                def.targets().stream().mapToDouble(TargetWeight::weight).toArray(), horizon, lambda);
        List<ScoredDecision> fresh = new ArrayList<>();
        for (CycleRecord r : byDay.values()) {
            int t = h.indexOf(r.asOf());
            if (t < 0 || t + horizon > last) {
                continue;
            }
            double[][] prices = new double[tickers.size()][horizon + 1];
            for (int i = 0; i < tickers.size(); i++) {
                String s = tickers.get(i);
                for (int k = 0; k <= horizon; k++) {
                    prices[i][k] = h.close(s, t) * h.adjClose(s, t + k) / h.adjClose(s, t);
                }
            }
            DecisionOutcome o = scorer.score(r, 0, prices, h.dates().subList(t, t + horizon + 1), horizon);
            fresh.add(new ScoredDecision(r.cycleId(), def.id(), r.asOf(), h.dates().get(t + horizon), o.regime(),
                    o.chosen(), o.regret(), o.activeReturn()));
        }
        stores.outcomes().save(fresh);
        return fresh;
    }
}
