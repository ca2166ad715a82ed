package io.rebalancer.query;

import java.time.LocalDate;
import java.util.Map;

/**
 * One ticker's stored bar on a day and its recent total returns (adj_close to adj_close over 1, 5, 21, 63 and 252
 * trading days, absent when the store has fewer days), with the 21-day volatility annualised.
 */
public record StockInfo(String symbol, LocalDate asOf, double open, double high, double low, double close,
                        double adjClose, long volume, Map<String, Double> returns, double volatility21d) {
    public StockInfo {
        returns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(returns));
    }
}
