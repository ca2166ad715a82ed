package io.rebalancer.mcp;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** A tool call's arguments, read with the same checks and messages as the command line's options. */
final class ToolArgs {
    /** Longer text arguments are refused (ids, symbols, dates and rule names are far shorter), and never echoed. */
    static final int MAX_TEXT = 200;
    private final Map<String, Object> args;

    ToolArgs(Map<String, Object> args) {
        this.args = args == null ? Map.of() : args;
    }

    String text(String name) {
        Object v = args.get(name);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalArgumentException("argument '" + name + "' is required");
        }
        return bounded(name, v.toString().trim());
    }

    String optionalText(String name) {
        Object v = args.get(name);
        return v == null || v.toString().isBlank() ? null : bounded(name, v.toString().trim());
    }

    private static String bounded(String name, String v) {
        if (v.length() > MAX_TEXT) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "argument '%s' is %,d characters long; at most %d", name, v.length(), MAX_TEXT));
        }
        return v;
    }

    /** A date of the form yyyy-MM-dd, or null when absent. */
    LocalDate date(String name) {
        String v = optionalText(name);
        if (v == null) {
            return null;
        }
        try {
            if (!v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not yyyy-MM-dd", v, 0);
            }
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
        String text = v.toString().trim();
        if (text.length() > 40) {
            text = text.substring(0, 40) + "...";
        }
        try {
            // exactly: a JSON number beyond a long (18446744073709551617) wrapped round to 1 as longValue()
            return new java.math.BigDecimal(v.toString().trim()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("argument '" + name + "' must be a whole number from "
                    + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ", was " + text);
        }
    }

    int wholeNumber(String name, int absent) {
        if (args.get(name) == null) {
            return absent;
        }
        long v = wholeNumber(name);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("argument '" + name + "' must be a whole number up to "
                    + Integer.MAX_VALUE + ", was " + v);
        }
        return (int) v;
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
