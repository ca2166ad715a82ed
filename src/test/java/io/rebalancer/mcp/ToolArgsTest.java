package io.rebalancer.mcp;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Tool arguments as JSON numbers and strings arrive from a client: read exactly, or refused in plain words. */
class ToolArgsTest {
    private static String refusal(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void wholeNumber_beyondALong_refusedNotWrappedRound() {
        // 2^64 + 1: its longValue() is 1, and a place_buy_order of it bought 1 share
        ToolArgs a = new ToolArgs(Map.of("shares", new BigInteger("18446744073709551617")));
        assertEquals("argument 'shares' must be a whole number from -9223372036854775808 to 9223372036854775807,"
                + " was 18446744073709551617", refusal(() -> a.wholeNumber("shares")));
    }

    @Test
    void wholeNumber_fractionOrExponent_exactOrRefused() {
        assertEquals(2, new ToolArgs(Map.of("n", 2.0)).wholeNumber("n"));
        assertEquals(12, new ToolArgs(Map.of("n", "12")).wholeNumber("n"));
        assertEquals("argument 'n' must be a whole number from -9223372036854775808 to 9223372036854775807, was 1.5",
                refusal(() -> new ToolArgs(Map.of("n", 1.5)).wholeNumber("n")));
        assertEquals("argument 'n' must be a whole number from -9223372036854775808 to 9223372036854775807,"
                + " was 1.0E30", refusal(() -> new ToolArgs(Map.of("n", 1e30)).wholeNumber("n")));
    }

    @Test
    void wholeNumberAsInt_beyondAnInt_refusedNotAnInternalError() {
        // 2^32 + 1 was an ArithmeticException ("integer overflow"), reported as an internal error
        assertEquals("argument 'limit' must be a whole number up to 2147483647, was 4294967297",
                refusal(() -> new ToolArgs(Map.of("limit", 4294967297L)).wholeNumber("limit", 10)));
        assertEquals(10, new ToolArgs(Map.of()).wholeNumber("limit", 10));
    }

    @Test
    void text_tenMegabytes_refusedWithoutEchoingIt() {
        String huge = "P".repeat(10 * 1024 * 1024);
        assertEquals("argument 'portfolio' is 10,485,760 characters long; at most 200",
                refusal(() -> new ToolArgs(Map.of("portfolio", huge)).text("portfolio")));
    }

    @Test
    void date_onlyYearMonthDay() {
        assertEquals(java.time.LocalDate.of(2024, 11, 21), new ToolArgs(Map.of("as_of", " 2024-11-21 ")).date("as_of"));
        assertEquals("'+002024-11-21' is not a date of the form yyyy-MM-dd",
                refusal(() -> new ToolArgs(Map.of("as_of", "+002024-11-21")).date("as_of")));
    }
}
