package io.rebalancer.backtest;

import io.rebalancer.agents.CycleRecord;
import io.rebalancer.analytics.ReturnStats;
import io.rebalancer.backtest.BacktestResult.DecisionOutcome;
import io.rebalancer.backtest.BacktestResult.ScenarioOutcome;
import io.rebalancer.domain.Regime;
import io.rebalancer.domain.ScenarioType;
import io.rebalancer.domain.Timing;
import io.rebalancer.domain.Trade;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a triggered decision against the alternatives it rejected (docs/BACKTEST.md, "Regret"). Every scenario
 * of the cycle's analysis is carried out from the decision day's state with the trades (and modelled costs) the
 * analyzer simulated for it, and the resulting portfolio is held for {@code horizon} trading days at adj_close:
 * <pre>
 *   R  = NAV(t+H) / NAV(t, before trading) - 1                       cost-adjusted horizon return
 *   TE = sd(r_k - rt_k, k = 1..H) * sqrt(H)                          horizon tracking error to target
 *        r_k the scenario's daily return, rt_k = sum_i t_i * r_i,k  the target mix's
 *   objective = R - lambda * TE
 *   regret = max(0, max over the other scenarios of objective - objective of the chosen)
 *          = (R(best) - R(chosen)) + lambda * (TE(chosen) - TE(best))   its return and tracking-error parts
 *   active return = R(chosen) - R(DEFER) for a rebalance, R(DEFER) - R(FULL) for a deferral
 * </pre>
 * The chosen scenario is what the portfolio actually did: the decided scenario when it rebalanced, DEFER when it
 * deferred. Every other scenario counts as an alternative, vetoed ones included (a veto is a rule's rejection like
 * any other; the outcome records the flag). Only prices up to {@code t + H} are read.
 */
public final class RegretScorer {
    /** One quarter of trading days: the horizon when neither the rules (learning.drl.xlsx) nor the user give one. */
    public static final int DEFAULT_HORIZON = 63;
    public static final double DEFAULT_LAMBDA = 0.5;

    private final List<String> tickers;
    private final double[] targets;
    private final int horizon;
    private final double lambda;

    public RegretScorer(List<String> tickers, double[] targets, int horizon, double lambda) {
        if (horizon < 2) {
            throw new IllegalArgumentException("regret horizon must be at least 2 trading days, was " + horizon);
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("tracking-error penalty lambda must be >= 0, was " + lambda);
        }
        this.tickers = List.copyOf(tickers);
        this.targets = targets.clone();
        this.horizon = horizon;
        this.lambda = lambda;
    }

    public int horizon() {
        return horizon;
    }

    /** The effective choice: the decided scenario if the portfolio traded on it, otherwise DEFER. */
    public static ScenarioType effectiveChoice(CycleRecord record) {
        return record.rebalanced() && record.decision().chosen() != null ? record.decision().chosen().type()
                : ScenarioType.DEFER;
    }

    /** The decision without a score (its horizon ran past the end of the data). */
    public static DecisionOutcome unscored(CycleRecord record) {
        return new DecisionOutcome(record.asOf(), record.cycleId(), record.monitor().regime().regime(),
                effectiveChoice(record), timing(record), record.decision().action(), record, false, null, List.of(),
                Double.NaN, null, Double.NaN);
    }

    /**
     * Scores the decision made on day {@code t}.
     *
     * @param adj        adj_close {@code [ticker][day]}, tickers in this scorer's order
     * @param dates      the dates of the day indexes
     * @param lastVisible the last day the caller may see; {@code t + horizon} must not be after it
     */
    public DecisionOutcome score(CycleRecord record, int t, double[][] adj, List<LocalDate> dates, int lastVisible) {
        if (record.analysis() == null) {
            throw new IllegalArgumentException("cycle " + record.cycleId() + " on " + record.asOf()
                    + " was not triggered; only analysed decisions have regret");
        }
        int end = t + horizon;
        if (end > lastVisible) {
            throw new IllegalStateException("the horizon of the decision on " + record.asOf() + " ends on day " + end
                    + ", after the last visible day " + lastVisible + " (look-ahead)");
        }
        double[] startShares = new double[tickers.size()];
        for (int i = 0; i < startShares.length; i++) {
            startShares[i] = record.inputs().shares().getOrDefault(tickers.get(i), 0.0);
        }
        double[] scale = "CLOSE".equals(record.inputs().priceBasis()) ? anchor(record, t, adj) : null;
        double nav0 = record.inputs().nav();
        double[] targetReturns = new double[horizon];
        for (int k = 1; k <= horizon; k++) {
            double r = 0;
            for (int i = 0; i < targets.length; i++) {
                r += targets[i] * (adj[i][t + k] / adj[i][t + k - 1] - 1);
            }
            targetReturns[k - 1] = r;
        }
        ScenarioType chosen = effectiveChoice(record);
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        ScenarioOutcome chosenOutcome = null;
        ScenarioOutcome deferOutcome = null;
        ScenarioOutcome fullOutcome = null;
        for (CycleRecord.Scenario s : record.analysis().scenarios()) {
            ScenarioOutcome o = simulate(s, startShares, record.inputs().cash(), nav0, t, adj, targetReturns, scale);
            outcomes.add(o);
            if (o.type() == chosen) {
                chosenOutcome = o;
            }
            if (o.type() == ScenarioType.DEFER) {
                deferOutcome = o;
            }
            if (o.type() == ScenarioType.FULL) {
                fullOutcome = o;
            }
        }
        if (chosenOutcome == null) {
            throw new IllegalStateException("cycle " + record.cycleId() + " chose " + chosen
                    + " but its analysis has no such scenario");
        }
        ScenarioOutcome best = null;
        for (ScenarioOutcome o : outcomes) {
            if (o.type() != chosen && (best == null || o.objective() > best.objective())) {
                best = o;
            }
        }
        double regret = best == null ? 0 : Math.max(0, best.objective() - chosenOutcome.objective());
        double regretReturn = regret > 0 ? best.horizonReturn() - chosenOutcome.horizonReturn() : 0;
        double regretTracking = regret > 0 ? lambda * (chosenOutcome.trackingError() - best.trackingError()) : 0;
        ScenarioOutcome reference = chosen == ScenarioType.DEFER ? fullOutcome : deferOutcome;
        double active = reference == null ? Double.NaN : chosenOutcome.horizonReturn() - reference.horizonReturn();
        return new DecisionOutcome(record.asOf(), record.cycleId(), record.monitor().regime().regime(), chosen,
                timing(record), record.decision().action(), record, true, dates.get(end), outcomes, regret,
                best == null ? null : best.type(), active, regretReturn, regretTracking);
    }

    private ScenarioOutcome simulate(CycleRecord.Scenario s, double[] startShares, double startCash, double nav0,
                                     int t, double[][] adj, double[] targetReturns, double[] scale) {
        double[] sh = startShares.clone();
        double cash = startCash;
        for (Trade trade : s.trades()) {
            int i = tickers.indexOf(trade.ticker().symbol());
            if (i < 0) {
                throw new IllegalArgumentException("scenario " + s.type() + " trades " + trade.ticker()
                        + ", which is not in the portfolio " + tickers);
            }
            sh[i] += trade.signedShares();
            cash -= trade.signedValue() + trade.cost();
        }
        double previous = value(sh, cash, adj, t, scale);
        double[] active = new double[horizon];
        double nav = previous;
        for (int k = 1; k <= horizon; k++) {
            nav = value(sh, cash, adj, t + k, scale);
            active[k - 1] = (nav / previous - 1) - targetReturns[k - 1];
            previous = nav;
        }
        double horizonReturn = nav / nav0 - 1;
        double te = ReturnStats.sampleStdDev(active) * Math.sqrt(horizon);
        boolean vetoed = s.vetoes() != null && !s.vetoes().isEmpty();
        double score = s.score() == null ? Double.NaN : s.score().score();
        return new ScenarioOutcome(s.type(), vetoed, score, s.metrics().turnover(), s.metrics().cost(), horizonReturn,
                te, horizonReturn - lambda * te);
    }

    /**
     * A decision valued at the as-traded close (dividends paid in cash, live cycles) is carried forward on total
     * return anchored at its day's close, {@code close_t x adj_(t+k) / adj_t}: its shares, cash and trades value as
     * they did on day t, and dividends count as reinvested over the horizon. The factor per ticker is
     * {@code close_t / adj_t}.
     */
    private double[] anchor(CycleRecord record, int t, double[][] adj) {
        double[] scale = new double[tickers.size()];
        for (int i = 0; i < scale.length; i++) {
            Double close = record.inputs().prices() == null ? null : record.inputs().prices().get(tickers.get(i));
            scale[i] = close != null && close > 0 ? close / adj[i][t] : 1;
        }
        return scale;
    }

    private static double value(double[] shares, double cash, double[][] adj, int day, double[] scale) {
        double v = cash;
        for (int i = 0; i < shares.length; i++) {
            v += shares[i] * adj[i][day] * (scale == null ? 1 : scale[i]);
        }
        return v;
    }

    private static Timing timing(CycleRecord record) {
        return record.decision().timing() == null ? null : record.decision().timing().timing();
    }

    /** Regime of a record (never null for a stored cycle). */
    static Regime regime(CycleRecord record) {
        return record.monitor().regime().regime();
    }
}
