package io.rebalancer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PriceBarAndMarketDayTest {
    static final Ticker SPY = Ticker.of("SPY");
    static final LocalDate DAY = LocalDate.of(2015, 1, 2);

    @Test
    void priceBar_validValues_keepsThem() {
        PriceBar bar = new PriceBar(SPY, DAY, 206.38, 206.88, 204.18, 205.43, 170.125015, 121465900);
        assertEquals(205.43, bar.close());
        assertEquals(121465900L, bar.volume());
    }

    @Test
    void priceBar_highBelowLow_throwsNamingTickerDateAndValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PriceBar(SPY, DAY, 10, 9, 11, 10, 10, 1));
        assertEquals("SPY 2015-01-02: high 9.0 is below low 11.0", e.getMessage());
    }

    @Test
    void priceBar_nonPositiveOrNaNPrice_throwsNamingField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PriceBar(SPY, DAY, 10, 11, 9, Double.NaN, 10, 1));
        assertEquals("SPY 2015-01-02: close must be a positive finite price, was NaN", e.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new PriceBar(SPY, DAY, 10, 11, 9, 10, 0, 1));
        assertEquals("SPY 2015-01-02: adjClose must be a positive finite price, was 0.0", zero.getMessage());
    }

    @Test
    void priceBar_negativeVolume_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PriceBar(SPY, DAY, 10, 11, 9, 10, 10, -1));
        assertEquals("SPY 2015-01-02: volume must not be negative, was -1", e.getMessage());
    }

    @Test
    void marketDay_negativeRate_isAllowed() {
        assertEquals(-0.05 / 100 / 252, new MarketDay(DAY, 20, -0.05 / 100 / 252).rfDaily());
    }

    @Test
    void marketDay_zeroVix_throwsNamingDate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MarketDay(DAY, 0, 0));
        assertEquals("2015-01-02: vix must be a positive finite number, was 0.0", e.getMessage());
    }

    @Test
    void marketDay_rateInPercent_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MarketDay(DAY, 20, 2.5));
        assertEquals("2015-01-02: rfDaily must be a finite fraction within +/-0.01, was 2.5", e.getMessage());
    }
}
