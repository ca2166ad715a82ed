package io.rebalancer.mcp;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** A tool call's arguments, read with the same checks and messages as the command line's options. */
final class ToolArgs {
    private final Map<String, Object> args;

    ToolArgs(Map<String, Object> args) {
        this.args = args == null ? Map.of() : args;
    }

    String text(String name) {
        Object v = args.get(name);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalArgumentException("argument '" + name + "' is required");
        }
        return v.toString().trim();
    }

    String optionalText(String name) {
        Object v = args.get(name);
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }

    /** A date of the form yyyy-MM-dd, or null when absent. */
    LocalDate date(String name) {
        String v = optionalText(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + v + "' is not a date of the form yyyy-MM-dd");
        }
    }

    long wholeNumber(String name) {
        Object v = args.get(name);
        if (v == null) {
            throw new IllegalArgumentException("argument '" + name + "' is required");
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("argument '" + name + "' must be a whole number, was " + v);
        }
    }

    int wholeNumber(String name, int absent) {
        return args.get(name) == null ? absent : Math.toIntExact(wholeNumber(name));
    }

    boolean flag(String name) {
        Object v = args.get(name);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("argument '" + name + "' must be true or false, was " + v);
    }
}
