package io.rebalancer.agents;

import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.*;
import io.rebalancer.rules.facts.CostBenefit;
import io.rebalancer.rules.facts.EffectiveThresholds;
import io.rebalancer.rules.facts.PositionDrift;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Drift and scenario simulation on a two-asset book worked out by hand: A (target 60 %, Tech) at 70, B (target
 * 40 %, Energy) at 25, 10 shares each and 50 cash: NAV 1,000, weights 70 % / 25 % / cash 5 %.
 */
class ScenarioSimulatorTest {
    /** Critical 3 %, relative band 10 % of target, BAND_EDGE to the edge, cash band 2 %, turnover cap 20 %. */
    private static final EffectiveThresholds THRESHOLDS = thresholds(1.0, 0.02);

    private static EffectiveThresholds thresholds(double tradeTo, double cashBand) {
        return new EffectiveThresholds(0.03, 0.10, tradeTo, 0.025, 0.015, cashBand, -0.03, -0.04, 1.0, 0.20, 3, 1.5,
                "DAILY", "test");
    }

    private static PortfolioDefinition portfolio(CostModel costs) {
        return new PortfolioDefinition("TWO", new BigDecimal("1000"), LocalDate.of(2024, 1, 2), Ticker.of("B"),
                List.of(TargetWeight.of("A", "Tech", 0.6), TargetWeight.of("B", "Energy", 0.4)),
                Thresholds.seedDefaults(), new ThresholdBounds(0.02, 0.05), costs);
    }

    /** 30 trading days of constant prices A = 70, B = 25 and volume 1,000,000 (no returns, no impact). */
    private static CycleInput input(PortfolioDefinition p, double sharesA, double sharesB, double cash, boolean whole) {
        List<LocalDate> dates = new ArrayList<>();
        int n = 30;
        double[][] close = new double[2][n];
        double[][] volume = new double[2][n];
        for (int d = 0; d < n; d++) {
            dates.add(LocalDate.of(2024, 1, 1).plusDays(d));
            close[0][d] = 70;
            close[1][d] = 25;
            volume[0][d] = 1_000_000;
            volume[1][d] = 1_000_000;
        }
        PriceHistory h = PriceHistory.of(dates, List.of("A", "B"), close, close, volume);
        return new CycleInput(p, dates.get(n - 1), h, PriceBasis.CLOSE, Map.of(Ticker.of("A"), sharesA,
                Ticker.of("B"), sharesB), cash, 15, 0.5, null, AgentMemory.fresh(), List.of(), whole);
    }

    private static ScenarioSimulator simulator(CycleInput in) {
        Book book = Book.of(in);
        RiskModel risk = RiskModel.of(in);
        return new ScenarioSimulator(in, book, risk, risk.snapshot(book.weights()));
    }

    @Test
    void driftFacts_twoAssetBook_matchHandFigures() {
        CycleInput in = input(portfolio(CostModel.none()), 10, 10, 50, true);
        DriftFacts d = DriftFacts.of(Book.of(in), in.portfolio());
        PositionDrift a = d.positions().get(0);
        assertEquals(0.70, a.weight(), 1e-12);
        assertEquals(0.10, a.drift(), 1e-12);
        assertEquals(-0.15, d.positions().get(1).drift(), 1e-12);
        // (|+0.10| + |-0.15| + |cash 0.05|) / 2
        assertEquals(0.15, d.portfolio().total(), 1e-12);
        assertEquals("B", d.portfolio().maxPositionTicker());
        assertEquals(-0.15, d.sectors().get(1).drift(), 1e-12);
    }

    @Test
    void simulateFull_wholeSharesAndShortOfCash_scalesBuysDownToKeepCashPositive() {
        SimulatedScenario full = simulator(input(portfolio(CostModel.none()), 10, 10, 50, true))
                .simulate(ScenarioType.FULL, THRESHOLDS, null);
        // A: (600 - 700) / 70 = -1.43 -> sell 1; B: (400 - 250) / 25 = 6 -> buy 6 needs 150, but only 50 + 70 = 120
        // is there: buys scaled by 120/150 -> 4.8 -> floor 4 shares; cash 50 + 70 - 100 = 20.
        assertEquals(2, full.trades().size());
        Trade sellA = full.trades().get(0);
        assertEquals(Side.SELL, sellA.side());
        assertEquals(1, sellA.shares());
        assertEquals(Side.BUY, full.trades().get(1).side());
        assertEquals(4, full.trades().get(1).shares());
        assertEquals(20, full.after().cash(), 1e-9);
        assertEquals(170.0 / 1000, full.metrics().turnover(), 1e-12);
    }

    @Test
    void simulate_fractionalSharesWithCosts_fullNearTargetAndPaysLinearCost() {
        // 1 bp commission + 2 bp half spread, no impact
        ScenarioSimulator sim = simulator(input(portfolio(new CostModel(1, 2, 0)), 10, 10, 50, false));
        SimulatedScenario full = sim.simulate(ScenarioType.FULL, THRESHOLDS, null);
        double traded = full.trades().stream().mapToDouble(Trade::value).sum();
        double cost = full.trades().stream().mapToDouble(Trade::cost).sum();
        assertEquals(traded * 3 / 10_000, cost, 1e-12);
        assertTrue(full.after().cash() >= -1e-9, "cash " + full.after().cash());
        assertTrue(full.metrics().driftAfter() < 0.001, "drift after " + full.metrics().driftAfter());
        SimulatedScenario defer = sim.simulate(ScenarioType.DEFER, THRESHOLDS, null);
        assertEquals(0, defer.trades().size());
        assertEquals(0.15, defer.metrics().driftAfter(), 1e-12);
    }

    // ---- a four-asset book worked by hand. Every price is 100, NAV 10,000, no cash:
    //   A 40 % Tech (46 shares = 46 %, +6 pp), B 20 % Tech (19 = 19 %, -1 pp),
    //   C 25 % Energy (22 = 22 %, -3 pp), D 15 % Energy (13 = 13 %, -2 pp).
    // Bands = min(3 pp, 10 % x target): A 3, B 2, C 2.5, D 1.5 pp, so A, C and D are outside theirs, B inside.

    private static PortfolioDefinition four() {
        return new PortfolioDefinition("FOUR", new BigDecimal("10000"), LocalDate.of(2024, 1, 2), Ticker.of("A"),
                List.of(TargetWeight.of("A", "Tech", 0.40), TargetWeight.of("B", "Tech", 0.20),
                        TargetWeight.of("C", "Energy", 0.25), TargetWeight.of("D", "Energy", 0.15)),
                Thresholds.seedDefaults(), new ThresholdBounds(0.02, 0.05), CostModel.none());
    }

    private static ScenarioSimulator fourBook() {
        List<LocalDate> dates = new ArrayList<>();
        int n = 30;
        double[][] close = new double[4][n];
        double[][] volume = new double[4][n];
        for (int d = 0; d < n; d++) {
            dates.add(LocalDate.of(2024, 1, 1).plusDays(d));
            for (int i = 0; i < 4; i++) {
                close[i][d] = 100;
                volume[i][d] = 1_000_000;
            }
        }
        PriceHistory h = PriceHistory.of(dates, List.of("A", "B", "C", "D"), close, close, volume);
        CycleInput in = new CycleInput(four(), dates.get(n - 1), h, PriceBasis.CLOSE, Map.of(Ticker.of("A"), 46.0,
                Ticker.of("B"), 19.0, Ticker.of("C"), 22.0, Ticker.of("D"), 13.0), 0, 15, 0.5, null, AgentMemory.fresh(),
                List.of(), true);
        return simulator(in);
    }

    @Test
    void desiredWeights_fullOnFourBook_everyPositionToTarget() {
        assertArrayEquals(new double[]{0.40, 0.20, 0.25, 0.15},
                fourBook().desiredWeights(ScenarioType.FULL, THRESHOLDS, null), 1e-12);
    }

    @Test
    void desiredWeights_partialOnFourBook_outOfBandToTargetRestUntouchedCashWithinBand() {
        // A, C, D to 40 / 25 / 15; B stays at 19; cash 100 - 99 = 1 % is inside the 2 % cash band, so it stays cash
        assertArrayEquals(new double[]{0.40, 0.19, 0.25, 0.15},
                fourBook().desiredWeights(ScenarioType.PARTIAL, THRESHOLDS, null), 1e-12);
    }

    @Test
    void simulatePartial_wholeShares_tradesOnlyTheOutOfBandNames() {
        SimulatedScenario p = fourBook().simulate(ScenarioType.PARTIAL, THRESHOLDS, null);
        // sell 6 A, buy 3 C, buy 2 D; B untouched; cash 600 - 300 - 200 = 100
        assertEquals(List.of("A:SELL:6.0", "C:BUY:3.0", "D:BUY:2.0"), p.trades().stream()
                .map(t -> t.ticker().symbol() + ":" + t.side() + ":" + t.shares()).toList());
        assertEquals(100, p.after().cash(), 1e-9);
    }

    @Test
    void desiredWeights_bandEdgeOnFourBook_eachOutlierToItsOwnEdgeOverAndUnderweightsAlike() {
        // A 40 + 3 = 43 (overweight edge); C 25 - 2.5 = 22.5 and D 15 - 1.5 = 13.5 (underweight edges); B 19;
        // cash 100 - 98 = 2 % is exactly the cash band, so nothing more is invested
        assertArrayEquals(new double[]{0.43, 0.19, 0.225, 0.135},
                fourBook().desiredWeights(ScenarioType.BAND_EDGE, THRESHOLDS, null), 1e-12);
    }

    @Test
    void desiredWeights_bandEdgeWithNarrowCashBand_investsTheExcessInUnderweightsByTheirGap() {
        // cash band 1 %: 1 pp too much cash; gaps to target B 1, C 2.5, D 1.5 (sum 5) -> fill 1/5 of each gap:
        // B 19.2, C 23.0, D 13.8; A stays at its edge 43
        assertArrayEquals(new double[]{0.43, 0.192, 0.23, 0.138},
                fourBook().desiredWeights(ScenarioType.BAND_EDGE, thresholds(1.0, 0.01), null), 1e-12);
    }

    @Test
    void desiredWeights_bandEdgeHalfwayInnerBand_tradesToHalfTheBand() {
        // Trade to 50 % of the band: A 41.5, C 23.75, D 14.25, B 19; cash 1.5 % within the 2 % band
        assertArrayEquals(new double[]{0.415, 0.19, 0.2375, 0.1425},
                fourBook().desiredWeights(ScenarioType.BAND_EDGE, thresholds(0.5, 0.02), null), 1e-12);
    }

    @Test
    void desiredWeights_sectorOnFourBook_restoresSectorsProRataToTargetWithNoIdleCash() {
        // Tech 65 vs 60: -5 split 40:20 -> A 46 - 3.333 = 42.667, B 19 - 1.667 = 17.333;
        // Energy 35 vs 40: +5 split 25:15 -> C 22 + 3.125 = 25.125, D 13 + 1.875 = 14.875; weights sum to 100 %
        double[] w = fourBook().desiredWeights(ScenarioType.SECTOR, THRESHOLDS, null);
        assertArrayEquals(new double[]{0.46 - 0.05 * 2 / 3, 0.19 - 0.05 / 3, 0.25125, 0.14875}, w, 1e-12);
        assertEquals(1.0, w[0] + w[1] + w[2] + w[3], 1e-12);
    }

    @Test
    void simulateDefer_bookShortTwoSharesOfB_tradesNothing() {
        // A 10 x 70 = 700, B -2 x 25 = -50, cash 100: NAV 750. DEFER keeps every weight, so nothing is to be
        // traded; the cap on sales (at most what is held) must not turn the short into a buy of 2 B
        SimulatedScenario defer = simulator(input(portfolio(CostModel.none()), 10, -2, 100, true))
                .simulate(ScenarioType.DEFER, THRESHOLDS, null);
        assertEquals(List.of(), defer.trades());
        assertEquals(100, defer.after().cash(), 0.0);
    }

    @Test
    void simulateOptimal_bookShortTwoSharesOfB_isLongOnlySoTradesNothing() {
        // the same short book; the long-only optimiser has no answer for a short position, so OPTIMAL keeps the
        // book as it is (and must not throw)
        SimulatedScenario optimal = simulator(input(portfolio(CostModel.none()), 10, -2, 100, true))
                .simulate(ScenarioType.OPTIMAL, THRESHOLDS, new CostBenefit(Regime.MODERATE, 4, 63, 0, "test"));
        assertEquals(List.of(), optimal.trades());
    }

    @Test
    void simulateOptimal_wholeShares_solverGetsTheCapLessHalfAShareOfEveryHolding() {
        // cap 20 %: 0.99 x 0.20 = 0.198, less half a share of A (35) and of B (12.50) on a NAV of 1,000: 0.1505
        CycleInput in = input(portfolio(CostModel.none()), 10, 10, 50, true);
        List<Double> caps = new ArrayList<>();
        Book book = Book.of(in);
        RiskModel risk = RiskModel.of(in);
        new ScenarioSimulator(in, book, risk, risk.snapshot(book.weights()), problem -> {
            caps.add(problem.maxTurnover());
            return problem.current();
        }).simulate(ScenarioType.OPTIMAL, THRESHOLDS, new CostBenefit(Regime.MODERATE, 4, 63, 0, "test"));
        assertEquals(List.of(0.1505), caps.stream().map(c -> Math.round(c * 1e12) / 1e12).toList());
    }

    @Test
    void optimalTurnoverCap_fractionalShares_onePercentBelowTheCap() {
        assertEquals(0.198, simulator(input(portfolio(CostModel.none()), 10, 10, 50, false)).optimalTurnoverCap(0.20),
                1e-15);
    }

    @Test
    void simulateOptimal_wholeSharesPlanAtItsCap_roundedTradesStayWithinTheTurnoverCap() {
        // the solver spends its whole cap, selling x of A and buying the rest of B; at the bare 0.99 x cap a sale of
        // x = 11 % (1.57 shares of A) would round up to 2 shares and, with 3 of B, turn over 21.5 % of NAV
        CycleInput in = input(portfolio(CostModel.none()), 10, 10, 50, true);
        Book book = Book.of(in);
        RiskModel risk = RiskModel.of(in);
        for (int step = 0; step <= 20; step++) {
            double part = step / 20.0;
            SimulatedScenario s = new ScenarioSimulator(in, book, risk, risk.snapshot(book.weights()), problem -> {
                double[] w = problem.current().clone();
                double cap = problem.maxTurnover();
                w[0] -= part * cap;
                w[1] += (1 - part) * cap;
                return w;
            }).simulate(ScenarioType.OPTIMAL, THRESHOLDS, new CostBenefit(Regime.MODERATE, 4, 63, 0, "test"));
            assertTrue(s.metrics().turnover() <= 0.20 + 1e-12, "turnover " + s.metrics().turnover() + " at " + part);
            assertTrue(s.after().cash() >= -1e-9, "cash " + s.after().cash());
        }
    }

    @Test
    void simulateFull_wholeSharesWhereScalingCannotFitTheCosts_largestBuyGivesUpAShare() {
        // NAV 1,031.25 (cash 81.25): A (600 bp target) 618.75 - 700 -> sell 1 share (+70); B 412.50 - 250 = 6.5
        // shares -> 6 (150). With 100 bp commission cash is 81.25 + 70 - 150 - 2.20 = -0.95, and scaling the buy
        // (6.5 x 0.9936 = 6.46) still floors to 6 shares on every try; B gives up one share: 5 shares (125), cost
        // 0.70 + 1.25, cash 81.25 + 70 - 125 - 1.95 = 24.30
        SimulatedScenario full = simulator(input(portfolio(new CostModel(100, 0, 0)), 10, 10, 81.25, true))
                .simulate(ScenarioType.FULL, THRESHOLDS, null);
        assertEquals(List.of(Side.SELL, Side.BUY), full.trades().stream().map(Trade::side).toList());
        assertEquals(List.of(1.0, 5.0), full.trades().stream().map(Trade::shares).toList());
        assertEquals(24.30, full.after().cash(), 1e-9);
    }

}
