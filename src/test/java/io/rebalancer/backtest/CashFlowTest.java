package io.rebalancer.backtest;

import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.backtest.BacktestResult.Settings;
import io.rebalancer.domain.CashFlow;
import io.rebalancer.domain.CostModel;
import io.rebalancer.domain.MarketDay;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.service.MarketContext;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Contributions, withdrawals, cash dividends and interest on a hand-made 50/50 book of two assets, no costs, NAV
 * 1,000 at the close of 2024-01-30 (50 A, 50 B at 10). A rises to 12 on 01-31 and stays; B stays at 10. Every figure
 * below is worked by hand in the test's comment.
 */
class CashFlowTest {
    private static final List<LocalDate> DATES = TinyMarket.dates("2024-01-30", "2024-01-31", "2024-02-01",
            "2024-02-02");
    private static final double[] A = {10, 12, 12, 12};
    private static final double[] B = {10, 10, 10, 10};

    private static BacktestContext context(PriceHistory h, List<CashFlow> flows, DividendMode mode) {
        PortfolioDefinition p = TinyMarket.portfolio(0.5, CostModel.none());
        PortfolioDefinition def = new PortfolioDefinition(p.id(), p.basis(), p.inception(), p.benchmark(), p.targets(),
                p.thresholds(), p.bounds(), p.costs(), flows);
        List<MarketDay> days = new ArrayList<>();
        h.dates().forEach(d -> days.add(new MarketDay(d, 15, 0.0001)));
        Settings settings = new Settings(def.costs(), true, 2, 0.5, 1000, false, mode);
        return new BacktestContext(h, MarketContext.of(h, days), def, 0, h.size() - 1, settings);
    }

    private static StrategyLedger buyAndHold(List<CashFlow> flows) {
        return BacktestEngine.baseline(context(TinyMarket.history(DATES, A, B, null), flows, DividendMode.REINVEST),
                "buy_and_hold");
    }

    @Test
    void contribution_buysTheUnderweightFirst() {
        // 02-01 (first trading day of February): +100 -> cash 100, NAV 1,200, target 600 each; A holds 600 (no gap),
        // B 500 (gap 100): all 100 buys 10 B. Book 50 A + 60 B = 600 + 600, drift 0.
        StrategyLedger l = buyAndHold(List.of(CashFlow.recurring(100, CashFlow.Schedule.MONTHLY)));
        assertArrayEquals(new double[] {1000, 1100, 1200, 1200}, l.nav, 1e-9);
        assertEquals(0, l.drift[2], 1e-12);
        assertEquals(1, l.trades[2]);
        // turnover over the NAV its trades start from, the contribution in cash: 100 / 2 / 1,200
        assertEquals(100.0 / 2 / 1200, l.oneWayTurnover[2], 1e-12);
        // time-weighted: u = 1000, 1100, 1100 x (1200 - 100) / 1100 = 1100, 1100: the flow is not performance
        assertArrayEquals(new double[] {1000, 1100, 1100, 1100}, l.unitValue(), 1e-9);
        StrategyMetrics m = l.metrics(null, null, null, null);
        assertEquals(Math.pow(1.1, 252.0 / 3) - 1, m.cagr(), 1e-9);
        assertEquals(1200, m.finalNav(), 1e-9);
    }

    @Test
    void smallContribution_goesOnlyToTheUnderweight() {
        // +50: NAV 1,150, target 575 each; A (600) is over, B (500) short 75 -> all 50 buys 5 B
        StrategyLedger l = buyAndHold(List.of(CashFlow.once(50, LocalDate.of(2024, 2, 1))));
        assertEquals(1150, l.nav[2], 1e-9);
        // drift after: A 600/1150 - 0.5 = 0.0217391, B 550/1150 - 0.5 = -0.0217391: (|.| + |.|) / 2
        assertEquals(600.0 / 1150 - 0.5, l.drift[2], 1e-12);
    }

    @Test
    void withdrawal_sellsTheOverweightFirst() {
        // -150 on 02-01: NAV after 950, target 475 each; excess A 600 - 475 = 125, B 500 - 475 = 25, together 150:
        // sell 125 of A (10.41667 shares) and 25 of B (2.5 shares) -> 475 + 475, drift 0, cash 0
        StrategyLedger l = buyAndHold(List.of(CashFlow.once(-150, LocalDate.of(2024, 2, 1))));
        assertArrayEquals(new double[] {1000, 1100, 950, 950}, l.nav, 1e-9);
        assertEquals(0, l.drift[2], 1e-12);
        assertEquals(2, l.trades[2]);
        // sold 150 from a book worth 950 once the withdrawal is out of cash: 150 / 2 / 950
        assertEquals(150.0 / 2 / 950, l.oneWayTurnover[2], 1e-12);
        assertArrayEquals(new double[] {1000, 1100, 1100, 1100}, l.unitValue(), 1e-9);
    }

    @Test
    void withdrawalsAboveTheValue_badInputNamingTheFlowsAndTheValue() {
        // on 02-01 the book is worth 1,100 (50 A at 12, 50 B at 10); cash_flows[1] takes 800 and [2] 400 that day
        List<CashFlow> flows = List.of(CashFlow.once(50, LocalDate.of(2024, 1, 31)),
                CashFlow.once(-800, LocalDate.of(2024, 2, 1)), CashFlow.once(-400, LocalDate.of(2024, 2, 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> buyAndHold(flows));
        // before: 1,100 plus the 50 that came in on 01-31 (invested, at unchanged prices)
        assertEquals("portfolio " + TinyMarket.portfolio(0.5, CostModel.none()).id() + ": field cash_flows[1],"
                + " cash_flows[2] withdraws 1,200.00 on 2024-02-01, more than the portfolio's value then (1,150.00);"
                + " lower the withdrawal or end it earlier ('end')", e.getMessage());
    }

    @Test
    void overdrawnByRounding_isNotSwept_overdrawnByADollarAMillion_is() {
        // the 50/50 book of 1,000 on 01-30 (50 A and 50 B at 10); on 01-31 A is 12: NAV 1,100, A 600 over its 550
        BacktestContext ctx = context(TinyMarket.history(DATES, A, B, null), List.of(), DividendMode.REINVEST);
        CashFlowEngine engine = new CashFlowEngine(ctx);
        double[] prices = ctx.prices(ctx.start());

        SimPortfolio rounding = SimPortfolio.atTarget(ctx.targets(), prices, 1000);
        rounding.credit(-0.0005); // 5e-7 of NAV: what trading to target leaves
        SimPortfolio.Fill none = new SimPortfolio.Fill(1100);
        engine.apply(rounding, 1, none);
        assertEquals(0, none.trades);
        assertEquals(-0.0005, rounding.cash(), 1e-15);

        SimPortfolio overdrawn = SimPortfolio.atTarget(ctx.targets(), prices, 1000);
        overdrawn.credit(-0.0022); // 2e-6 of NAV: sold from the overweight A (600 - 550 of excess covers it all)
        SimPortfolio.Fill sold = new SimPortfolio.Fill(1100);
        engine.apply(overdrawn, 1, sold);
        assertEquals(1, sold.trades);
        assertEquals(0.0022, sold.traded, 1e-12);
        assertEquals(0, overdrawn.cash(), 1e-12);
    }

    @Test
    void flows_theAgentsBaselinesAllGetThem() {
        BacktestContext ctx = context(TinyMarket.history(DATES, A, B, null),
                List.of(CashFlow.recurring(100, CashFlow.Schedule.MONTHLY)), DividendMode.REINVEST);
        for (String name : Baselines.NAMES) {
            StrategyLedger l = BacktestEngine.baseline(ctx, name);
            assertEquals(100, l.flow[2], 0, name);
            assertEquals(0, l.flow[1] + l.flow[3], 0, name);
        }
    }

    @Test
    void cashDividend_paidOnTheExDateAndSweptIntoTheBook() {
        // A: close 10, 10, 10, 10; adj 9.8, 10, 10, 10 -> the adj/close ratio steps from 0.98 to 1 on 01-31:
        // D = 10 x (1 - 0.98 / 1) = 0.20 a share (domain.Dividends). 50 A pay 10 in cash: NAV 1,010, cash 0.99 %
        // of NAV, above the 0.5 % sweep: target 505 each, A and B hold 500 -> buy 0.5 A and 0.5 B
        double[] closeA = {10, 10, 10, 10};
        double[] adjA = {9.8, 10, 10, 10};
        PriceHistory h = PriceHistory.of(DATES, List.of("A", "B"), new double[][] {closeA, B},
                new double[][] {adjA, B}, new double[][] {TinyMarket.filled(4, 1e6), TinyMarket.filled(4, 1e6)});
        BacktestContext ctx = context(h, List.of(), DividendMode.CASH);
        assertEquals(0.2, ctx.dividends(1)[0], 1e-12);
        SimPortfolio book = SimPortfolio.atTarget(ctx.targets(), ctx.prices(0), 1000);
        assertEquals(50, book.shares(0), 1e-12, "bought at the close, not adj_close");
        CashFlowEngine engine = new CashFlowEngine(ctx);
        SimPortfolio.Fill fill = new SimPortfolio.Fill(1000);
        assertEquals(0, engine.apply(book, 1, fill), 0, "a dividend is not an external flow");
        assertEquals(50.5, book.shares(0), 1e-9);
        assertEquals(50.5, book.shares(1), 1e-9);
        assertEquals(0, book.cash(), 1e-9);
        assertEquals(1010, book.nav(ctx.prices(1)), 1e-9);
        // bought 5 + 5 from a book worth 1,010 with its dividend in cash (the fill was opened at 1,000): 10 / 2 / 1,010
        assertEquals(10.0 / 2 / 1010, fill.oneWayTurnover(), 1e-12);
    }

    @Test
    void smallDividend_staysInCashAndEarnsTheTbillRate() {
        // adj 9.9 -> D = 0.10, 50 A pay 5: 5 / 1,005 = 0.4975 % of NAV, below the sweep: kept as cash. The next day
        // it earns rf 0.0001: 5 x 1.0001 = 5.0005
        double[] closeA = {10, 10, 10, 10};
        double[] adjA = {9.9, 10, 10, 10};
        PriceHistory h = PriceHistory.of(DATES, List.of("A", "B"), new double[][] {closeA, B},
                new double[][] {adjA, B}, new double[][] {TinyMarket.filled(4, 1e6), TinyMarket.filled(4, 1e6)});
        BacktestContext ctx = context(h, List.of(), DividendMode.CASH);
        SimPortfolio book = SimPortfolio.atTarget(ctx.targets(), ctx.prices(0), 1000);
        CashFlowEngine engine = new CashFlowEngine(ctx);
        engine.apply(book, 1, new SimPortfolio.Fill(1000));
        assertEquals(5, book.cash(), 1e-9);
        engine.apply(book, 2, new SimPortfolio.Fill(1005));
        assertEquals(5.0005, book.cash(), 1e-12);
    }

    @Test
    void schedules_fallOnTheFirstTradingDayOfTheirPeriod() {
        LocalDate jan31 = LocalDate.of(2024, 1, 31);
        LocalDate feb1 = LocalDate.of(2024, 2, 1);
        LocalDate apr1 = LocalDate.of(2024, 4, 1);
        LocalDate mar28 = LocalDate.of(2024, 3, 28);
        assertTrue(CashFlow.recurring(1, CashFlow.Schedule.MONTHLY).fallsOn(feb1, jan31));
        assertFalse(CashFlow.recurring(1, CashFlow.Schedule.QUARTERLY).fallsOn(feb1, jan31));
        assertTrue(CashFlow.recurring(1, CashFlow.Schedule.QUARTERLY).fallsOn(apr1, mar28));
        assertFalse(CashFlow.recurring(1, CashFlow.Schedule.ANNUAL).fallsOn(apr1, mar28));
        assertTrue(CashFlow.recurring(1, CashFlow.Schedule.ANNUAL).fallsOn(LocalDate.of(2024, 1, 2),
                LocalDate.of(2023, 12, 29)));
        // once on a Saturday: the next trading day
        assertTrue(CashFlow.once(1, LocalDate.of(2024, 3, 30)).fallsOn(apr1, mar28));
        assertFalse(CashFlow.once(1, LocalDate.of(2024, 3, 30)).fallsOn(LocalDate.of(2024, 4, 2), apr1));
        CashFlow bounded = new CashFlow(1, CashFlow.Schedule.MONTHLY, null, LocalDate.of(2024, 3, 1), null);
        assertFalse(bounded.fallsOn(feb1, jan31));
    }
}
