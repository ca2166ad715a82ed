package io.rebalancer.agents;

import io.rebalancer.domain.CostModel;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.ScenarioType;
import io.rebalancer.domain.Side;
import io.rebalancer.domain.Trade;
import io.rebalancer.rules.facts.EffectiveThresholds;
import io.rebalancer.rules.facts.RiskSnapshot;
import io.rebalancer.rules.facts.ScenarioMetrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Simulates the rebalancing scenarios on a book: which weights each aims for, the trades (whole shares when
 * asked), their cost, and the drift and risk after. Buys are scaled down when cash would go negative.
 */
final class ScenarioSimulator {
    private static final int ADV_WINDOW = 20;

    private final PortfolioDefinition portfolio;
    private final Book before;
    private final double[] targets;
    private final RiskModel risk;
    private final CostModel costs;
    private final boolean wholeShares;
    private final double[] adv;
    private final double[] dailyVol;
    private final RiskSnapshot riskBefore;
    private final double trackingErrorBefore;
    private final double driftBefore;

    ScenarioSimulator(CycleInput in, Book before, RiskModel risk, RiskSnapshot riskBefore) {
        this.portfolio = in.portfolio();
        this.before = before;
        this.targets = before.targets(portfolio);
        this.risk = risk;
        this.costs = portfolio.costs();
        this.wholeShares = in.wholeShares();
        this.riskBefore = riskBefore;
        this.adv = new double[before.size()];
        this.dailyVol = new double[before.size()];
        int end = in.asOfIndex();
        for (int i = 0; i < before.size(); i++) {
            String t = before.tickers().get(i).symbol();
            double sum = 0;
            int n = 0;
            for (int d = Math.max(0, end - ADV_WINDOW + 1); d <= end; d++) {
                sum += in.history().volume(t, d);
                n++;
            }
            adv[i] = n == 0 ? 0 : sum / n;
            dailyVol[i] = risk.dailyVolatility(i);
        }
        this.trackingErrorBefore = risk.trackingError(before.weights(), targets);
        this.driftBefore = before.portfolioDrift(portfolio);
    }

    Map<ScenarioType, SimulatedScenario> simulateAll(EffectiveThresholds thresholds) {
        Map<ScenarioType, SimulatedScenario> out = new LinkedHashMap<>();
        for (ScenarioType type : ScenarioType.values()) {
            out.put(type, simulate(type, thresholds));
        }
        return out;
    }

    SimulatedScenario simulate(ScenarioType type, EffectiveThresholds thresholds) {
        double[] desired = desiredWeights(type, thresholds);
        return execute(type, desired);
    }

    double[] desiredWeights(ScenarioType type, EffectiveThresholds e) {
        double[] w = before.weights();
        double[] out = w.clone();
        switch (type) {
            case FULL -> System.arraycopy(targets, 0, out, 0, targets.length);
            case PARTIAL -> {
                for (int i = 0; i < w.length; i++) {
                    if (Math.abs(w[i] - targets[i]) > e.driftMedium()) {
                        out[i] = targets[i];
                    }
                }
            }
            case BAND_EDGE -> {
                for (int i = 0; i < w.length; i++) {
                    double drift = w[i] - targets[i];
                    if (Math.abs(drift) > e.driftMedium()) {
                        out[i] = targets[i] + Math.signum(drift) * e.driftMedium();
                    }
                }
            }
            case SECTOR -> sectorWeights(w, out, e.driftMedium());
            case DEFER -> {
            }
        }
        if (type == ScenarioType.PARTIAL || type == ScenarioType.BAND_EDGE) {
            investSpareCash(out, before.cashWeight());
        }
        return out;
    }

    /**
     * Spreads the cash the scenario frees (and any cash already held) over the underweight positions in
     * proportion to how far each is below target, never past the target; otherwise sales would only move the
     * drift from the positions into cash.
     */
    private void investSpareCash(double[] desired, double cashWeight) {
        double spare = cashWeight;
        double gaps = 0;
        for (int i = 0; i < desired.length; i++) {
            spare += before.weight(i) - desired[i];
            gaps += Math.max(0, targets[i] - desired[i]);
        }
        if (spare <= 0 || gaps <= 0) {
            return;
        }
        double fill = Math.min(1.0, spare / gaps);
        for (int i = 0; i < desired.length; i++) {
            desired[i] += fill * Math.max(0, targets[i] - desired[i]);
        }
    }

    private void sectorWeights(double[] w, double[] out, double band) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        List<String> sectorOf = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            String s = portfolio.sectors().get(before.tickers().get(i));
            sectorOf.add(s);
            double[] acc = sums.computeIfAbsent(s, k -> new double[2]);
            acc[0] += w[i];
            acc[1] += targets[i];
        }
        for (int i = 0; i < w.length; i++) {
            double[] acc = sums.get(sectorOf.get(i));
            if (Math.abs(acc[0] - acc[1]) > band) {
                out[i] = acc[0] > 0 ? w[i] * acc[1] / acc[0] : targets[i];
            }
        }
    }

    private SimulatedScenario execute(ScenarioType type, double[] desired) {
        int n = before.size();
        double nav = before.nav();
        double[] delta = new double[n];
        double buyScale = 1.0;
        double cashAfter = before.cash();
        double totalCost = 0;
        for (int attempt = 0; attempt < 4; attempt++) {
            double flow = 0;
            double buys = 0;
            totalCost = 0;
            for (int i = 0; i < n; i++) {
                double p = before.price(i);
                double raw = (desired[i] * nav - before.shares(i) * p) / p;
                if (raw > 0) {
                    raw *= buyScale;
                }
                double d = wholeShares ? (raw > 0 ? Math.floor(raw + 1e-9) : -Math.round(-raw)) : raw;
                d = Math.max(d, -before.shares(i));
                if (Math.abs(d * p) < 1e-6 * nav || (wholeShares && d == 0)) {
                    d = 0;
                }
                delta[i] = d;
                flow += d * p;
                if (d > 0) {
                    buys += d * p;
                }
                totalCost += tradeCost(i, d);
            }
            cashAfter = before.cash() - flow - totalCost;
            if (cashAfter >= -1e-9 || buys <= 0) {
                break;
            }
            buyScale *= Math.max(0, (buys + cashAfter) / buys) * 0.9999;
        }
        List<Trade> trades = new ArrayList<>();
        double[] after = before.sharesArray();
        double traded = 0;
        for (int i = 0; i < n; i++) {
            if (delta[i] == 0) {
                continue;
            }
            after[i] += delta[i];
            double value = Math.abs(delta[i]) * before.price(i);
            traded += value;
            trades.add(new Trade(before.tickers().get(i), delta[i] > 0 ? Side.BUY : Side.SELL, Math.abs(delta[i]),
                    before.price(i), value, tradeCost(i, delta[i])));
        }
        Book afterBook = trades.isEmpty() ? before : before.withShares(after, cashAfter);
        return new SimulatedScenario(metrics(type, trades.size(), traded / nav, totalCost / nav, afterBook),
                trades, afterBook);
    }

    private double tradeCost(int i, double shares) {
        if (shares == 0) {
            return 0;
        }
        double participation = adv[i] > 0 ? Math.abs(shares) / adv[i] : 0;
        return costs.cost(Math.abs(shares) * before.price(i), participation, dailyVol[i]);
    }

    private ScenarioMetrics metrics(ScenarioType type, int tradeCount, double turnover, double cost, Book after) {
        double[] w = after.weights();
        RiskSnapshot riskAfter = after == before ? riskBefore : risk.snapshot(w);
        double maxAbs = 0;
        for (int i = 0; i < w.length; i++) {
            maxAbs = Math.max(maxAbs, Math.abs(w[i] - targets[i]));
        }
        double teAfter = after == before ? trackingErrorBefore : risk.trackingError(w, targets);
        boolean riskReducing = !(riskAfter.var95() < riskBefore.var95() - 1e-9)
                && !(riskAfter.beta() > riskBefore.beta() + 1e-9);
        return new ScenarioMetrics(type, tradeCount, turnover, cost, driftBefore, after.portfolioDrift(portfolio),
                maxAbs, trackingErrorBefore, teAfter, riskBefore.var95(), riskAfter.var95(), riskAfter.sharpe(),
                riskBefore.beta(), riskAfter.beta(), riskReducing);
    }
}
