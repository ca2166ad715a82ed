package io.rebalancer.agents;

import io.rebalancer.domain.CostModel;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.ScenarioType;
import io.rebalancer.domain.Side;
import io.rebalancer.domain.Trade;
import io.rebalancer.optimise.TrackingErrorOptimiser;
import io.rebalancer.rules.facts.CostBenefit;
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
 * Bands, cash band and turnover cap come from the thresholds in force; the risk aversion and horizon of OPTIMAL from
 * the cost-benefit table.
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
    private EffectiveThresholds thresholds;
    private RiskSnapshot riskTarget;
    private double excessBefore;
    private final java.util.function.Function<TrackingErrorOptimiser.Problem, double[]> optimiser;

    ScenarioSimulator(CycleInput in, Book before, RiskModel risk, RiskSnapshot riskBefore) {
        this(in, before, risk, riskBefore, TrackingErrorOptimiser::solve);
    }

    /** @param optimiser solves OPTIMAL's problem: {@link TrackingErrorOptimiser#solve} or a memo of it */
    ScenarioSimulator(CycleInput in, Book before, RiskModel risk, RiskSnapshot riskBefore,
                      java.util.function.Function<TrackingErrorOptimiser.Problem, double[]> optimiser) {
        this.optimiser = optimiser;
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

    Map<ScenarioType, SimulatedScenario> simulateAll(EffectiveThresholds thresholds, CostBenefit value) {
        Map<ScenarioType, SimulatedScenario> out = new LinkedHashMap<>();
        for (ScenarioType type : ScenarioType.values()) {
            out.put(type, simulate(type, thresholds, value));
        }
        return out;
    }

    SimulatedScenario simulate(ScenarioType type, EffectiveThresholds thresholds, CostBenefit value) {
        if (this.thresholds != thresholds) {
            this.thresholds = thresholds;
            this.excessBefore = excessTrackingError(before.weights());
        }
        return execute(type, desiredWeights(type, thresholds, value));
    }

    /**
     * The weights each scenario aims for (before whole-share rounding and the cash check in {@link #execute}):
     * <ul>
     *   <li>FULL: every position to target;</li>
     *   <li>PARTIAL: positions outside their band to target, the rest untouched, cash settled within the cash band;</li>
     *   <li>BAND_EDGE: positions outside their band to {@code target +/- tradeTo x band} on the side they drifted to,
     *       over- and underweights alike, cash settled within the cash band;</li>
     *   <li>SECTOR: every sector to its target weight, each sector's trade split over its positions pro rata to
     *       their targets (no idle cash);</li>
     *   <li>OPTIMAL: least tracking-error variance plus amortised cost, long-only, under the turnover cap;</li>
     *   <li>DEFER: unchanged.</li>
     * </ul>
     */
    double[] desiredWeights(ScenarioType type, EffectiveThresholds e, CostBenefit value) {
        double[] w = before.weights();
        double[] out = w.clone();
        switch (type) {
            case FULL -> System.arraycopy(targets, 0, out, 0, targets.length);
            case PARTIAL -> {
                for (int i = 0; i < w.length; i++) {
                    if (Math.abs(w[i] - targets[i]) > e.band(targets[i]) + 1e-12) {
                        out[i] = targets[i];
                    }
                }
                settleCash(out, e.cashBand());
            }
            case BAND_EDGE -> {
                for (int i = 0; i < w.length; i++) {
                    double drift = w[i] - targets[i];
                    if (Math.abs(drift) > e.band(targets[i]) + 1e-12) {
                        out[i] = targets[i] + Math.signum(drift) * e.edge(targets[i]);
                    }
                }
                settleCash(out, e.cashBand());
            }
            case SECTOR -> sectorWeights(w, out);
            case OPTIMAL -> {
                double[] opt = optimal(e, value);
                System.arraycopy(opt, 0, out, 0, opt.length);
            }
            case DEFER -> {
            }
        }
        return out;
    }

    /**
     * Keeps the cash a scenario leaves within [0, cash band]: cash above the band buys the underweight positions
     * in proportion to how far each is below target (never past it); a shortfall sells the overweight ones in
     * proportion to their excess (never below target). Positions are only ever moved toward their targets.
     */
    private void settleCash(double[] desired, double cashBand) {
        double cash = 1.0;
        for (double d : desired) {
            cash -= d;
        }
        if (cash > cashBand + 1e-12) {
            double gaps = 0;
            for (int i = 0; i < desired.length; i++) {
                gaps += Math.max(0, targets[i] - desired[i]);
            }
            if (gaps > 0) {
                double fill = Math.min(1.0, (cash - cashBand) / gaps);
                for (int i = 0; i < desired.length; i++) {
                    desired[i] += fill * Math.max(0, targets[i] - desired[i]);
                }
            }
        } else if (cash < -1e-12) {
            double excess = 0;
            for (int i = 0; i < desired.length; i++) {
                excess += Math.max(0, desired[i] - targets[i]);
            }
            if (excess > 0) {
                double cut = Math.min(1.0, -cash / excess);
                for (int i = 0; i < desired.length; i++) {
                    desired[i] -= cut * Math.max(0, desired[i] - targets[i]);
                }
            }
        }
    }

    private void sectorWeights(double[] w, double[] out) {
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
            double share = acc[1] > 0 ? targets[i] / acc[1] : 0;
            out[i] = Math.max(0, w[i] + (acc[1] - acc[0]) * share);
        }
    }

    private double[] optimal(EffectiveThresholds e, CostBenefit value) {
        double[][] cov = risk.annualCovariance();
        double[] w = before.weights();
        // the optimiser is long-only: a book holding a short position gets no OPTIMAL trades, like one with too
        // little history for a covariance
        if (cov == null || value == null || java.util.Arrays.stream(w).anyMatch(x -> x < 0)) {
            return w;
        }
        double rate = (costs.commissionBps() + costs.halfSpreadBps()) / 10_000;
        double[] rates = new double[w.length];
        java.util.Arrays.fill(rates, rate);
        return optimiser.apply(new TrackingErrorOptimiser.Problem(w, before.cashWeight(), targets, cov,
                value.riskAversion(), rates, value.horizonYears(), optimalTurnoverCap(e.maxTurnover())));
    }

    /**
     * The turnover OPTIMAL may plan so that its trades, once rounded in {@link #execute}, stay under the cap (the
     * cap-over-turnover veto would refuse them otherwise): 1 % below the cap for the solver's tolerance and, in
     * whole shares, less half a share of every position held, the most that rounding sells to the nearest share
     * can add (buys are rounded down).
     */
    double optimalTurnoverCap(double maxTurnover) {
        double rounding = 0;
        if (wholeShares) {
            for (int i = 0; i < before.size(); i++) {
                if (before.shares(i) > 0) {
                    rounding += 0.5 * before.price(i) / before.nav();
                }
            }
        }
        return Math.max(0, 0.99 * maxTurnover - rounding);
    }

    /**
     * Tracking error of the drift beyond the bands, annualised: each position's drift less its band (0 inside it);
     * for a sector beyond the critical drift whose positions are all inside their bands, the sector's excess spread
     * over its positions pro rata to target (so a sector trigger has something a trade can remove).
     */
    private double excessTrackingError(double[] w) {
        int n = w.length;
        double[] beyond = new double[n];
        Map<String, double[]> sectors = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            double d = w[i] - targets[i];
            beyond[i] = Math.signum(d) * Math.max(0, Math.abs(d) - thresholds.band(targets[i]));
            double[] acc = sectors.computeIfAbsent(portfolio.sectors().get(before.tickers().get(i)), k -> new double[3]);
            acc[0] += d;
            acc[1] += targets[i];
            acc[2] += Math.abs(beyond[i]);
        }
        for (int i = 0; i < n; i++) {
            double[] acc = sectors.get(portfolio.sectors().get(before.tickers().get(i)));
            double excess = Math.abs(acc[0]) - thresholds.driftCritical();
            if (acc[2] == 0 && excess > 0 && acc[1] > 0) {
                beyond[i] = Math.signum(acc[0]) * excess * targets[i] / acc[1];
            }
        }
        return risk.trackingError(beyond, new double[n]);
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
                // never sell more than is held; a short position (negative shares) is never sold further, nor
                // bought back by a scenario that does not ask for it
                d = Math.max(d, -Math.max(0, before.shares(i)));
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
        // the scaled buys may still overdraw (whole shares round each step away, costs do not shrink in proportion):
        // then the largest buy gives up a share (fractional: the whole buy) until the cash is there or no buy is left
        while (cashAfter < -1e-9) {
            int largest = -1;
            for (int i = 0; i < n; i++) {
                if (delta[i] > 0 && (largest < 0 || delta[i] * before.price(i) > delta[largest] * before.price(largest))) {
                    largest = i;
                }
            }
            if (largest < 0) {
                break;
            }
            double fewer = wholeShares && delta[largest] > 1 ? delta[largest] - 1 : 0;
            double costSaved = tradeCost(largest, delta[largest]) - tradeCost(largest, fewer);
            cashAfter += (delta[largest] - fewer) * before.price(largest) + costSaved;
            totalCost -= costSaved;
            delta[largest] = fewer;
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
        double excessAfter = after == before ? excessBefore : excessTrackingError(w);
        boolean riskReducing = !(riskAfter.var95() < riskBefore.var95() - 1e-9)
                && !(riskAfter.beta() > riskBefore.beta() + 1e-9);
        if (riskTarget == null) {
            riskTarget = risk.snapshot(targets);
        }
        boolean withinTarget = !(riskAfter.var95() < riskTarget.var95() - 1e-9)
                && !(riskAfter.beta() > riskTarget.beta() + 1e-9);
        return new ScenarioMetrics(type, tradeCount, turnover, cost, driftBefore, after.portfolioDrift(portfolio),
                maxAbs, trackingErrorBefore, teAfter, excessBefore, excessAfter, riskBefore.var95(), riskAfter.var95(), riskAfter.sharpe(),
                riskBefore.beta(), riskAfter.beta(), riskReducing, withinTarget);
    }
}
