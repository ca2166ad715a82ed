package io.rebalancer.alerts;

import io.rebalancer.domain.Alert;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * POSTs each alert as JSON to a URL. The body carries the alert only; the shared secret never leaves the process:
 * {@value #SIGNATURE_HEADER} is {@code sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>} with the Unix
 * timestamp in {@value #TIMESTAMP_HEADER}, so the receiver can check origin and freshness. A 2xx answer delivers
 * it; a connection failure, 429 or 5xx is retried up to {@code attempts} times in all, waiting
 * {@code backoff}, then twice that, and so on; any other answer fails at once.
 */
public final class WebhookSink implements AlertSink {
    public static final String SIGNATURE_HEADER = "X-Rebalancer-Signature";
    public static final String TIMESTAMP_HEADER = "X-Rebalancer-Timestamp";

    private final URI url;
    private final byte[] secret;
    private final HttpClient http;
    private final int attempts;
    private final Duration backoff;
    private final Clock clock;
    private final Duration deadline;

    /** With {@link #DEFAULT_DEADLINE} for all attempts of one alert together. */
    public WebhookSink(URI url, byte[] secret, int attempts, Duration backoff, Clock clock) {
        this(url, secret, attempts, backoff, clock, DEFAULT_DEADLINE);
    }

    /** How long all attempts at one alert may take together: a hung receiver holds the watch loop no longer. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(20);

    public WebhookSink(URI url, byte[] secret, int attempts, Duration backoff, Clock clock, Duration deadline) {
        this.url = Objects.requireNonNull(url, "webhook url");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("webhook URL must be http or https, was "
                    + io.rebalancer.store.StoreConfig.maskUri(url.toString()));
        }
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("the webhook secret is empty");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("webhook attempts must be at least 1, was " + attempts);
        }
        this.secret = secret.clone();
        this.attempts = attempts;
        this.backoff = backoff;
        this.clock = clock;
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public void send(Alert a) throws IOException, InterruptedException {
        String body = AlertJson.line(a);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        long end = System.nanoTime() + deadline.toNanos();
        String last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                long pause = backoff.toMillis() << (attempt - 2);
                if (System.nanoTime() + pause * 1_000_000 >= end) {
                    last = (last == null ? "" : last + "; ") + "gave up after " + (attempt - 1) + " attempt"
                            + (attempt == 2 ? "" : "s") + " within " + deadline.toSeconds() + " s";
                    break;
                }
                Thread.sleep(pause);
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(Duration.ofNanos(Math.min(left, Duration.ofSeconds(15).toNanos())))
                    .header("Content-Type", "application/json")
                    .header(TIMESTAMP_HEADER, timestamp)
                    .header(SIGNATURE_HEADER, "sha256=" + sign(secret, timestamp + "." + body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return;
                }
                last = "HTTP " + status;
                if (status != 429 && status / 100 != 5) {
                    break;
                }
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
        }
        throw new IOException("webhook " + name() + " did not take alert " + a.key() + " (" + last + ")");
    }

    /** Lower-case hex HMAC-SHA256 of {@code message} under {@code key}. */
    public static String sign(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The URL without user info, path, query or fragment (any of which may hold the hook's secret). */
    @Override
    public String name() {
        return io.rebalancer.store.StoreConfig.maskUri(url.toString());
    }
}
