package io.rebalancer.service;

import io.rebalancer.agents.AgentMemory;
import io.rebalancer.agents.Cycle;
import io.rebalancer.agents.CycleInput;
import io.rebalancer.agents.CycleRecord;
import io.rebalancer.agents.PriceBasis;
import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.Holdings;
import io.rebalancer.domain.MarketDay;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.PriceBar;
import io.rebalancer.domain.Ticker;
import io.rebalancer.market.CsvPriceReader;
import io.rebalancer.market.MarketDays;
import io.rebalancer.market.PortfolioJson;
import io.rebalancer.market.RiskFreeCsvReader;
import io.rebalancer.market.VixCsvReader;
import io.rebalancer.rules.facts.OutcomeStats;
import io.rebalancer.store.Stores;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Replays market days live-cycle style for one portfolio: each day the holdings are those of a live cycle
 * (bought at the inception close, dividends credited as cash, no trades executed), and the same
 * {@link CycleInput} goes through every given {@link Cycle} (one per rule set), each carrying its own
 * {@link AgentMemory} forward from day to day. Nothing is written anywhere. Used by {@code rules diff} and the
 * golden scenarios that name a real market day; the backtester may share it.
 */
public final class RuleSetReplay {
    /** Calendar days of history before the first day, enough for 252 trading-day returns (as LiveCycleService). */
    public static final int HISTORY_CALENDAR_DAYS = 400;

    private final PortfolioDefinition portfolio;
    private final PriceHistory history;
    private final MarketContext market;

    /** {@code history} must hold every ticker of the portfolio and its benchmark, and the inception day. */
    public RuleSetReplay(PortfolioDefinition portfolio, PriceHistory history, List<MarketDay> marketDays) {
        this.portfolio = portfolio;
        this.history = history;
        this.market = MarketContext.of(history, marketDays);
    }

    /** Prices and market days from the store, from 400 calendar days before the inception up to {@code to}. */
    public static RuleSetReplay fromStore(Stores stores, String portfolioId, LocalDate to) {
        PortfolioDefinition def = LiveCycleService.portfolio(stores, portfolioId);
        LocalDate from = def.inception().minusDays(HISTORY_CALENDAR_DAYS);
        PriceHistory h = stores.prices().history(LiveCycleService.tickers(def), from, to);
        return new RuleSetReplay(def, h, stores.prices().marketDays(h.dates().get(0), to));
    }

    /**
     * Prices and market days read straight from a backtest-data directory (prices/*.csv, market/VIX.csv,
     * market/rf_daily.csv, portfolios/ID.json). {@code inception} overrides the portfolio's own inception (the day
     * the initial holdings are bought), e.g. to look at an older market day; null keeps it.
     */
    public static RuleSetReplay fromFiles(Path backtestData, String portfolioId, LocalDate inception, LocalDate to) {
        PortfolioDefinition def = PortfolioJson.read(backtestData.resolve("portfolios").resolve(portfolioId + ".json"));
        if (inception != null) {
            def = new PortfolioDefinition(def.id(), def.basis(), inception, def.benchmark(), def.targets(),
                    def.thresholds(), def.bounds(), def.costs(), def.cashFlows());
        }
        LocalDate from = (inception == null ? def.inception() : inception).minusDays(HISTORY_CALENDAR_DAYS);
        List<Ticker> tickers = LiveCycleService.tickers(def);
        Map<String, TreeMap<LocalDate, PriceBar>> bars = new LinkedHashMap<>();
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (Ticker t : tickers) {
            TreeMap<LocalDate, PriceBar> m = new TreeMap<>();
            for (PriceBar b : CsvPriceReader.read(backtestData.resolve("prices").resolve(t.symbol() + ".csv"), t)) {
                if (!b.date().isBefore(from) && !b.date().isAfter(to)) {
                    m.put(b.date(), b);
                }
            }
            bars.put(t.symbol(), m);
            dates.addAll(m.keySet());
        }
        List<LocalDate> ds = new ArrayList<>(dates);
        List<String> names = new ArrayList<>(bars.keySet());
        double[][] close = new double[names.size()][ds.size()];
        double[][] adj = new double[names.size()][ds.size()];
        double[][] vol = new double[names.size()][ds.size()];
        for (int i = 0; i < names.size(); i++) {
            TreeMap<LocalDate, PriceBar> m = bars.get(names.get(i));
            for (int d = 0; d < ds.size(); d++) {
                PriceBar b = m.get(ds.get(d));
                if (b == null) {
                    throw new NotFoundException("no " + names.get(i) + " price on " + ds.get(d) + " in " + backtestData);
                }
                close[i][d] = b.close();
                adj[i][d] = b.adjClose();
                vol[i][d] = b.volume();
            }
        }
        Path vixFile = backtestData.resolve("market").resolve("VIX.csv");
        Path rfFile = backtestData.resolve("market").resolve("rf_daily.csv");
        List<MarketDay> days = MarketDays.join(vixFile.toString(), VixCsvReader.read(vixFile), rfFile.toString(),
                RiskFreeCsvReader.read(rfFile));
        return new RuleSetReplay(def, PriceHistory.of(ds, names, close, adj, vol), days);
    }

    public PortfolioDefinition portfolio() {
        return portfolio;
    }

    /** Trading days in [from, to] on or after the inception. */
    public List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        return history.dates().stream().filter(d -> !d.isBefore(from) && !d.isAfter(to)
                && !d.isBefore(portfolio.inception())).toList();
    }

    /** The last {@code n} trading days (on or after the inception). */
    public List<LocalDate> lastTradingDays(int n) {
        List<LocalDate> all = tradingDays(portfolio.inception(), history.dates().get(history.size() - 1));
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    /** The input of a live cycle on {@code asOf} with the given memory and outcome statistics. */
    public CycleInput input(LocalDate asOf, AgentMemory memory, List<OutcomeStats> outcomes) {
        int day = history.indexOf(asOf);
        if (day < 0) {
            throw new NotFoundException("no prices on " + asOf + " (not a trading day in the data)");
        }
        if (asOf.isBefore(portfolio.inception())) {
            throw new NotFoundException("as-of date " + asOf + " is before the inception " + portfolio.inception()
                    + " of " + portfolio.id());
        }
        PriceHistory h = history.upTo(day);
        Holdings holdings = LiveHoldings.on(portfolio, h, asOf);
        Map<Ticker, Double> shares = new LinkedHashMap<>();
        holdings.shares().forEach((t, n) -> shares.put(t, n.doubleValue()));
        return new CycleInput(portfolio, asOf, h, PriceBasis.CLOSE, shares, holdings.cash().doubleValue(),
                market.vix(day), market.vixPercentile(day), market.rfReturnsUpTo(day), memory, outcomes, true);
    }

    /** Called once per replayed day with one record per cycle, in the order the cycles were given. */
    public interface DaySink {
        void day(LocalDate date, List<CycleRecord> records);
    }

    /**
     * Runs every cycle on every trading day of [from, to]; each cycle starts from {@code AgentMemory.fresh()} and
     * carries its own memory forward. {@code runId} goes into the records' cycle ids (nothing is stored).
     */
    public void replay(LocalDate from, LocalDate to, List<Cycle> cycles, String runId, DaySink sink) {
        List<AgentMemory> memories = new ArrayList<>();
        cycles.forEach(c -> memories.add(AgentMemory.fresh()));
        for (LocalDate day : tradingDays(from, to)) {
            List<CycleRecord> records = new ArrayList<>();
            for (int i = 0; i < cycles.size(); i++) {
                CycleRecord r = cycles.get(i).run(input(day, memories.get(i), List.of()), runId);
                memories.set(i, r.memoryAfter());
                records.add(r);
            }
            sink.day(day, records);
        }
    }
}
