package io.rebalancer.agents;

import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.*;
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
    private static final EffectiveThresholds THRESHOLDS = new EffectiveThresholds(0.03, 0.025, 0.015, -0.03, -0.04,
            1.0, 0.0, 0.20, 3, 1.5, "test");

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
                .simulate(ScenarioType.FULL, THRESHOLDS);
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
        SimulatedScenario full = sim.simulate(ScenarioType.FULL, THRESHOLDS);
        double traded = full.trades().stream().mapToDouble(Trade::value).sum();
        double cost = full.trades().stream().mapToDouble(Trade::cost).sum();
        assertEquals(traded * 3 / 10_000, cost, 1e-12);
        assertTrue(full.after().cash() >= -1e-9, "cash " + full.after().cash());
        assertTrue(full.metrics().driftAfter() < 0.001, "drift after " + full.metrics().driftAfter());
        SimulatedScenario defer = sim.simulate(ScenarioType.DEFER, THRESHOLDS);
        assertEquals(0, defer.trades().size());
        assertEquals(0.15, defer.metrics().driftAfter(), 1e-12);
    }

    @Test
    void desiredWeights_bandEdge_pullsOutliersToTheNearestEdgeOfTheMediumBand() {
        double[] w = simulator(input(portfolio(CostModel.none()), 10, 10, 50, false))
                .desiredWeights(ScenarioType.BAND_EDGE, THRESHOLDS);
        // A: 0.60 + 0.015 = 0.615; B: 0.40 - 0.015 = 0.385; the spare cash (0.05 + 0.085 - 0.135 = 0) adds nothing
        assertEquals(0.615, w[0], 1e-12);
        assertEquals(0.385, w[1], 1e-12);
    }

    @Test
    void desiredWeights_partial_fixesOnlyPositionsBeyondMediumAndSpreadsFreedCashOverUnderweights() {
        // A 10 x 70 = 700 (70 %), B 12 x 25 = 300 (30 %), no cash; medium band 1.5 pp: both out of band
        double[] w = simulator(input(portfolio(CostModel.none()), 10, 12, 0, false))
                .desiredWeights(ScenarioType.PARTIAL, THRESHOLDS);
        assertEquals(0.60, w[0], 1e-12);
        assertEquals(0.40, w[1], 1e-12);
    }
}
