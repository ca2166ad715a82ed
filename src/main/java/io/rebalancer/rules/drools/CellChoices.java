package io.rebalancer.rules.drools;

import io.rebalancer.rules.Phase;
import io.rebalancer.rules.drools.DecisionTableLayout.Column;
import io.rebalancer.rules.facts.AlertSignals;
import io.rebalancer.rules.facts.ReviewCalendar;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a decision-table column accepts where the code fixes them, read from the code itself: the phase
 * column ({@link Phase}'s groups), {@code Enum.$param} of an {@code io.rebalancer.domain} enum (regimes,
 * scenarios, timings, verdicts, severities...), the thresholds' Review cadence ({@link ReviewCalendar#CADENCES}),
 * an alert's Failure kind ({@link AlertSignals#FAILURES}) and true/false for a boolean field. The workbooks'
 * drop-down lists and {@code rules validate} ({@link ChoiceCellCheck}) read the same lists, so they cannot disagree
 * with each other or with the code.
 */
public final class CellChoices {
    private static final Pattern ENUM_PARAM = Pattern.compile("\\b([A-Z]\\w*)\\s*\\.\\s*\\$param\\b");
    private static final Pattern REVIEW = Pattern.compile("\\.\\s*review\\s*\\(\\s*\"\\$param\"\\s*\\)");
    private static final Pattern FAILURE = Pattern.compile("^\\s*failure\\s*==\\s*\"\\$param\"\\s*$");
    private static final Pattern BOOLEAN_EQ = Pattern.compile("^\\s*(\\w+)\\s*==\\s*\\$param\\s*$");

    /** The accepted values of a column and what they are called in a message ("Regime", "Review cadence"). */
    public record Choices(String what, List<String> values) {
        public Choices {
            values = List.copyOf(values);
        }
    }

    private CellChoices() {
    }

    /** The choices of a one-parameter column ({@code $param}), or empty when any value of its type will do. */
    public static Optional<Choices> of(Column c) {
        return of(c.type(), c.pattern(), c.template());
    }

    /** {@link #of(Column)} from a column's type, pattern and template cells. */
    public static Optional<Choices> of(String type, String pattern, String template) {
        if (type.startsWith("RULEFLOW-GROUP") || type.startsWith("AGENDA-GROUP")) {
            Set<String> groups = new LinkedHashSet<>();
            Arrays.stream(Phase.values()).forEach(p -> groups.addAll(p.groups()));
            return Optional.of(new Choices("phase", List.copyOf(groups)));
        }
        if (!template.contains("$param")) {
            return Optional.empty();
        }
        if (REVIEW.matcher(template).find()) {
            return Optional.of(new Choices("Review cadence", ReviewCalendar.CADENCES));
        }
        if (FAILURE.matcher(template).matches()) {
            return Optional.of(new Choices("failure kind", AlertSignals.FAILURES));
        }
        Matcher e = ENUM_PARAM.matcher(template);
        if (e.find()) {
            Optional<List<String>> constants = domainEnum(e.group(1));
            if (constants.isPresent()) {
                return Optional.of(new Choices(e.group(1), constants.get()));
            }
        }
        Matcher b = BOOLEAN_EQ.matcher(template);
        if (b.matches() && booleanField(pattern, b.group(1))) {
            return Optional.of(new Choices("true/false", List.of("true", "false")));
        }
        return Optional.empty();
    }

    private static Optional<List<String>> domainEnum(String simpleName) {
        try {
            Class<?> k = Class.forName("io.rebalancer.domain." + simpleName, false, CellChoices.class.getClassLoader());
            if (k.isEnum()) {
                return Optional.of(Arrays.stream(k.getEnumConstants()).map(x -> ((Enum<?>) x).name()).toList());
            }
        } catch (ClassNotFoundException e) {
            // not a domain enum: no list
        }
        return Optional.empty();
    }

    /** Whether the fact type of a pattern cell ({@code c : ScenarioChosen}) has a boolean accessor {@code field}. */
    private static boolean booleanField(String pattern, String field) {
        String type = pattern.replaceFirst("^.*:", "").replaceFirst("\\(.*$", "").trim();
        if (!type.matches("[A-Z]\\w*")) {
            return false;
        }
        try {
            Class<?> k = Class.forName("io.rebalancer.rules.facts." + type, false, CellChoices.class.getClassLoader());
            String cap = Character.toUpperCase(field.charAt(0)) + field.substring(1);
            for (String name : List.of(field, "is" + cap, "get" + cap)) {
                try {
                    Method m = k.getMethod(name);
                    if (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class) {
                        return true;
                    }
                } catch (NoSuchMethodException e) {
                    // try the next accessor name
                }
            }
        } catch (ClassNotFoundException e) {
            // not a fact class of this project
        }
        return false;
    }
}
