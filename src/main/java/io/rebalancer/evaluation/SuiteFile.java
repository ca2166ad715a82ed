package io.rebalancer.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rebalancer.backtest.RegretScorer;
import io.rebalancer.market.DataFileException;
import io.rebalancer.market.JsonDataFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a suite file (docs/BACKTEST.md, "Evaluation suite"):
 * <pre>
 * {"name": "default", "crra_gamma": 3, "sharpe_tolerance": 0.005,
 *  "samples": [{"id": "...", "portfolio": "PORT_A_TechGrowth", "from": "2015-01-02", "to": "2024-12-31",
 *               "backtest_data": "dir", "warm_up_from": "2013-01-02",
 *               "options": {"cost_bps": 3, "no_costs": false, "learning": true, "horizon": 63, "lambda": 0.5,
 *                           "dividends": "cash"}}]}
 * </pre>
 * Only {@code id}, {@code portfolio}, {@code from} and {@code to} are required. A relative {@code backtest_data} is
 * resolved against the suite file's directory. Any problem is one {@link DataFileException} naming the file, the
 * field (as {@code samples[i].field}) and the value; unknown fields are refused so a typo cannot pass silently.
 */
public final class SuiteFile {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TOP = Set.of("name", "description", "crra_gamma", "sharpe_tolerance", "samples");
    private static final Set<String> SAMPLE = Set.of("id", "description", "portfolio", "from", "to", "backtest_data",
            "warm_up_from", "options");
    private static final Set<String> OPTIONS = Set.of("cost_bps", "no_costs", "learning", "horizon", "lambda",
            "dividends");

    private final String file;
    private final Path dir;

    private SuiteFile(Path path) {
        this.file = path.toString();
        Path parent = path.toAbsolutePath().getParent();
        this.dir = parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    public static SuiteSpec read(Path path) {
        JsonNode root = JsonDataFile.read(MAPPER, path);
        return new SuiteFile(path).suite(root, defaultName(path));
    }

    private static String defaultName(Path path) {
        String f = path.getFileName().toString();
        return f.endsWith(".json") ? f.substring(0, f.length() - 5) : f;
    }

    private SuiteSpec suite(JsonNode root, String defaultName) {
        if (root == null || !root.isObject()) {
            throw error("the file must hold one JSON object");
        }
        only(root, "", TOP);
        String name = root.has("name") ? text(root, "name", "name") : defaultName;
        double gamma = root.has("crra_gamma") ? number(root, "crra_gamma", "crra_gamma")
                : io.rebalancer.backtest.StrategyMetrics.DEFAULT_CRRA_GAMMA;
        double tolerance = root.has("sharpe_tolerance") ? number(root, "sharpe_tolerance", "sharpe_tolerance")
                : SuiteSpec.DEFAULT_SHARPE_TOLERANCE;
        JsonNode samples = root.get("samples");
        if (samples == null || !samples.isArray() || samples.isEmpty()) {
            throw error("field 'samples' must be a non-empty array of samples");
        }
        List<SampleSpec> list = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            list.add(sample(samples.get(i), "samples[" + i + "]"));
        }
        try {
            return new SuiteSpec(name, gamma, tolerance, list);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    private SampleSpec sample(JsonNode s, String at) {
        if (!s.isObject()) {
            throw error("'" + at + "' must be an object");
        }
        only(s, at + ".", SAMPLE);
        String id = text(s, "id", at + ".id");
        String portfolio = text(s, "portfolio", at + ".portfolio");
        LocalDate from = date(s, "from", at + ".from");
        LocalDate to = date(s, "to", at + ".to");
        Path data = s.has("backtest_data") ? dir.resolve(text(s, "backtest_data", at + ".backtest_data")).normalize()
                : null;
        if (data != null && !Files.isDirectory(data)) {
            throw error("field '" + at + ".backtest_data' value '" + s.get("backtest_data").asText()
                    + "' is not a directory (resolved to " + data + ")");
        }
        LocalDate warmUp = s.has("warm_up_from") ? date(s, "warm_up_from", at + ".warm_up_from") : null;
        Double costBps = null;
        boolean noCosts = false;
        boolean learning = true;
        int horizon = io.rebalancer.backtest.BacktestRequest.HORIZON_FROM_RULES;
        double lambda = RegretScorer.DEFAULT_LAMBDA;
        io.rebalancer.backtest.DividendMode dividends = io.rebalancer.backtest.DividendMode.CASH;
        JsonNode o = s.get("options");
        if (o != null) {
            String p = at + ".options";
            if (!o.isObject()) {
                throw error("field '" + p + "' must be an object");
            }
            only(o, p + ".", OPTIONS);
            if (o.has("cost_bps")) {
                costBps = number(o, "cost_bps", p + ".cost_bps");
            }
            noCosts = o.has("no_costs") && bool(o, "no_costs", p + ".no_costs");
            learning = !o.has("learning") || bool(o, "learning", p + ".learning");
            if (o.has("horizon")) {
                JsonNode h = o.get("horizon");
                if (!h.canConvertToInt() || !h.isIntegralNumber()) {
                    throw error("field '" + p + ".horizon' value '" + h + "' must be a whole number of trading days");
                }
                horizon = h.asInt();
            }
            if (o.has("lambda")) {
                lambda = number(o, "lambda", p + ".lambda");
            }
            if (o.has("dividends")) {
                String d = text(o, "dividends", p + ".dividends");
                try {
                    dividends = io.rebalancer.backtest.DividendMode.parse(d);
                } catch (IllegalArgumentException e) {
                    throw error("field '" + p + ".dividends' value '" + d + "' must be cash or reinvest");
                }
            }
        }
        try {
            return new SampleSpec(id, portfolio, from, to, data, warmUp, costBps, noCosts, learning, horizon, lambda,
                    dividends);
        } catch (IllegalArgumentException e) {
            throw error(at + ": " + e.getMessage());
        }
    }

    private void only(JsonNode node, String prefix, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw error("unknown field '" + prefix + f + "'; allowed: " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private String text(JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw error("field '" + at + "' " + (v == null ? "is missing" : "value '" + v + "' must be a non-empty string"));
        }
        return v.asText();
    }

    private double number(JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber()) {
            throw error("field '" + at + "' value '" + v + "' must be a number");
        }
        return v.asDouble();
    }

    private boolean bool(JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (!v.isBoolean()) {
            throw error("field '" + at + "' value '" + v + "' must be true or false");
        }
        return v.asBoolean();
    }

    private LocalDate date(JsonNode node, String field, String at) {
        String t = text(node, field, at);
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw error("field '" + at + "' value '" + t + "' is not a date of the form yyyy-MM-dd");
        }
    }

    private DataFileException error(String problem) {
        return new DataFileException(file, 0, problem);
    }
}
