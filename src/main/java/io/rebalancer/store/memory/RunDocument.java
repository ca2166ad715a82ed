package io.rebalancer.store.memory;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rebalancer.store.StoreException;
import java.io.IOException;

/**
 * A run's JSON object parsed for the store's fields to be set, and written back on one line with {@code ": "} and
 * {@code ", "} between tokens, as the MongoDB adapter returns documents (relaxed extended JSON), so callers that
 * look at the text see the same from either store.
 */
final class RunDocument {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectWriter WRITER = MAPPER.writer(new SpacedPrinter());

    private RunDocument() {
    }

    /** Parses a JSON object; anything else is a {@link StoreException} naming {@code what}. */
    static ObjectNode parseObject(String what, String json) {
        String trimmed = io.rebalancer.store.JsonObjectText.require(what, json);
        try {
            JsonNode node = MAPPER.readTree(trimmed);
            if (!(node instanceof ObjectNode object)) {
                throw new StoreException(what + " must be a JSON object");
            }
            return object;
        } catch (JsonProcessingException e) {
            throw new StoreException(what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static String toJson(ObjectNode doc) {
        try {
            return WRITER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new StoreException("run document cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }


    /** One line, a space after each colon and comma: {@code {"a": 1, "b": [1, 2]}}. */
    private static final class SpacedPrinter extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }
}
