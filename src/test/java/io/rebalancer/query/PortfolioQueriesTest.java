package io.rebalancer.query;

import io.rebalancer.agents.Cycle;
import io.rebalancer.domain.Side;
import io.rebalancer.market.BacktestDataSeeder;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.service.ExecutionOutcome;
import io.rebalancer.service.LiveCycleService;
import io.rebalancer.service.NotFoundException;
import io.rebalancer.service.OrderService;
import io.rebalancer.service.PortfolioBusyException;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.open.StoreOpener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The holdings, risk, stock and balance queries on the shipped data, checked against figures worked out here from
 * backtest-data/prices/*.csv and the portfolio file (targets, basis $1,000,000, inception 2024-01-02).
 */
class PortfolioQueriesTest {
    private static final String P = "PORT_A_TechGrowth";
    private static final LocalDate INCEPTION = LocalDate.of(2024, 1, 2);
    private static Stores stores;
    private static PortfolioQueries queries;

    @BeforeAll
    static void open() {
        stores = StoreOpener.open(StoreConfig.inMemory());
        BacktestDataSeeder.seedIfEmpty(stores, Path.of("backtest-data"));
        queries = new PortfolioQueries(stores, new LiveCycleService(stores,
                new Cycle(DroolsRuleEngine.load(Path.of("rules")))));
    }

    @AfterAll
    static void close() {
        stores.close();
    }

    @Test
    void holdings_atInception_sharesAreTheFloorOfTargetTimesBasisOverClose() {
        HoldingsReport r = queries.holdings(P, INCEPTION);

        HoldingsReport.Position aapl = r.positions().get(0);
        double close = BacktestDataCsv.rows("AAPL").get(BacktestDataCsv.index(BacktestDataCsv.rows("AAPL"), INCEPTION)).close();
        assertEquals("AAPL", aapl.ticker());
        assertEquals((long) Math.floor(0.10 * 1_000_000 / close), aapl.shares());
        assertEquals(aapl.shares() * close, aapl.value(), 1e-6);
        double invested = 0;
        for (HoldingsReport.Position p : r.positions()) {
            List<BacktestDataCsv.Row> rows = BacktestDataCsv.rows(p.ticker());
            double c = rows.get(BacktestDataCsv.index(rows, INCEPTION)).close();
            assertEquals((long) Math.floor(p.target() * 1_000_000 / c), p.shares(), p.ticker());
            invested += p.shares() * c;
        }
        // the basis less what the whole shares cost is cash, and NAV is the basis again
        assertEquals(1_000_000 - invested, r.cash().doubleValue(), 0.01);
        assertEquals(1_000_000, r.nav(), 0.01);
        HoldingsReport.Sector tech = r.sectors().get(0);
        assertEquals("Technology", tech.sector());
        assertEquals(0.55, tech.target(), 1e-12);
        assertEquals(tech.weight() - 0.55, tech.drift(), 1e-12);
    }

    @Test
    void holdings_beforeInception_isNotFoundNamingTheInception() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> queries.holdings(P, LocalDate.of(2023, 6, 1)));
        assertEquals("as-of date 2023-06-01 is before the inception 2024-01-02 of PORT_A_TechGrowth", e.getMessage());
    }

    @Test
    void risk_onADay_gaussianVarIsMeanPlusZTimesSdOfTheWeightedCsvReturns() {
        LocalDate day = LocalDate.of(2024, 12, 12);
        HoldingsReport h = queries.holdings(P, day);
        RiskReport r = queries.risk(P, day);

        double[] p = new double[252];
        for (HoldingsReport.Position pos : h.positions()) {
            List<BacktestDataCsv.Row> rows = BacktestDataCsv.rows(pos.ticker());
            int end = BacktestDataCsv.index(rows, day);
            for (int k = 0; k < 252; k++) {
                int d = end - 251 + k;
                p[k] += pos.weight() * (rows.get(d).adjClose() / rows.get(d - 1).adjClose() - 1);
            }
        }
        double mean = 0;
        for (double x : p) {
            mean += x;
        }
        mean /= p.length;
        double ss = 0;
        for (double x : p) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (p.length - 1));
        // z of the 5 % lower tail of the standard normal, -1.6448536269514722 (any normal table)
        assertEquals(mean - 1.6448536269514722 * sd, r.var95Gaussian(), 1e-9);
        assertEquals(252, r.days());
        assertTrue(r.cvar95() <= r.var95Historical(), "CVaR is the mean beyond VaR");
        assertEquals("MODERATE", r.regime());
        assertTrue(r.regimeReason().contains("VIX 13.9"), r.regimeReason());
        assertEquals("NONE", r.varBreach());
        // NVDA, the largest drift, is +7.95 pp: inside its band of 8 % (100 % of its 8 % target, under the 20 pp cap)
        assertEquals("STABLE", r.verdict());
    }

    @Test
    void risk_historicalVar_isTheMonitorsVarOfTheSameDay() {
        LocalDate day = LocalDate.of(2024, 6, 14);
        RiskReport r = queries.risk(P, day);
        LiveCycleService cycles = new LiveCycleService(stores, new Cycle(DroolsRuleEngine.load(Path.of("rules"))));
        assertEquals(cycles.preview(P, day).record().monitor().risk().var95(), r.var95Historical(), 1e-15);
        assertFalse(r.cycleRecorded(), "the query records nothing");
        assertTrue(stores.decisions().recent(P, null, 10).isEmpty(), "no decision written by a query");
    }

    @Test
    void stockInfo_onADay_returnsAreAdjCloseRatiosOfTheCsv() {
        LocalDate day = LocalDate.of(2024, 12, 12);
        StockInfo s = queries.stockInfo("aapl", day);
        List<BacktestDataCsv.Row> rows = BacktestDataCsv.rows("AAPL");
        int d = BacktestDataCsv.index(rows, day);
        assertEquals(247.960007, s.close(), 1e-9);
        assertEquals(rows.get(d).adjClose() / rows.get(d - 1).adjClose() - 1, s.returns().get("1d"), 1e-12);
        assertEquals(rows.get(d).adjClose() / rows.get(d - 21).adjClose() - 1, s.returns().get("21d"), 1e-12);
        assertEquals(32_777_500L, s.volume());
    }

    @Test
    void stockInfo_unknownSymbol_isNotFound() {
        assertThrows(NotFoundException.class, () -> queries.stockInfo("ZZZZ", null));
    }

    @Test
    void order_buyThenSameIdAgain_fillsOnceAtTheLatestCloseAndTheBalanceShowsIt() {
        try (Stores own = StoreOpener.open(StoreConfig.inMemory())) {
            BacktestDataSeeder.seedIfEmpty(own, Path.of("backtest-data"));
            OrderService orders = new OrderService(own);
            PortfolioQueries q = new PortfolioQueries(own, null);
            BalanceReport before = q.balance(P);
            List<BacktestDataCsv.Row> rows = BacktestDataCsv.rows("AAPL");
            BacktestDataCsv.Row last = rows.get(rows.size() - 1);

            ExecutionOutcome o = orders.place(P, Side.BUY, "AAPL", 10, "test-1");
            ExecutionOutcome again = orders.place(P, Side.BUY, "AAPL", 10, "test-1");

            assertEquals(last.date(), o.execution().date());
            BigDecimal value = BigDecimal.valueOf(last.close()).multiply(BigDecimal.TEN).setScale(2, RoundingMode.HALF_EVEN);
            assertEquals(value, o.execution().fills().get(0).value());
            assertTrue(again.alreadyExecuted());
            BalanceReport after = q.balance(P);
            assertEquals(before.positions().get("AAPL") + 10, after.positions().get("AAPL"));
            assertEquals(before.cash().subtract(value).subtract(o.execution().cost()), after.cash());
            assertEquals(1, after.orders().size(), "the second call filled nothing");
            assertEquals("ORDER", after.orders().get(0).kind());
            assertEquals(before.positions().get("AAPL") + 10, q.holdings(P, null).positions().get(0).shares());
        }
    }

    @Test
    void order_sameIdOtherTermsOrOversell_isRefusedAndWritesNothing() {
        try (Stores own = StoreOpener.open(StoreConfig.inMemory())) {
            BacktestDataSeeder.seedIfEmpty(own, Path.of("backtest-data"));
            OrderService orders = new OrderService(own);
            orders.place(P, Side.SELL, "NVDA", 5, "x-1");
            IllegalArgumentException reuse = assertThrows(IllegalArgumentException.class,
                    () -> orders.place(P, Side.SELL, "NVDA", 6, "x-1"));
            assertTrue(reuse.getMessage().startsWith("client order id x-1 was used before for SELL 5 NVDA"),
                    reuse.getMessage());
            IllegalArgumentException oversell = assertThrows(IllegalArgumentException.class,
                    () -> orders.place(P, Side.SELL, "NVDA", 1_000_000, "x-2"));
            assertTrue(oversell.getMessage().startsWith("cannot sell 1000000 NVDA of PORT_A_TechGrowth: only "),
                    oversell.getMessage());
            assertEquals(1, own.ledger().executions(P).size());
        }
    }

    @Test
    void order_whileAnotherProcessHoldsTheLease_isBusyAndWritesNothing() {
        try (Stores own = StoreOpener.open(StoreConfig.inMemory())) {
            BacktestDataSeeder.seedIfEmpty(own, Path.of("backtest-data"));
            Instant now = Instant.now();
            own.locks().tryAcquire("portfolio:" + P, "other-host:1", now, now.plusSeconds(600));
            assertThrows(PortfolioBusyException.class,
                    () -> new OrderService(own).place(P, Side.BUY, "AAPL", 1, null));
            assertTrue(own.ledger().executions(P).isEmpty());
        }
    }

    @Test
    void json_keys_areSnakeCase() {
        Map<String, Object> m = QueryJson.toMap(queries.holdings(P, INCEPTION));
        assertTrue(m.containsKey("portfolio_drift"));
        assertTrue(m.containsKey("cash_weight"));
        assertFalse(m.containsKey("portfolioDrift"));
    }
}
