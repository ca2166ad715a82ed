package io.rebalancer.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceMetricsTest {

    private static final Path SPY_CSV = Paths.get("backtest-data", "prices", "SPY.csv");

    @Test
    void of_mixedReturnsNav_fillsEveryFieldFromReturnStats() {
        double[] nav = ReturnStatsTest.nav(ReturnStatsTest.MIXED);
        double[] bench = java.util.Arrays.copyOfRange(ReturnStatsTest.NEGATIVE, 1, 9);
        PerformanceMetrics m = PerformanceMetrics.of(nav, null, bench);
        assertEquals(1.0389310917004804, m.finalNav(), 1e-15);
        assertEquals(2.330292797300439, m.cagr(), 1e-12);
        assertEquals(0.9136465399704637, m.volatility(), 1e-12); // empyrical annual_volatility
        assertEquals(2.550540822248145, m.sharpe(), 1e-12);
        assertEquals(1.7238613961706866, m.sharpeArithmetic(), 1e-8); // empyrical sharpe_ratio
        assertEquals(2.605531251673693, m.sortino(), 1e-8); // empyrical sortino_ratio
        assertEquals(-0.1, m.maxDrawdown(), 1e-12); // empyrical max_drawdown
        assertEquals(23.30292797300439, m.calmar(), 1e-10);
        assertEquals(-0.079, m.var95Historical(), 1e-12);
        assertEquals(-0.1, m.cvar95(), 1e-12);
        assertEquals(-0.08841843556165406, m.var95Gaussian(), 1e-12);
        assertEquals(-0.09410795425301809, m.var95CornishFisher(), 1e-12);
        assertEquals(-0.71296296296296313, m.beta(), 1e-8); // empyrical alpha_beta
    }

    @Test
    void of_noBenchmark_betaIsNaN() {
        assertTrue(Double.isNaN(PerformanceMetrics.of(new double[] {1, 1.01, 1.0}, null, null).beta()));
    }

    @Test
    void of_singleNav_throwsNamingLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PerformanceMetrics.of(new double[] {1}, null, null));
        assertTrue(e.getMessage().contains("got 1"), e.getMessage());
    }

    /**
     * Real data: SPY adj_close 2015-01-02..2024-12-31 (2,516 rows, 2,515 returns) from backtest-data/prices (identical to
     * the shared market-data file it was imported from).
     * Expected values computed independently with plain Python 3.11 (csv module, no numpy):
     * (577.699707 / 170.125015)^(252/2515) - 1 = 0.13031359339252568; max drawdown on adj_close
     * -0.3371726977196694 (the 2020 Covid fall); annualised sample volatility 0.17619190156039796.
     */
    @Test
    void of_spyAdjClose2015To2024_matchesIndependentPython() throws IOException {
        assertTrue(Files.exists(SPY_CSV), "missing " + SPY_CSV.toAbsolutePath());
        List<LocalDate> dates = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(SPY_CSV);
        assertEquals("date,open,high,low,close,adj_close,volume", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            LocalDate d = LocalDate.parse(f[0]);
            if (!d.isBefore(LocalDate.of(2015, 1, 2)) && !d.isAfter(LocalDate.of(2024, 12, 31))) {
                dates.add(d);
                rows.add(new double[] {Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6])});
            }
        }
        int n = dates.size();
        double[][] close = new double[1][n];
        double[][] adj = new double[1][n];
        double[][] volume = new double[1][n];
        for (int i = 0; i < n; i++) {
            close[0][i] = rows.get(i)[0];
            adj[0][i] = rows.get(i)[1];
            volume[0][i] = rows.get(i)[2];
        }
        PriceHistory h = PriceHistory.of(dates, List.of("SPY"), close, adj, volume);
        assertEquals(2516, h.size());
        double[] nav = new double[n];
        for (int i = 0; i < n; i++) {
            nav[i] = h.adjClose("SPY", i);
        }
        PerformanceMetrics m = PerformanceMetrics.of(nav, null, h.adjCloseReturns("SPY", n - 1, n));
        assertEquals(0.13031359339252568, m.cagr(), 1e-12);
        assertEquals(-0.3371726977196694, m.maxDrawdown(), 1e-12);
        assertEquals(0.17619190156039796, m.volatility(), 1e-12);
        assertEquals(1.0, m.beta(), 1e-12);
    }
}
