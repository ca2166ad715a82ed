package io.rebalancer.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The holdings a portfolio starts with: whole shares bought at one day's closes, the rest in cash. */
public final class InitialHoldings {
    private InitialHoldings() {
    }

    /**
     * Shares per ticker = floor(target x basis / close); cash = basis - sum(shares x close), HALF_EVEN to cents.
     *
     * @param closes as-traded close of every target ticker on {@code date}
     */
    public static Holdings of(PortfolioDefinition def, Map<Ticker, Double> closes, LocalDate date) {
        Objects.requireNonNull(def, "definition");
        Objects.requireNonNull(closes, "closes");
        Objects.requireNonNull(date, "date");
        Map<Ticker, Long> shares = new LinkedHashMap<>();
        BigDecimal invested = BigDecimal.ZERO;
        for (TargetWeight target : def.targets()) {
            Double close = closes.get(target.ticker());
            if (close == null) {
                throw new IllegalArgumentException("no close for " + target.ticker() + " on " + date
                        + " to buy the initial holdings of " + def.id());
            }
            if (!(close > 0) || close.isInfinite()) {
                throw new IllegalArgumentException("close of " + target.ticker() + " on " + date
                        + " must be positive, was " + close);
            }
            BigDecimal price = BigDecimal.valueOf(close);
            BigDecimal budget = BigDecimal.valueOf(target.weight()).multiply(def.basis());
            long n = budget.divide(price, 0, RoundingMode.FLOOR).longValueExact();
            shares.put(target.ticker(), n);
            invested = invested.add(price.multiply(BigDecimal.valueOf(n)));
        }
        BigDecimal cash = def.basis().subtract(invested).setScale(2, RoundingMode.HALF_EVEN);
        return new Holdings(def.id(), date, shares, cash);
    }
}
