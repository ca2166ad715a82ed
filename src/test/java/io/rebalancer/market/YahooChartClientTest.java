package io.rebalancer.market;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class YahooChartClientTest {
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 1, 31);

    @Test
    void parse_barOpenAt0930NewYork_datedThatDay() {
        // 1767364200 = 2026-01-02T14:30:00Z = 09:30 in New York
        String body = "{\"chart\":{\"result\":[{\"meta\":{\"exchangeTimezoneName\":\"America/New_York\"},"
                + "\"timestamp\":[1767364200],\"indicators\":{\"quote\":[{\"open\":[1.5],\"high\":[2.0],\"low\":[1.0],"
                + "\"close\":[1.75],\"volume\":[100]}],\"adjclose\":[{\"adjclose\":[1.7]}]}}],\"error\":null}}";
        assertEquals(List.of(new YahooChartClient.Day(LocalDate.of(2026, 1, 2), 1.5, 2.0, 1.0, 1.75, 1.7, 100)),
                YahooChartClient.parse("X", 200, body, FROM, TO).days());
    }

    @Test
    void parse_barMissingItsClose_errorNamesSymbolAndDate() {
        String body = "{\"chart\":{\"result\":[{\"meta\":{},\"timestamp\":[1767364200],\"indicators\":{\"quote\":"
                + "[{\"open\":[1.5],\"high\":[2.0],\"low\":[1.0],\"close\":[null],\"volume\":[100]}]}}],\"error\":null}}";
        PriceSourceException e = assertThrows(PriceSourceException.class,
                () -> YahooChartClient.parse("XOM", 200, body, FROM, TO));
        assertEquals("Yahoo's XOM bar of 2026-01-02 lacks some of open, high, low, close", e.getMessage());
    }

    @Test
    void parse_notJson_sourceError() {
        PriceSourceException e = assertThrows(PriceSourceException.class,
                () -> YahooChartClient.parse("SPY", 502, "<html>Bad gateway</html>", FROM, TO));
        assertEquals("Yahoo answered 502 for SPY with no JSON", e.getMessage());
    }

    @Test
    void parse_split_reportedWithItsExDateAndRatio() {
        String body = "{\"chart\":{\"result\":[{\"meta\":{\"exchangeTimezoneName\":\"America/New_York\"},"
                + "\"timestamp\":[1767364200],\"events\":{\"splits\":{\"1767364200\":{\"date\":1767364200,"
                + "\"numerator\":10,\"denominator\":1,\"splitRatio\":\"10:1\"}}},\"indicators\":{\"quote\":"
                + "[{\"open\":[1.5],\"high\":[2.0],\"low\":[1.0],\"close\":[1.75],\"volume\":[100]}]}}],\"error\":null}}";
        assertEquals(List.of(new YahooChartClient.Split(LocalDate.of(2026, 1, 2), "10:1")),
                YahooChartClient.parse("NVDA", 200, body, FROM, TO).splits());
    }
}
