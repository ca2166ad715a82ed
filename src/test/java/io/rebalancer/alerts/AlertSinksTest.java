package io.rebalancer.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.rebalancer.domain.Alert;
import io.rebalancer.domain.AlertSeverity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The JSON-lines file and the webhook (against a local HTTP server on 127.0.0.1). */
class AlertSinksTest {
    private static final Instant NOW = Instant.parse("2024-12-12T21:30:00Z");
    private static final Alert ALERT = new Alert("PORT_A_TechGrowth", LocalDate.of(2024, 12, 12), "VAR_CRITICAL",
            AlertSeverity.CRITICAL, "VaR95 -5.00 % is beyond the critical level -4.00 %", "alert: VaR beyond critical", NOW);
    private static final byte[] SECRET = "s3cret-webhook-key".getBytes(StandardCharsets.UTF_8);

    record Received(String body, String signature, String timestamp) {
    }

    @Test
    void sign_rfc4231TestCase2_matchesThePublishedMac() {
        // RFC 4231 section 4.3: key "Jefe", data "what do ya want for nothing?"
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSink.sign("Jefe".getBytes(StandardCharsets.US_ASCII), "what do ya want for nothing?"));
    }

    @Test
    void webhook_serverFailsTwiceThenTakesIt_retriesAndSignsEachPostWithoutTheSecret() throws Exception {
        List<Received> got = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            got.add(new Received(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    ex.getRequestHeaders().getFirst(WebhookSink.SIGNATURE_HEADER),
                    ex.getRequestHeaders().getFirst(WebhookSink.TIMESTAMP_HEADER)));
            int n = calls.incrementAndGet();
            ex.sendResponseHeaders(n == 1 ? 500 : n == 2 ? 503 : 204, -1);
            ex.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
            new WebhookSink(url, SECRET, 4, Duration.ofMillis(20), Clock.fixed(NOW, ZoneOffset.UTC)).send(ALERT);
        } finally {
            server.stop(0);
        }
        assertEquals(3, got.size());
        Received r = got.get(2);
        assertEquals(Long.toString(NOW.getEpochSecond()), r.timestamp());
        assertEquals("sha256=" + WebhookSink.sign(SECRET, r.timestamp() + "." + r.body()), r.signature());
        assertFalse(r.body().contains("s3cret"), "the secret is never in the payload");
        JsonNode json = new ObjectMapper().readTree(r.body());
        assertEquals("VAR_CRITICAL", json.path("code").asText());
        assertEquals("PORT_A_TechGrowth", json.path("portfolio_id").asText());
    }

    @Test
    void webhook_clientErrorAnswer_failsWithoutRetrying() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            calls.incrementAndGet();
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(401, -1);
            ex.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook?token=abc");
            WebhookSink sink = new WebhookSink(url, SECRET, 4, Duration.ofMillis(20), Clock.systemUTC());
            IOException e = assertThrows(IOException.class, () -> sink.send(ALERT));
            assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
            assertFalse(e.getMessage().contains("token=abc"), "the query (which may hold a token) is not printed");
        } finally {
            server.stop(0);
        }
        assertEquals(1, calls.get());
    }

    @Test
    void webhook_receiverThatNeverAnswers_givesUpAtTheDeadline() throws Exception {
        // 4 attempts of 15 s each and 7 s of back-off held the watch loop 67 s per alert
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/services", ex -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/services/T0/B0/SECRET");
            WebhookSink sink = new WebhookSink(url, SECRET, 4, Duration.ofMillis(500), Clock.systemUTC(),
                    Duration.ofSeconds(2));
            long start = System.nanoTime();
            IOException e = assertThrows(IOException.class, () -> sink.send(ALERT));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms >= 1_500 && ms < 6_000, "took " + ms + " ms: " + e.getMessage());
            assertFalse(e.getMessage().contains("SECRET"), "the path (which may hold the hook's secret) is not printed");
        } finally {
            release.countDown();
            server.stop(0);
        }
    }

    @Test
    void jsonLines_twoAlerts_twoParseableSnakeCaseLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("alerts").resolve("alerts.jsonl");
        JsonLinesSink sink = new JsonLinesSink(file);
        sink.send(ALERT);
        sink.send(new Alert("P2", ALERT.day(), "TRIGGERED", AlertSeverity.INFO, "m", "alert: cycle triggered", NOW));
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals("2024-12-12", first.path("day").asText());
        assertEquals("2024-12-12T21:30:00Z", first.path("raised_at").asText());
        assertEquals("P2", new ObjectMapper().readTree(lines.get(1)).path("portfolio_id").asText());
    }
}
