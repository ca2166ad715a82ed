package io.rebalancer.domain;

import java.util.Objects;

/** One position's target: ticker, sector and weight as a fraction of NAV. */
public record TargetWeight(Ticker ticker, String sector, double weight) {
    public TargetWeight {
        Objects.requireNonNull(ticker, "ticker");
        Checks.notBlank("sector of " + ticker, sector);
        Checks.inRange("target weight of " + ticker, weight, 0, 1);
    }

    public static TargetWeight of(String ticker, String sector, double weight) {
        return new TargetWeight(Ticker.of(ticker), sector, weight);
    }
}
