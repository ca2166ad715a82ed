package io.rebalancer.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON for records: snake_case keys (as every file the project writes), ISO dates, non-finite doubles written as
 * null (and read back as NaN) so that every document is standard JSON that MongoDB and other tools accept.
 * Records written before the switch to snake_case have camelCase keys; {@link #read} and {@link #readTree} accept
 * both, renaming camelCase keys as Jackson's snake_case strategy names the properties. Only keys that start with a
 * lower-case letter and contain an upper-case one are renamed, so map keys such as tickers ({@code NVDA}),
 * regimes and dates stay as they are.
 */
public final class RecordJson {
    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
    private static final ObjectMapper MAPPER = create();

    private RecordJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static String writePretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.treeToValue(snakeCase(MAPPER.readTree(json)), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stored " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The JSON as a tree with snake_case keys, whichever key style it was written in. */
    public static JsonNode readTree(String json) throws JsonProcessingException {
        return snakeCase(MAPPER.readTree(json));
    }

    /** Renames camelCase keys to snake_case throughout the tree, in place; returns it. */
    public static JsonNode snakeCase(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> renamed = new ArrayList<>();
            o.fieldNames().forEachRemaining(name -> {
                if (isCamel(name)) {
                    renamed.add(name);
                }
            });
            for (String name : renamed) {
                JsonNode value = o.remove(name);
                String snake = SNAKE.translate(name);
                if (!o.has(snake)) {
                    o.set(snake, value);
                }
            }
            o.elements().forEachRemaining(RecordJson::snakeCase);
        } else if (node instanceof ArrayNode a) {
            a.elements().forEachRemaining(RecordJson::snakeCase);
        }
        return node;
    }

    private static boolean isCamel(String key) {
        if (key.isEmpty() || !Character.isLowerCase(key.charAt(0))) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            if (Character.isUpperCase(key.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static ObjectMapper create() {
        SimpleModule finite = new SimpleModule("finite-doubles");
        JsonSerializer<Double> nullIfNotFinite = new JsonSerializer<>() {
            @Override
            public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                if (value == null || !Double.isFinite(value)) {
                    gen.writeNull();
                } else {
                    gen.writeNumber(value);
                }
            }
        };
        finite.addSerializer(Double.class, nullIfNotFinite);
        finite.addSerializer(double.class, nullIfNotFinite);
        JsonDeserializer<Double> nanIfNull = new JsonDeserializer<>() {
            @Override
            public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return p.currentToken() == JsonToken.VALUE_NULL ? Double.NaN : p.getValueAsDouble();
            }

            @Override
            public Double getNullValue(DeserializationContext ctxt) {
                return Double.NaN;
            }
        };
        finite.addDeserializer(Double.class, nanIfNull);
        finite.addDeserializer(double.class, nanIfNull);
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(finite)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
