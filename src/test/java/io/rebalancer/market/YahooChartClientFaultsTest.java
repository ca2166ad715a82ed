package io.rebalancer.market;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The price source against a local stub that misbehaves: redirects, trickles, floods, prints nonsense. */
class YahooChartClientFaultsTest {
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 1, 31);
    private final List<HttpServer> servers = new ArrayList<>();

    /** A good answer: one bar on 2026-01-02 (1767364200 = 09:30 New York). */
    private static String chart(String time, String open, String high, String low, String close, String adj) {
        return "{\"chart\":{\"result\":[{\"meta\":{\"exchangeTimezoneName\":\"America/New_York\"},"
                + "\"timestamp\":[" + time + "],\"indicators\":{\"quote\":[{\"open\":[" + open + "],\"high\":[" + high
                + "],\"low\":[" + low + "],\"close\":[" + close + "],\"volume\":[100]}],\"adjclose\":[{\"adjclose\":["
                + adj + "]}]}}],\"error\":null}}";
    }

    private static final String GOOD = chart("1767364200", "1.5", "2.0", "1.0", "1.75", "1.7");

    private HttpServer server(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/", handler);
        s.start();
        servers.add(s);
        return s;
    }

    private static String url(HttpServer s) {
        return "http://127.0.0.1:" + s.getAddress().getPort();
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void daily_redirectToAnotherPort_refusedAndNotFollowed() throws IOException {
        AtomicInteger reached = new AtomicInteger();
        HttpServer elsewhere = server(ex -> {
            reached.incrementAndGet();
            send(ex, GOOD);
        });
        HttpServer source = server(ex -> {
            ex.getResponseHeaders().add("Location", url(elsewhere) + ex.getRequestURI());
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });

        PriceSourceException e = assertThrows(PriceSourceException.class,
                () -> new YahooChartClient(url(source)).daily("AAPL", FROM, TO));

        assertTrue(e.getMessage().contains("redirected AAPL to http://127.0.0.1:" + elsewhere.getAddress().getPort()
                + ", another host or port"), e.getMessage());
        assertEquals(0, reached.get());
    }

    @Test
    void daily_redirectWithinTheSource_followed() throws IOException {
        HttpServer source = server(ex -> {
            if (ex.getRequestURI().getPath().startsWith("/moved")) {
                send(ex, GOOD);
            } else {
                ex.getResponseHeaders().add("Location", "/moved" + ex.getRequestURI());
                ex.sendResponseHeaders(301, -1);
                ex.close();
            }
        });
        assertEquals(1, new YahooChartClient(url(source)).daily("AAPL", FROM, TO).days().size());
    }

    @Test
    void daily_bodyTricklingPastTheDeadline_refusedWithinIt() throws IOException {
        HttpServer source = server(ex -> {
            byte[] b = GOOD.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                for (byte x : b) {
                    out.write(x);
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (InterruptedException | IOException e) {
                // the client hung up, as it should
            }
        });
        long start = System.nanoTime();

        PriceSourceException e = assertThrows(PriceSourceException.class,
                () -> new YahooChartClient(url(source), Duration.ofSeconds(1), 1 << 20).daily("AAPL", FROM, TO));

        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 3, "took " + seconds + " s against a 1 s deadline");
        assertTrue(e.getMessage().contains("within 1 s"), e.getMessage());
    }

    @Test
    void daily_hugeBody_refusedAtTheCap() throws IOException {
        HttpServer source = server(ex -> {
            ex.sendResponseHeaders(200, 0);
            byte[] junk = new byte[64 * 1024];
            java.util.Arrays.fill(junk, (byte) ' ');
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 16 * 1024; i++) { // 1 GB if nobody stops it
                    out.write(junk);
                }
            } catch (IOException e) {
                // the client hung up, as it should
            }
        });

        PriceSourceException e = assertThrows(PriceSourceException.class,
                () -> new YahooChartClient(url(source), Duration.ofSeconds(30), 1 << 20).daily("AAPL", FROM, TO));

        assertTrue(e.getMessage().contains("sent more than 1024 KB for one symbol"), e.getMessage());
    }

    @Test
    void parse_implausibleValues_eachRefusedNamingField() {
        // 1e400 overflows a double to Infinity
        assertRefused(chart("1767364200", "1.5", "2.0", "1.0", "1e400", "1.7"), "close Infinity");
        assertRefused(chart("1767364200", "1.5", "2.0", "1.0", "-1.75", "1.7"), "close -1.75");
        assertRefused(chart("1767364200", "1.5", "2.0", "1.0", "0", "1.7"), "close 0.0");
        assertRefused(chart("1767364200", "1.5", "2.0", "1.0", "2.5", "1.7"), "outside low 1.0 .. high 2.0");
        assertRefused(chart("1767364200", "1.5", "2.0", "1.0", "1.75", "1e308"), "adjusted close 1.0E308");
        assertRefused(chart("99999999999999999", "1.5", "2.0", "1.0", "1.75", "1.7"), "timestamp 99999999999999999");
        assertRefused(chart("-86400", "1.5", "2.0", "1.0", "1.75", "1.7"), "timestamp -86400");
        assertRefused(chart("1767364200.5", "1.5", "2.0", "1.0", "1.75", "1.7"), "timestamp 1.7673642005E9");
    }

    private static void assertRefused(String body, String expect) {
        PriceSourceException e = assertThrows(PriceSourceException.class,
                () -> YahooChartClient.parse("AAPL", 200, body, LocalDate.of(1960, 1, 1), LocalDate.of(2300, 1, 1)));
        assertTrue(e.getMessage().contains(expect), e.getMessage());
    }
}
