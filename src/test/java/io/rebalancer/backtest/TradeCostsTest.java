package io.rebalancer.backtest;

import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.CostModel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The cost of one trade, worked by hand: 1,000 shares of A at 50 (value 50,000) with commission 1 bp, half spread
 * 2 bp and impact coefficient 0.1. Volume is 100,000 shares every day, so participation = 1,000 / 100,000 = 0.01
 * and sqrt(participation) = 0.1. The last 21 daily returns alternate +2 % / -2 % (11 up, 10 down): mean 0.02/21,
 * sample sd = sqrt((21 x 0.0004 - 21 x (0.02/21)^2) / 20) = 0.0204706. Cost = 50,000 x 3 / 10,000 (= 15) +
 * 50,000 x 0.1 x sd x 0.1 (= 10.2353) = 25.2353.
 */
class TradeCostsTest {
    private static final CostModel COSTS = new CostModel(1, 2, 0.1);

    private static PriceHistory history() {
        List<LocalDate> dates = new ArrayList<>();
        int n = 22;
        double[] a = new double[n];
        double[] b = new double[n];
        LocalDate d = LocalDate.of(2024, 1, 1);
        a[n - 1] = 50;
        for (int i = n - 1; i > 0; i--) {
            // returns ending at the last day: +2 %, -2 %, +2 %, ... (the last one is +2 %)
            double r = (n - 1 - i) % 2 == 0 ? 0.02 : -0.02;
            a[i - 1] = a[i] / (1 + r);
        }
        for (int i = 0; i < n; i++) {
            dates.add(d.plusDays(i));
            b[i] = 20;
        }
        return TinyMarket.history(dates, a, b, TinyMarket.filled(n, 100_000));
    }

    @Test
    void cost_oneTradeWithImpact_matchesHandValue() {
        PriceHistory h = history();
        TradeCosts costs = new TradeCosts(h, List.of("A", "B"), COSTS);
        double sd = Math.sqrt((21 * 0.0004 - 21 * Math.pow(0.02 / 21, 2)) / 20);
        double expected = 15 + 50_000 * 0.1 * sd * 0.1;
        assertEquals(25.2353, expected, 1e-4);
        assertEquals(expected, costs.cost(0, 21, 1000, 50), 1e-9);
        assertEquals(expected, costs.cost(0, 21, -1000, 50), 1e-9, "a sale costs the same as a purchase");
    }

    @Test
    void cost_noCosts_isZeroEvenWithImpact() {
        TradeCosts costs = new TradeCosts(history(), List.of("A", "B"), CostModel.none());
        assertEquals(0, costs.cost(0, 21, 1000, 50));
    }

    @Test
    void rebalanceTo_withCosts_paysCostsFromCashAndLandsAtTargetOfNavAfterCosts() {
        // 100 A at 50 and 0 B at 20, NAV 5,000; to 50/50 with a flat 10 bp: trade ~2,500 each way, cost ~5
        PriceHistory h = history();
        TradeCosts costs = new TradeCosts(h, List.of("A", "B"), new CostModel(10, 0, 0));
        SimPortfolio p = new SimPortfolio(new double[] {100, 0}, 0);
        SimPortfolio.Fill fill = p.rebalanceTo(new double[] {0.5, 0.5}, new double[] {50, 20}, 21, costs);
        // NAV after = 5,000 - cost; both sides hold half of it: sold (5,000 - (5,000 - c)/2), bought (5,000 - c)/2,
        // cost c = 0.001 x (traded) = 0.001 x 5,000 exactly (sold + bought = 5,000) = 5
        assertEquals(5.0, fill.cost, 1e-9);
        assertEquals(4995, p.nav(new double[] {50, 20}), 1e-9);
        assertEquals(0, p.cash(), 1e-6);
        assertEquals(0.5, p.weights(new double[] {50, 20})[0], 1e-12);
        assertEquals(2, fill.trades);
    }
}
