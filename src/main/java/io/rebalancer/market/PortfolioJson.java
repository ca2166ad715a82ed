package io.rebalancer.market;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rebalancer.domain.CashFlow;
import io.rebalancer.domain.CostModel;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.TargetWeight;
import io.rebalancer.domain.ThresholdBounds;
import io.rebalancer.domain.Thresholds;
import io.rebalancer.domain.Ticker;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a portfolio definition file (format in backtest-data/README.md): snake_case keys, percentages in
 * percent, every field required but {@code thresholds}, {@code adaptive_bounds}, {@code costs} (the seed portfolio's
 * values when absent) and {@code cash_flows}, unknown fields rejected. Errors are {@link DataFileException}s naming file,
 * field and value.
 */
public final class PortfolioJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal SUM_TOLERANCE = new BigDecimal("0.000001");

    private final String file;

    private PortfolioJson(String file) {
        this.file = file;
    }

    public static PortfolioDefinition read(Path path) {
        String file = path.toString();
        JsonNode root = JsonDataFile.read(MAPPER, path);
        return new PortfolioJson(file).definition(root, idOf(path));
    }

    /** The portfolio id a file must hold: its name without {@code .json}. */
    public static String idOf(Path path) {
        String fileName = path.getFileName().toString();
        return fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
    }

    /**
     * Reads a definition from a parsed file whose id must be {@code expectedId}; errors name {@code file}. For
     * readers of formats built on this one (model files of the portfolio package).
     */
    public static PortfolioDefinition read(String file, JsonNode root, String expectedId) {
        return new PortfolioJson(file).definition(root, expectedId);
    }

    private PortfolioDefinition definition(JsonNode root, String expectedId) {
        if (root == null || !root.isObject()) {
            throw error("the file must hold one JSON object");
        }
        only(root, "", "id", "basis", "inception", "benchmark", "targets", "thresholds", "adaptive_bounds", "costs",
                "cash_flows");
        String id = text(root, "id");
        if (!id.equals(expectedId)) {
            throw error("field 'id' value '" + id + "' does not match the file name (expected '" + expectedId + "')");
        }
        BigDecimal basis = decimal(root, "basis");
        if (basis.signum() <= 0 || basis.stripTrailingZeros().scale() > 2) {
            throw error("field 'basis' value '" + basis.toPlainString() + "' must be a positive amount in dollars and cents");
        }
        LocalDate inception = date(root, "inception");
        Ticker benchmark = ticker(root, "benchmark", "benchmark");
        List<TargetWeight> targets = targets(root);
        // optional blocks, the seed portfolio's values when absent: the thresholds are stored but the rule tables
        // decide, and a book built only to be backtested needs nothing but its targets
        Thresholds thresholds = root.has("thresholds") ? thresholds(object(root, "thresholds"))
                : Thresholds.seedDefaults();
        ThresholdBounds bounds = root.has("adaptive_bounds") ? bounds(object(root, "adaptive_bounds"))
                : ThresholdBounds.seedDefaults();
        CostModel costs = root.has("costs") ? costs(object(root, "costs")) : CostModel.seedDefaults();
        List<CashFlow> flows = cashFlows(root);
        return domain("portfolio", () -> new PortfolioDefinition(id, basis, inception, benchmark, targets, thresholds,
                bounds, costs, flows));
    }

    /**
     * Optional {@code cash_flows}: [{amount, schedule, date?, start?, end?}], amount in dollars (positive a
     * contribution, negative a withdrawal), schedule monthly, quarterly, annual or once (with a date).
     */
    private List<CashFlow> cashFlows(JsonNode root) {
        JsonNode array = root.get("cash_flows");
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw error("field 'cash_flows' must be an array of {amount, schedule, date, start, end}");
        }
        List<CashFlow> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "cash_flows[" + i + "]";
            JsonNode f = array.get(i);
            if (!f.isObject()) {
                throw error("field '" + path + "' must be an object {amount, schedule, date, start, end}");
            }
            only(f, path + ".", "amount", "schedule", "date", "start", "end");
            BigDecimal amount = decimal(f, "amount", path + ".amount");
            if (amount.signum() == 0 || amount.stripTrailingZeros().scale() > 2) {
                throw error("field '" + path + ".amount' value '" + amount.toPlainString()
                        + "' must be a non-zero amount in dollars and cents (negative for a withdrawal)");
            }
            String scheduleText = text(f, "schedule", path + ".schedule");
            CashFlow.Schedule schedule;
            try {
                schedule = CashFlow.Schedule.parse(scheduleText);
            } catch (IllegalArgumentException e) {
                throw error("field '" + path + ".schedule' value '" + scheduleText
                        + "' must be monthly, quarterly, annual or once");
            }
            LocalDate date = optionalDate(f, "date", path);
            LocalDate start = optionalDate(f, "start", path);
            LocalDate end = optionalDate(f, "end", path);
            try {
                out.add(new CashFlow(amount.doubleValue(), schedule, date, start, end));
            } catch (IllegalArgumentException e) {
                throw error("field '" + path + "': " + e.getMessage());
            }
        }
        return out;
    }

    private LocalDate optionalDate(JsonNode node, String name, String path) {
        if (!node.has(name) || node.get(name).isNull()) {
            return null;
        }
        String s = text(node, name, path + "." + name);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw error("field '" + path + "." + name + "' value '" + s + "' is not a date (yyyy-mm-dd)");
        }
    }

    private List<TargetWeight> targets(JsonNode root) {
        JsonNode array = require(root, "targets", "targets");
        if (!array.isArray() || array.isEmpty()) {
            throw error("field 'targets' must be a non-empty array of {ticker, sector, weight_pct}");
        }
        List<TargetWeight> out = new ArrayList<>();
        Set<Ticker> seen = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < array.size(); i++) {
            String path = "targets[" + i + "]";
            JsonNode t = array.get(i);
            if (!t.isObject()) {
                throw error("field '" + path + "' must be an object {ticker, sector, weight_pct}");
            }
            only(t, path + ".", "ticker", "sector", "weight_pct");
            Ticker ticker = ticker(t, "ticker", path + ".ticker");
            if (!seen.add(ticker)) {
                throw error("field '" + path + ".ticker' value '" + ticker + "' is listed twice");
            }
            String sector = text(t, "sector", path + ".sector");
            BigDecimal pct = decimal(t, "weight_pct", path + ".weight_pct");
            if (pct.signum() < 0 || pct.compareTo(HUNDRED) > 0) {
                throw error("field '" + path + ".weight_pct' value '" + pct.toPlainString() + "' is not within 0..100");
            }
            sum = sum.add(pct);
            out.add(domain(path, () -> new TargetWeight(ticker, sector, fraction(pct))));
        }
        if (sum.subtract(HUNDRED).abs().compareTo(SUM_TOLERANCE) > 0) {
            BigDecimal shown = sum.scale() < 1 ? sum.setScale(1) : sum;
            boolean fractions = sum.subtract(BigDecimal.ONE).abs().compareTo(new BigDecimal("0.01")) <= 0;
            throw error("targets sum to " + shown.toPlainString() + " %, not 100 %"
                    + (fractions ? " (weight_pct is in percent: 60 for 60 %, not 0.6)" : ""));
        }
        return out;
    }

    private Thresholds thresholds(JsonNode th) {
        String p = "thresholds.";
        only(th, p, "drift_critical_pct", "drift_high_pct", "drift_medium_pct", "var_warning_pct", "var_critical_pct",
                "sharpe_warning", "sharpe_critical", "max_turnover_pct", "cooldown_days", "beta_limit");
        BigDecimal critical = ranged(th, p, "drift_critical_pct", 0, 100);
        BigDecimal high = ranged(th, p, "drift_high_pct", 0, 100);
        BigDecimal medium = ranged(th, p, "drift_medium_pct", 0, 100);
        ordered(p, "drift_medium_pct", medium, "drift_high_pct", high);
        ordered(p, "drift_high_pct", high, "drift_critical_pct", critical);
        BigDecimal warning = ranged(th, p, "var_warning_pct", -100, 0);
        BigDecimal varCritical = ranged(th, p, "var_critical_pct", -100, 0);
        ordered(p, "var_critical_pct", varCritical, "var_warning_pct", warning);
        double sharpeWarning = ranged(th, p, "sharpe_warning", -100, 100).doubleValue();
        double sharpeCritical = ranged(th, p, "sharpe_critical", -100, 100).doubleValue();
        double maxTurnover = fraction(ranged(th, p, "max_turnover_pct", 0, 200));
        BigDecimal cooldown = decimal(th, "cooldown_days", p + "cooldown_days");
        if (cooldown.stripTrailingZeros().scale() > 0 || cooldown.signum() < 0 || cooldown.compareTo(BigDecimal.valueOf(3650)) > 0) {
            throw error("field 'thresholds.cooldown_days' value '" + cooldown.toPlainString()
                    + "' is not a whole number of days in 0..3650");
        }
        double betaLimit = ranged(th, p, "beta_limit", 0, 10).doubleValue();
        return domain("thresholds", () -> new Thresholds(fraction(critical), fraction(high), fraction(medium),
                fraction(warning), fraction(varCritical), sharpeWarning, sharpeCritical, maxTurnover,
                cooldown.intValue(), betaLimit));
    }

    private ThresholdBounds bounds(JsonNode b) {
        String p = "adaptive_bounds.";
        only(b, p, "drift_critical_min_pct", "drift_critical_max_pct");
        BigDecimal min = ranged(b, p, "drift_critical_min_pct", 0, 100);
        BigDecimal max = ranged(b, p, "drift_critical_max_pct", 0, 100);
        ordered(p, "drift_critical_min_pct", min, "drift_critical_max_pct", max);
        return domain("adaptive_bounds", () -> new ThresholdBounds(fraction(min), fraction(max)));
    }

    private CostModel costs(JsonNode c) {
        String p = "costs.";
        only(c, p, "commission_bps", "half_spread_bps", "impact_coefficient");
        double commission = ranged(c, p, "commission_bps", 0, 10_000).doubleValue();
        double halfSpread = ranged(c, p, "half_spread_bps", 0, 10_000).doubleValue();
        double impact = ranged(c, p, "impact_coefficient", 0, 100).doubleValue();
        return domain("costs", () -> new CostModel(commission, halfSpread, impact));
    }

    /** A number field of {@code node} within [min, max], in the file's own unit; the error names field and value. */
    private BigDecimal ranged(JsonNode node, String prefix, String name, double min, double max) {
        BigDecimal v = decimal(node, name, prefix + name);
        if (v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw error("field '" + prefix + name + "' value '" + v.toPlainString() + "' is outside "
                    + BigDecimal.valueOf(min).stripTrailingZeros().toPlainString() + " .. "
                    + BigDecimal.valueOf(max).stripTrailingZeros().toPlainString());
        }
        return v;
    }

    /** {@code lower} must not exceed {@code upper}: two fields of one object, named as the file names them. */
    private void ordered(String prefix, String lowerName, BigDecimal lower, String upperName, BigDecimal upper) {
        if (lower.compareTo(upper) > 0) {
            throw error("field '" + prefix + lowerName + "' value '" + lower.toPlainString() + "' is above field '"
                    + prefix + upperName + "' value '" + upper.toPlainString() + "'; it may not be");
        }
    }

    // --- field helpers ---

    private static double fraction(BigDecimal percent) {
        return percent.movePointLeft(2).doubleValue();
    }

    private void only(JsonNode node, String prefix, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!known.contains(name)) {
                throw error("unknown field '" + prefix + name + "' (known: " + String.join(", ", allowed) + ")");
            }
        }
    }

    private JsonNode require(JsonNode node, String name, String path) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw error("missing field '" + path + "'");
        }
        return value;
    }

    private JsonNode object(JsonNode root, String name) {
        JsonNode value = require(root, name, name);
        if (!value.isObject()) {
            throw error("field '" + name + "' value '" + value + "' is not an object");
        }
        return value;
    }

    private String text(JsonNode node, String name) {
        return text(node, name, name);
    }

    private String text(JsonNode node, String name, String path) {
        JsonNode value = require(node, name, path);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw error("field '" + path + "' value '" + value + "' is not a non-empty string");
        }
        return value.asText();
    }

    private BigDecimal decimal(JsonNode node, String name) {
        return decimal(node, name, name);
    }

    private BigDecimal decimal(JsonNode node, String name, String path) {
        JsonNode value = require(node, name, path);
        if (!value.isNumber()) {
            throw error("field '" + path + "' value '" + value + "' is not a number");
        }
        return value.decimalValue();
    }

    private LocalDate date(JsonNode node, String name) {
        String s = text(node, name);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw error("field '" + name + "' value '" + s + "' is not a date (yyyy-mm-dd)");
        }
    }

    private Ticker ticker(JsonNode node, String name, String path) {
        String s = text(node, name, path);
        try {
            return Ticker.of(s);
        } catch (IllegalArgumentException e) {
            throw error("field '" + path + "' value '" + s + "' is not a ticker");
        }
    }

    private <T> T domain(String what, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw error(what + ": " + e.getMessage());
        }
    }

    private DataFileException error(String problem) {
        return new DataFileException(file, 0, problem);
    }
}
