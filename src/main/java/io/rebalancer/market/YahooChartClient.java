package io.rebalancer.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rebalancer.domain.PriceBar;
import io.rebalancer.domain.Ticker;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Daily bars from Yahoo's chart API ({@code /v8/finance/chart/SYMBOL?interval=1d}): open, high, low, close,
 * adjusted close and volume per trading day, dated in the exchange's time zone. A day whose fields are all
 * missing (a holiday row) is skipped; a day missing only some of them is an error naming symbol and date. Splits
 * are reported with the days.
 */
public final class YahooChartClient {
    public static final String DEFAULT_BASE_URL = "https://query1.finance.yahoo.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The whole exchange for one symbol (connect, headers and body) by default. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);
    /** The largest answer read for one symbol by default; ten years of daily bars are about 0.5 MB. */
    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;
    private static final int MAX_REDIRECTS = 3;
    /** Prices above this are not a share price or an index level (the highest US share trades near 10^6). */
    private static final double MAX_PRICE = 1e7;
    private static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 2);

    private final String baseUrl;
    private final URI base;
    private final HttpClient http;
    private final Duration deadline;
    private final long maxBytes;

    public YahooChartClient(String baseUrl) {
        this(baseUrl, DEFAULT_DEADLINE, DEFAULT_MAX_BYTES);
    }

    /**
     * A client whose every exchange ends within {@code deadline} (connect, headers and the whole body) and reads
     * at most {@code maxBytes} of body; redirects are followed only to the same scheme, host and port.
     */
    public YahooChartClient(String baseUrl, Duration deadline, long maxBytes) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.base = URI.create(this.baseUrl);
        if (deadline.isNegative() || deadline.isZero() || maxBytes < 1) {
            throw new IllegalArgumentException("the deadline and the body limit must be positive, were " + deadline
                    + " and " + maxBytes);
        }
        this.deadline = deadline;
        this.maxBytes = maxBytes;
        this.http = HttpClient.newBuilder().connectTimeout(deadline.compareTo(Duration.ofSeconds(10)) < 0 ? deadline
                : Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** One day of a symbol: the bar's fields, with {@code adjClose} equal to close when Yahoo gives none. */
    public record Day(LocalDate date, double open, double high, double low, double close, double adjClose, long volume) {
        /** The bar of {@code ticker}, its adjusted close multiplied by {@code adjScale}. */
        public PriceBar toBar(Ticker ticker, double adjScale) {
            return new PriceBar(ticker, date, open, high, low, close, adjClose * adjScale, volume);
        }
    }

    /** A stock split going ex on {@code date}, e.g. ratio {@code 10:1}. */
    public record Split(LocalDate date, String ratio) {
    }

    /** What the chart API answered for a symbol: its days oldest first, and the splits it reported. */
    public record Chart(List<Day> days, List<Split> splits) {
    }

    /** The days of {@code symbol} from {@code from} to {@code to}, both included, and its splits. */
    public Chart daily(String symbol, LocalDate from, LocalDate to) {
        URI uri = URI.create(baseUrl + "/v8/finance/chart/" + URLEncoder.encode(symbol, StandardCharsets.UTF_8)
                + "?period1=" + from.atStartOfDay(ZoneId.of("UTC")).toEpochSecond()
                + "&period2=" + to.plusDays(1).atStartOfDay(ZoneId.of("UTC")).toEpochSecond()
                + "&interval=1d&events=div%2Csplit&includeAdjustedClose=true");
        long end = System.nanoTime() + deadline.toNanos();
        for (int hop = 0; ; hop++) {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(remaining(end, symbol))
                    .header("User-Agent", "Mozilla/5.0 (rebalancer)").header("Accept", "application/json").GET().build();
            HttpResponse<byte[]> response = exchange(request, symbol, end);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                uri = redirect(uri, response, symbol, hop);
                continue;
            }
            return parse(symbol, status, new String(response.body(), StandardCharsets.UTF_8), from, to);
        }
    }

    private HttpResponse<byte[]> exchange(HttpRequest request, String symbol, long end) {
        java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> pending =
                http.sendAsync(request, info -> new CappedBody(maxBytes, end));
        try {
            return pending.get(Math.max(1, end - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            pending.cancel(true);
            throw new PriceSourceException(baseUrl + " did not answer for " + symbol + " within "
                    + deadline.toSeconds() + " s (headers and body)", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof PriceSourceException p) {
                throw p;
            }
            if (cause instanceof java.net.http.HttpTimeoutException) {
                throw new PriceSourceException(baseUrl + " did not answer for " + symbol + " within "
                        + deadline.toSeconds() + " s (headers and body)", cause);
            }
            throw new PriceSourceException("cannot reach " + baseUrl + " for " + symbol + ": "
                    + (cause instanceof IOException io ? describe(io) : String.valueOf(cause)), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            throw new PriceSourceException("interrupted while fetching " + symbol, e);
        }
    }

    private Duration remaining(long end, String symbol) {
        long left = end - System.nanoTime();
        if (left <= 0) {
            throw new PriceSourceException(baseUrl + " did not answer for " + symbol + " within "
                    + deadline.toSeconds() + " s (headers and body)", null);
        }
        return Duration.ofNanos(left);
    }

    /** The next URI of a redirect, only to the same scheme, host and port as the source. */
    private URI redirect(URI from, HttpResponse<?> response, String symbol, int hop) {
        String location = response.headers().firstValue("Location").orElse(null);
        if (location == null || hop + 1 >= MAX_REDIRECTS) {
            throw new PriceSourceException(baseUrl + " answered " + response.statusCode() + " for " + symbol
                    + (location == null ? " without a Location" : " more than " + MAX_REDIRECTS + " times"), null);
        }
        URI next = from.resolve(location);
        if (!java.util.Objects.equals(next.getScheme(), base.getScheme())
                || !base.getHost().equalsIgnoreCase(String.valueOf(next.getHost())) || port(next) != port(base)) {
            throw new PriceSourceException(baseUrl + " redirected " + symbol + " to " + next.getScheme() + "://"
                    + next.getHost() + ":" + port(next) + ", another host or port; redirects are followed only"
                    + " within the source", null);
        }
        return next;
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** Collects a body up to a size and a deadline, cancelling the exchange past either. */
    private final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long cap;
        private final long end;
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private final java.util.concurrent.CompletableFuture<byte[]> result = new java.util.concurrent.CompletableFuture<>();
        private java.util.concurrent.Flow.Subscription subscription;

        CappedBody(long cap, long end) {
            this.cap = cap;
            this.end = end;
        }

        @Override
        public java.util.concurrent.CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<java.nio.ByteBuffer> items) {
            for (java.nio.ByteBuffer b : items) {
                if (bytes.size() + (long) b.remaining() > cap) {
                    fail(new PriceSourceException(baseUrl + " sent more than " + cap / 1024 + " KB for one symbol;"
                            + " refused", null));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
            if (System.nanoTime() > end) {
                fail(new PriceSourceException(baseUrl + " did not send its whole answer within " + deadline.toSeconds()
                        + " s", null));
            }
        }

        private void fail(PriceSourceException e) {
            subscription.cancel();
            result.completeExceptionally(e);
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }

    static Chart parse(String symbol, int status, String body, LocalDate from, LocalDate to) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new PriceSourceException("Yahoo answered " + status + " for " + symbol + " with no JSON", e);
        }
        JsonNode error = root.path("chart").path("error");
        if (status != 200 || !error.isMissingNode() && !error.isNull()) {
            String what = error.isObject() ? error.path("code").asText() + ": " + error.path("description").asText()
                    : "HTTP " + status;
            throw new PriceSourceException("Yahoo has no daily prices for " + symbol + " (" + what + ")", null);
        }
        JsonNode result = root.path("chart").path("result").path(0);
        if (result.isMissingNode()) {
            throw new PriceSourceException("Yahoo's answer for " + symbol + " holds no chart result", null);
        }
        String answered = result.path("meta").path("symbol").asText("");
        if (!answered.isEmpty() && !answered.equalsIgnoreCase(symbol)) {
            throw new PriceSourceException("asked for " + symbol + ", the source answered with the prices of "
                    + answered + "; refused", null);
        }
        ZoneId zone = zone(result.path("meta").path("exchangeTimezoneName").asText("America/New_York"));
        List<Split> splits = new ArrayList<>();
        for (JsonNode split : result.path("events").path("splits")) {
            LocalDate date = date(symbol, split.path("date"), zone);
            splits.add(new Split(date, split.path("splitRatio").asText(split.path("numerator").asText() + ":"
                    + split.path("denominator").asText())));
        }
        JsonNode times = result.path("timestamp");
        JsonNode quote = result.path("indicators").path("quote").path(0);
        JsonNode adj = result.path("indicators").path("adjclose").path(0).path("adjclose");
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            LocalDate date = date(symbol, times.get(i), zone);
            if (date.isBefore(from) || date.isAfter(to)) {
                continue;
            }
            JsonNode[] fields = {quote.path("open").path(i), quote.path("high").path(i), quote.path("low").path(i),
                    quote.path("close").path(i)};
            long present = java.util.Arrays.stream(fields).filter(JsonNode::isNumber).count();
            if (present == 0) {
                continue;
            }
            if (date.getDayOfWeek() == java.time.DayOfWeek.SATURDAY || date.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
                throw new PriceSourceException("Yahoo's " + symbol + " bar of " + date + " falls on a "
                        + date.getDayOfWeek().toString().charAt(0)
                        + date.getDayOfWeek().toString().substring(1).toLowerCase(java.util.Locale.ROOT)
                        + ", not a trading day; refused", null);
            }
            if (present < fields.length) {
                throw new PriceSourceException("Yahoo's " + symbol + " bar of " + date
                        + " lacks some of open, high, low, close", null);
            }
            double close = fields[3].asDouble();
            JsonNode a = adj.path(i);
            JsonNode v = quote.path("volume").path(i);
            Day day = new Day(date, fields[0].asDouble(), fields[1].asDouble(), fields[2].asDouble(), close,
                    a.isNumber() ? a.asDouble() : close, v.isNumber() ? v.asLong() : 0L);
            check(symbol, day, v);
            days.add(day);
        }
        return new Chart(days, splits);
    }

    /** A timestamp as an exchange date, refused unless it is a whole number of seconds from 1970 to tomorrow. */
    private static LocalDate date(String symbol, JsonNode time, ZoneId zone) {
        long latest = LocalDate.now(ZoneId.of("UTC")).plusDays(2).atStartOfDay(ZoneId.of("UTC")).toEpochSecond();
        if (!time.isIntegralNumber() || !time.canConvertToLong() || time.asLong() < 0 || time.asLong() > latest) {
            throw new PriceSourceException("Yahoo's " + symbol + " answer has the timestamp " + time
                    + ", not a day from 1970 to tomorrow; refused", null);
        }
        LocalDate d = ZonedDateTime.ofInstant(Instant.ofEpochSecond(time.asLong()), zone).toLocalDate();
        if (d.isBefore(FIRST_DAY)) {
            throw new PriceSourceException("Yahoo's " + symbol + " answer has a bar dated " + d + ", before 1970; refused",
                    null);
        }
        return d;
    }

    /** Refuses a bar no market could have printed: prices not positive and finite, a close outside [low, high]. */
    private static void check(String symbol, Day d, JsonNode volume) {
        double[] values = {d.open(), d.high(), d.low(), d.close(), d.adjClose()};
        String[] names = {"open", "high", "low", "close", "adjusted close"};
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k]) || values[k] <= 0 || values[k] > MAX_PRICE) {
                throw new PriceSourceException("Yahoo's " + symbol + " bar of " + d.date() + " has " + names[k] + " "
                        + values[k] + ", not a positive price below " + (long) MAX_PRICE + "; refused", null);
            }
        }
        double slack = 1e-6 * d.high();
        if (d.low() > d.high() + slack || d.close() < d.low() - slack || d.close() > d.high() + slack
                || d.open() < d.low() - slack || d.open() > d.high() + slack) {
            throw new PriceSourceException("Yahoo's " + symbol + " bar of " + d.date() + " has open " + d.open()
                    + " and close " + d.close() + " outside low " + d.low() + " .. high " + d.high() + "; refused", null);
        }
        if (volume.isNumber() && (volume.asDouble() < 0 || !volume.canConvertToLong())) {
            throw new PriceSourceException("Yahoo's " + symbol + " bar of " + d.date() + " has volume " + volume
                    + "; refused", null);
        }
    }

    private static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (RuntimeException e) {
            return ZoneId.of("America/New_York");
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : " " + m);
    }
}
