package io.rebalancer.mcp;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema (2020-12) of a result record as {@code query.QueryJson} writes it: snake_case properties, all
 * required, none other allowed; doubles may be null (non-finite numbers are written as null), and so may every
 * reference. Derived from the record's components, so a tool's output schema cannot drift from what it returns.
 */
final class RecordSchema {
    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private RecordSchema() {
    }

    /** The schema of a top-level result: a non-null object. */
    static Map<String, Object> of(Class<?> record) {
        if (!record.isRecord()) {
            throw new IllegalArgumentException(record.getName() + " is not a record");
        }
        return object(record, false);
    }

    private static Map<String, Object> object(Class<?> record, boolean nullable) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            String name = SNAKE.translate(c.getName());
            properties.put(name, schema(c.getGenericType()));
            required.add(name);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", nullable ? List.of("object", "null") : "object");
        s.put("properties", properties);
        s.put("required", required);
        s.put("additionalProperties", false);
        return s;
    }

    private static Map<String, Object> schema(Type type) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                return Map.of("type", List.of("array", "null"), "items", schema(args[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", List.of("object", "null"), "additionalProperties", schema(args[1]));
            }
            throw new IllegalArgumentException("no JSON schema for " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == Object.class) {
            return Map.of();
        }
        if (c == boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == int.class || c == long.class) {
            return Map.of("type", "integer");
        }
        if (c == double.class || c == Double.class || c == BigDecimal.class || c == float.class) {
            return Map.of("type", List.of("number", "null"));
        }
        if (c == Integer.class || c == Long.class) {
            return Map.of("type", List.of("integer", "null"));
        }
        if (c == Boolean.class) {
            return Map.of("type", List.of("boolean", "null"));
        }
        if (c == String.class || c.isEnum()) {
            return Map.of("type", List.of("string", "null"));
        }
        if (c == LocalDate.class) {
            return Map.of("type", List.of("string", "null"), "format", "date");
        }
        if (c.isRecord()) {
            return object(c, true);
        }
        throw new IllegalArgumentException("no JSON schema for " + c.getName());
    }
}
