package io.rebalancer.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A portfolio's holdings at one close: per position and sector the value, weight, target and drift (fractions of
 * NAV, drift = weight - target), cash, NAV and the portfolio drift sum |w - t| / 2 (cash included, target 0).
 */
public record HoldingsReport(String portfolioId, LocalDate asOf, boolean latest, double nav, BigDecimal cash,
                             double cashWeight, double portfolioDrift, List<Position> positions,
                             List<Sector> sectors) {
    public HoldingsReport {
        positions = List.copyOf(positions);
        sectors = List.copyOf(sectors);
    }

    public record Position(String ticker, String sector, long shares, double price, double value, double weight,
                           double target, double drift) {
    }

    public record Sector(String sector, double value, double weight, double target, double drift) {
    }
}
