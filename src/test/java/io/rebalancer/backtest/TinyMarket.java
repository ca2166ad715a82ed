package io.rebalancer.backtest;

import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.backtest.BacktestResult.Settings;
import io.rebalancer.domain.CostModel;
import io.rebalancer.domain.MarketDay;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.TargetWeight;
import io.rebalancer.domain.ThresholdBounds;
import io.rebalancer.domain.Thresholds;
import io.rebalancer.domain.Ticker;
import io.rebalancer.service.MarketContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Hand-made two-asset markets for the baseline, cost and regret tests. */
final class TinyMarket {
    private TinyMarket() {
    }

    static PortfolioDefinition portfolio(double targetA, CostModel costs) {
        return new PortfolioDefinition("TINY", BigDecimal.valueOf(1000), LocalDate.of(2024, 1, 2), Ticker.of("A"),
                List.of(TargetWeight.of("A", "One", targetA), TargetWeight.of("B", "Two", 1 - targetA)),
                Thresholds.seedDefaults(), new ThresholdBounds(0.02, 0.05), costs);
    }

    static PriceHistory history(List<LocalDate> dates, double[] a, double[] b, double[] volume) {
        double[] v = volume == null ? filled(dates.size(), 1e6) : volume;
        return PriceHistory.of(dates, List.of("A", "B"), new double[][] {a, b}, new double[][] {a, b},
                new double[][] {v, v});
    }

    static BacktestContext context(PriceHistory h, PortfolioDefinition def, double initialNav) {
        List<MarketDay> days = new ArrayList<>();
        h.dates().forEach(d -> days.add(new MarketDay(d, 15, 0.0001)));
        Settings settings = new Settings(def.costs(), true, 2, 0.5, initialNav, false);
        return new BacktestContext(h, MarketContext.of(h, days), def, 0, h.size() - 1, settings);
    }

    static double[] filled(int n, double v) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, v);
        return x;
    }

    static List<LocalDate> dates(String... isoDates) {
        return java.util.Arrays.stream(isoDates).map(LocalDate::parse).toList();
    }
}
