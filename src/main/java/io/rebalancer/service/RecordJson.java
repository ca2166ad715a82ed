package io.rebalancer.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON for records: ISO dates, non-finite doubles written as null (and read back as NaN) so that every
 * document is standard JSON that MongoDB and other tools accept.
 */
public final class RecordJson {
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
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stored " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
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
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
