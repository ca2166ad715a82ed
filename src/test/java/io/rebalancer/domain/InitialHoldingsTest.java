package io.rebalancer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InitialHoldingsTest {
    static final LocalDate DAY = LocalDate.of(2024, 1, 2);
    static final Ticker A = Ticker.of("AAA");
    static final Ticker B = Ticker.of("BBB");

    private static PortfolioDefinition portfolio(String basis, TargetWeight... targets) {
        return new PortfolioDefinition("P", new BigDecimal(basis), DAY, A, List.of(targets), Thresholds.seedDefaults(),
                new ThresholdBounds(0.02, 0.05), CostModel.none());
    }

    @Test
    void of_twoTickers_floorsSharesAndKeepsRemainderAsCash() {
        // A: 6000 / 33.00 = 181.8 -> 181 shares = 5973.00; B: 4000 / 7.77 = 514.8 -> 514 shares = 3993.78
        // cash = 10000 - 5973.00 - 3993.78 = 33.22
        PortfolioDefinition def = portfolio("10000", TargetWeight.of("AAA", "X", 0.6), TargetWeight.of("BBB", "Y", 0.4));
        Holdings h = InitialHoldings.of(def, Map.of(A, 33.00, B, 7.77), DAY);
        assertEquals(Map.of(A, 181L, B, 514L), h.shares());
        assertEquals(new BigDecimal("33.22"), h.cash());
        assertEquals(DAY, h.asOf());
        assertEquals("P", h.portfolioId());
    }

    @Test
    void of_cashWithHalfCent_roundsHalfEven() {
        // 1000 / 3.035 = 329.49 -> 329 shares = 998.515; cash 1.485 -> 1.48 (HALF_EVEN; HALF_UP would give 1.49)
        Holdings h = InitialHoldings.of(portfolio("1000", TargetWeight.of("AAA", "X", 1.0)), Map.of(A, 3.035), DAY);
        assertEquals(329L, h.sharesOf(A));
        assertEquals(new BigDecimal("1.48"), h.cash());
    }

    @Test
    void of_exactMultiple_noCashLeft() {
        // 0.1 x 1000 / 10 = exactly 10 shares (no binary floating-point shortfall to 9)
        PortfolioDefinition def = portfolio("1000", TargetWeight.of("AAA", "X", 0.1), TargetWeight.of("BBB", "Y", 0.9));
        Holdings h = InitialHoldings.of(def, Map.of(A, 10.0, B, 0.3), DAY);
        assertEquals(10L, h.sharesOf(A));
        assertEquals(3000L, h.sharesOf(B));
        assertEquals(new BigDecimal("0.00"), h.cash());
    }

    @Test
    void of_missingClose_throwsNamingTickerAndDate() {
        PortfolioDefinition def = portfolio("1000", TargetWeight.of("AAA", "X", 0.5), TargetWeight.of("BBB", "Y", 0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InitialHoldings.of(def, Map.of(A, 10.0), DAY));
        assertEquals("no close for BBB on 2024-01-02 to buy the initial holdings of P", e.getMessage());
    }
}
