package io.rebalancer.query;

import io.rebalancer.agents.CycleRecord;
import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.analytics.ReturnStats;
import io.rebalancer.domain.Execution;
import io.rebalancer.domain.Fill;
import io.rebalancer.domain.Holdings;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.PriceBar;
import io.rebalancer.domain.Ticker;
import io.rebalancer.rules.facts.EffectiveThresholds;
import io.rebalancer.rules.facts.Trigger;
import io.rebalancer.service.CycleOutcome;
import io.rebalancer.service.LiveCycleService;
import io.rebalancer.service.LiveView;
import io.rebalancer.service.NotFoundException;
import io.rebalancer.service.OrderService;
import io.rebalancer.store.StoreException;
import io.rebalancer.store.Stores;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Read-only questions about a live portfolio, answered from the store: holdings, risk, one ticker's prices and the
 * paper account. Nothing is written; the risk query takes the regime from the day's stored decision, or from a
 * cycle run without recording when there is none.
 */
public final class PortfolioQueries {
    /** Trading days of returns behind the risk figures, as the monitor uses. */
    public static final int LOOKBACK = 252;
    public static final double CONFIDENCE = 0.95;
    private static final int[] RETURN_HORIZONS = {1, 5, 21, 63, 252};
    private static final int VOL_WINDOW = 21;

    private final Stores stores;
    private final LiveCycleService cycles;

    /** {@code cycles} is used only by {@link #risk}. */
    public PortfolioQueries(Stores stores, LiveCycleService cycles) {
        this.stores = stores;
        this.cycles = cycles;
    }

    public HoldingsReport holdings(String portfolioId, LocalDate asOf) {
        LiveView v = LiveCycleService.view(stores, portfolioId, asOf);
        PortfolioDefinition def = v.definition();
        Holdings h = v.holdings();
        int d = v.day();
        double invested = 0;
        Map<Ticker, Double> values = new LinkedHashMap<>();
        for (Ticker t : def.tickers()) {
            double value = h.sharesOf(t) * v.history().close(t.symbol(), d);
            values.put(t, value);
            invested += value;
        }
        double nav = invested + h.cash().doubleValue();
        List<HoldingsReport.Position> positions = new ArrayList<>();
        Map<String, double[]> sectors = new LinkedHashMap<>();
        double drift = 0;
        for (Ticker t : def.tickers()) {
            double w = values.get(t) / nav;
            double target = def.targetWeight(t);
            String sector = def.sectors().get(t);
            positions.add(new HoldingsReport.Position(t.symbol(), sector, h.sharesOf(t),
                    v.history().close(t.symbol(), d), values.get(t), w, target, w - target));
            double[] s = sectors.computeIfAbsent(sector, k -> new double[2]);
            s[0] += values.get(t);
            s[1] += target;
            drift += Math.abs(w - target);
        }
        double cashWeight = h.cash().doubleValue() / nav;
        drift += Math.abs(cashWeight);
        List<HoldingsReport.Sector> sectorRows = new ArrayList<>();
        sectors.forEach((name, s) -> sectorRows.add(new HoldingsReport.Sector(name, s[0], s[0] / nav, s[1],
                s[0] / nav - s[1])));
        return new HoldingsReport(def.id(), v.asOf(), v.latest(), nav, h.cash(), cashWeight, drift / 2, positions,
                sectorRows);
    }

    public RiskReport risk(String portfolioId, LocalDate asOf) {
        LiveView v = LiveCycleService.view(stores, portfolioId, asOf);
        CycleOutcome o = cycles.preview(portfolioId, v.asOf());
        CycleRecord r = o.record();
        double[] p = portfolioReturns(v, r.inputs());
        CycleRecord.Monitor m = r.monitor();
        EffectiveThresholds e = m.thresholds();
        double var = ReturnStats.historicalVar(p, CONFIDENCE);
        String breach = var < e.varCritical() ? "CRITICAL" : var < e.varWarning() ? "WARNING" : "NONE";
        List<String> triggers = m.triggers().stream().map(Trigger::reason).toList();
        return new RiskReport(r.portfolioId(), r.asOf(), p.length, CONFIDENCE, var,
                ReturnStats.gaussianVar(p, CONFIDENCE), ReturnStats.cornishFisherVar(p, CONFIDENCE),
                ReturnStats.cvar(p, CONFIDENCE), m.risk().sharpe(), m.risk().beta(),
                v.definition().benchmark().symbol(), m.risk().volatility(), m.risk().drawdown(), e.varWarning(),
                e.varCritical(), breach, m.regime().regime().name(), m.regime().reason(), m.regime().rule(),
                m.previousRegime() == null ? null : m.previousRegime().regime().name(), m.market().vix(),
                m.market().vixPercentile(), m.market().realizedVol(), m.market().benchmarkDrawdown(),
                m.verdict().name(), triggers, r.cycleId(), o.alreadyRecorded());
    }

    /** Daily returns of the record's weights over the trailing {@link #LOOKBACK} days (cash earns nothing). */
    static double[] portfolioReturns(LiveView v, CycleRecord.Inputs in) {
        double[] p = null;
        for (Ticker t : v.definition().tickers()) {
            double w = in.shares().getOrDefault(t.symbol(), 0.0) * in.prices().getOrDefault(t.symbol(), 0.0) / in.nav();
            double[] ri = v.history().adjCloseReturns(t.symbol(), v.day(), LOOKBACK);
            if (p == null) {
                p = new double[ri.length];
            }
            for (int k = 0; k < ri.length; k++) {
                p[k] += w * ri[k];
            }
        }
        return p == null ? new double[0] : p;
    }

    public StockInfo stockInfo(String symbol, LocalDate asOf) {
        Ticker t = Ticker.of(symbol);
        LocalDate last = asOf != null ? asOf : stores.prices().latestDate()
                .orElseThrow(() -> new NotFoundException("the store holds no prices; run 'data import' first"));
        PriceHistory h;
        try {
            h = stores.prices().history(List.of(t), last.minusDays(400), last);
        } catch (StoreException e) {
            throw new NotFoundException("no prices stored for " + t + " up to " + last);
        }
        if (h.size() == 0) {
            throw new NotFoundException("no prices stored for " + t + " up to " + last);
        }
        LocalDate day = asOf != null ? asOf : h.dates().get(h.size() - 1);
        PriceBar bar = stores.prices().bar(t, day).orElseThrow(() -> new NotFoundException("no price of " + t
                + " on " + day + " (not a trading day in the store)"));
        int d = h.indexOf(day);
        Map<String, Double> returns = new LinkedHashMap<>();
        for (int n : RETURN_HORIZONS) {
            if (d - n >= 0) {
                returns.put(n + "d", h.adjClose(t.symbol(), d) / h.adjClose(t.symbol(), d - n) - 1);
            }
        }
        double[] r = h.adjCloseReturns(t.symbol(), d, VOL_WINDOW);
        double vol = r.length < 2 ? Double.NaN : ReturnStats.annualizedVolatility(r);
        return new StockInfo(t.symbol(), day, bar.open(), bar.high(), bar.low(), bar.close(), bar.adjClose(),
                bar.volume(), returns, vol);
    }

    public BalanceReport balance(String portfolioId) {
        LiveView v = LiveCycleService.view(stores, portfolioId, null);
        Holdings h = v.holdings();
        Map<String, Long> positions = new TreeMap<>();
        double nav = h.cash().doubleValue();
        for (Ticker t : v.definition().tickers()) {
            positions.put(t.symbol(), h.sharesOf(t));
            nav += h.sharesOf(t) * v.history().close(t.symbol(), v.day());
        }
        List<BalanceReport.ExecutedOrder> orders = new ArrayList<>();
        for (Execution e : stores.ledger().executions(v.definition().id())) {
            String kind = OrderService.isOrder(e) ? "ORDER" : "DECISION";
            for (Fill f : e.fills()) {
                orders.add(new BalanceReport.ExecutedOrder(e.id(), kind, kind.equals("ORDER") ? null : e.cycleId(),
                        e.date(), e.tranche(), e.tranches(), f.clientOrderId(), f.ticker().symbol(), f.side().name(),
                        f.shares(), f.price(), f.value(), f.cost()));
            }
        }
        return new BalanceReport(v.definition().id(), v.asOf(), h.cash(), nav, positions, orders);
    }
}
