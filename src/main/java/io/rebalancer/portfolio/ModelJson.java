package io.rebalancer.portfolio;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rebalancer.domain.ModelVersion;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.market.DataFileException;
import io.rebalancer.market.PortfolioJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads a model file: the portfolio file format with {@code model} and {@code effective_from} in place of
 * {@code id}, {@code basis} and {@code inception} (which belong to each account). Everything else, and every check
 * on it, is the portfolio format's.
 */
public final class ModelJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ModelJson() {
    }

    /** The parsed file, or a {@link DataFileException} naming file, line (when JSON is malformed) and problem. */
    static JsonNode tree(Path path) {
        try {
            return MAPPER.readTree(Files.readString(path));
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new DataFileException(path.toString(), Math.max(0, line), "invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DataFileException(path.toString(), 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Whether a parsed JSON file is a model file (it has a {@code model} field) rather than a portfolio file. */
    static boolean isModel(JsonNode root) {
        return root != null && root.isObject() && root.has("model");
    }

    public static ModelVersion read(Path path) {
        return read(path.toString(), tree(path));
    }

    static ModelVersion read(String file, JsonNode root) {
        ObjectNode node = ((ObjectNode) root).deepCopy();
        JsonNode model = node.remove("model");
        JsonNode from = node.remove("effective_from");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            throw new DataFileException(file, 0, "field 'model' value '" + model + "' is not a non-empty string");
        }
        if (from == null || !from.isTextual()) {
            throw new DataFileException(file, 0, "missing field 'effective_from' (yyyy-mm-dd)");
        }
        LocalDate effective;
        try {
            effective = LocalDate.parse(from.asText());
        } catch (DateTimeParseException e) {
            throw new DataFileException(file, 0, "field 'effective_from' value '" + from.asText()
                    + "' is not a date (yyyy-mm-dd)");
        }
        for (String own : new String[] {"id", "basis", "inception"}) {
            if (node.has(own)) {
                throw new DataFileException(file, 0, "field '" + own + "' belongs to an account, not to a model file");
            }
        }
        node.put("id", model.asText());
        node.put("basis", 1);
        node.put("inception", effective.toString());
        PortfolioDefinition d = PortfolioJson.read(file, node, model.asText());
        return new ModelVersion(d.id(), effective, d.benchmark(), d.targets(), d.thresholds(), d.bounds(), d.costs());
    }
}
