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

    private final String baseUrl;
    private final HttpClient http;

    public YahooChartClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
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
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("User-Agent", "Mozilla/5.0 (rebalancer)").header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PriceSourceException("cannot reach " + baseUrl + " for " + symbol + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PriceSourceException("interrupted while fetching " + symbol, e);
        }
        return parse(symbol, response.statusCode(), response.body(), from, to);
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
        ZoneId zone = zone(result.path("meta").path("exchangeTimezoneName").asText("America/New_York"));
        List<Split> splits = new ArrayList<>();
        for (JsonNode split : result.path("events").path("splits")) {
            LocalDate date = ZonedDateTime.ofInstant(Instant.ofEpochSecond(split.path("date").asLong()), zone)
                    .toLocalDate();
            splits.add(new Split(date, split.path("splitRatio").asText(split.path("numerator").asText() + ":"
                    + split.path("denominator").asText())));
        }
        JsonNode times = result.path("timestamp");
        JsonNode quote = result.path("indicators").path("quote").path(0);
        JsonNode adj = result.path("indicators").path("adjclose").path(0).path("adjclose");
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            LocalDate date = ZonedDateTime.ofInstant(Instant.ofEpochSecond(times.get(i).asLong()), zone).toLocalDate();
            if (date.isBefore(from) || date.isAfter(to)) {
                continue;
            }
            JsonNode[] fields = {quote.path("open").path(i), quote.path("high").path(i), quote.path("low").path(i),
                    quote.path("close").path(i)};
            long present = java.util.Arrays.stream(fields).filter(JsonNode::isNumber).count();
            if (present == 0) {
                continue;
            }
            if (present < fields.length) {
                throw new PriceSourceException("Yahoo's " + symbol + " bar of " + date
                        + " lacks some of open, high, low, close", null);
            }
            double close = fields[3].asDouble();
            JsonNode a = adj.path(i);
            JsonNode v = quote.path("volume").path(i);
            days.add(new Day(date, fields[0].asDouble(), fields[1].asDouble(), fields[2].asDouble(), close,
                    a.isNumber() ? a.asDouble() : close, v.isNumber() ? v.asLong() : 0L));
        }
        return new Chart(days, splits);
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
