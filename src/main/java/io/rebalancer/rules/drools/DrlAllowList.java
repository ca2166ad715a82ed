package io.rebalancer.rules.drools;

import io.rebalancer.rules.RuleProblem;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What of a DRL text Drools may see at all, decided on its parsed structure before any Drools builder runs. The
 * bytecode sandbox ({@link RuleSandbox}) checks the classes rules compile to, but some parts of a rule are
 * evaluated while the rules are <em>built</em>, as MVEL, before any class exists: annotation values ({@code @doc(..)},
 * a decision table's METADATA column), the {@code timer} and {@code calendars} attributes, query arguments, and the
 * accumulate functions an {@code import accumulate} names are instantiated. So this is an allow-list of the
 * constructs the agents' rules need, each in the form that cannot run anything:
 * <ul>
 *   <li>annotations whose values are plain literals: text in double quotes (no backslash), a number, true or false;
 *       {@code @watch} a list of property names;</li>
 *   <li>the attributes ruleflow-group, agenda-group, activation-group (text), salience (a whole number), no-loop,
 *       lock-on-active, auto-focus and enabled (true or false), date-effective and date-expires (text) and dialect
 *       "java";</li>
 *   <li>no queries, declared types, enums, windows, entry-point declarations, rule units or accumulate imports.</li>
 * </ul>
 * Everything else is refused with the file, the line where the parser knows it, and what is allowed instead.
 */
final class DrlAllowList {
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\+u+[0-9A-Fa-f]{0,4}");
    private static final Pattern TEXT = Pattern.compile("\"[^\"\\\\\\r\\n]*\"");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("-?\\d+");
    private static final Pattern BOOLEAN = Pattern.compile("true|false");
    private static final Pattern PROPERTIES = Pattern.compile(
            "\\s*!?(\\*|[A-Za-z_][A-Za-z0-9_]*)(\\s*,\\s*!?(\\*|[A-Za-z_][A-Za-z0-9_]*))*\\s*");
    private static final Set<String> TEXT_ATTRIBUTES = Set.of("ruleflow-group", "agenda-group", "activation-group",
            "date-effective", "date-expires");
    private static final Set<String> BOOLEAN_ATTRIBUTES = Set.of("no-loop", "lock-on-active", "auto-focus", "enabled");
    private static final String ALLOWED_ATTRIBUTES = "ruleflow-group, agenda-group, activation-group, salience,"
            + " no-loop, lock-on-active, auto-focus, enabled, date-effective, date-expires, dialect \"java\"";
    private static final String WHY = "rules may only compute over facts and insert conclusions (docs/RULES.md,"
            + " \"The sandbox\")";

    private DrlAllowList() {
    }

    /** The refusals for one DRL text (a .drl file or the DRL a decision table converts to); empty when it may be built. */
    static List<RuleProblem> check(String file, String drl) {
        List<RuleProblem> escapes = unicodeEscapes(file, drl);
        if (!escapes.isEmpty()) {
            return escapes;
        }
        PackageDescr pkg = parsed(drl);
        if (pkg == null) {
            return List.of();
        }
        List<RuleProblem> out = new ArrayList<>();
        for (AttributeDescr a : pkg.getAttributes()) {
            attribute(file, "package", a, 0).ifPresent(out::add);
        }
        if (pkg.getUnit() != null) {
            out.add(refused(file, pkg.getUnit().getLine(), "rule units ('unit') are not allowed"));
        }
        pkg.getAccumulateImports().forEach(i -> out.add(refused(file, i.getLine(), "'import accumulate "
                + i.getTarget() + "' is not allowed: Drools instantiates the class while it builds the rules")));
        pkg.getTypeDeclarations().forEach(t -> out.add(refused(file, t.getLine(), "declared type '" + t.getTypeName()
                + "' is not allowed: match and insert the facts of io.rebalancer.rules.facts")));
        pkg.getEnumDeclarations().forEach(t -> out.add(refused(file, t.getLine(), "declared enum '" + t.getTypeName()
                + "' is not allowed: use the enums of io.rebalancer.domain")));
        pkg.getWindowDeclarations().forEach(w -> out.add(refused(file, w.getLine(), "declared window '" + w.getName()
                + "' is not allowed")));
        pkg.getEntryPointDeclarations().forEach(e -> out.add(refused(file, e.getLine(), "declared entry point '"
                + e.getEntryPointId() + "' is not allowed")));
        for (RuleDescr r : pkg.getRules()) {
            String what = (r instanceof QueryDescr ? "query \"" : "rule \"") + r.getName() + "\"";
            if (r instanceof QueryDescr) {
                out.add(refused(file, r.getLine(), what + ": queries are not allowed (Drools evaluates their"
                        + " arguments while it builds the rules)"));
            }
            for (AttributeDescr a : r.getAttributes().values()) {
                attribute(file, what, a, r.getLine()).ifPresent(out::add);
            }
        }
        for (BaseDescr d : reachable(pkg)) {
            if (d instanceof AnnotatedBaseDescr annotated) {
                for (AnnotationDescr an : annotated.getAnnotations()) {
                    annotation(file, an, lineOf(an, d)).ifPresent(out::add);
                }
            }
            if (d instanceof PatternDescr p && p.isQuery()) {
                out.add(refused(file, lineOf(p, pkg), "query call '" + p.getObjectType() + "' is not allowed"));
            }
        }
        return out;
    }

    /**
     * A DRL text as Drools' parser reads it (also when it reports errors: what it could read is what a builder
     * would see), or null when it cannot be read at all, which no builder gets past either (the compiler then
     * reports it by line).
     */
    static PackageDescr parsed(String drl) {
        try {
            return new DrlParser().parse(false, drl);
        } catch (DroolsParserException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Java reads {@code \\uXXXX} as the character it names before anything else, in code, strings and comments
     * alike, while the DRL parser reads it as six characters: {@code \\u007d} is a closing brace to the compiler of
     * a function's or consequence's body and none to the parser that delimited it, so it can end the method and start
     * code of its own. Rules never need one (write the character itself).
     */
    private static List<RuleProblem> unicodeEscapes(String file, String drl) {
        List<RuleProblem> out = new ArrayList<>();
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            java.util.regex.Matcher m = UNICODE_ESCAPE.matcher(lines[i]);
            if (m.find()) {
                out.add(RuleProblem.error(file, (i + 1) + ":" + (m.start() + 1), "security: '" + m.group()
                        + "' is a Java unicode escape, which the Java compiler turns into code before it reads the"
                        + " rule; write the character itself; " + WHY));
            }
        }
        return out;
    }

    private static java.util.Optional<RuleProblem> attribute(String file, String owner, AttributeDescr a, int fallbackLine) {
        String name = a.getName();
        String value = a.getValue() == null ? "" : a.getValue().trim();
        int line = a.getLine() > 0 ? a.getLine() : fallbackLine;
        boolean ok;
        if (TEXT_ATTRIBUTES.contains(name)) {
            ok = a.getType() == AttributeDescr.Type.STRING || a.getType() == AttributeDescr.Type.DATE;
        } else if (BOOLEAN_ATTRIBUTES.contains(name)) {
            ok = value.isEmpty() || BOOLEAN.matcher(value).matches();
        } else if (name.equals("salience")) {
            ok = WHOLE.matcher(unparenthesised(value)).matches();
        } else if (name.equals("dialect")) {
            ok = value.equals("java");
        } else {
            return java.util.Optional.of(refused(file, line, owner + ": attribute '" + name + "' is not allowed"
                    + " (allowed: " + ALLOWED_ATTRIBUTES + ")"));
        }
        return ok ? java.util.Optional.empty() : java.util.Optional.of(refused(file, line, owner + ": attribute "
                + name + " value '" + shown(value) + "' is not allowed (" + expected(name) + ")"));
    }

    private static String expected(String attribute) {
        if (attribute.equals("salience")) {
            return "a whole number, e.g. salience 10";
        }
        if (attribute.equals("dialect")) {
            return "only dialect \"java\"";
        }
        return BOOLEAN_ATTRIBUTES.contains(attribute) ? "true or false" : "text in double quotes";
    }

    private static java.util.Optional<RuleProblem> annotation(String file, AnnotationDescr an, int line) {
        for (Map.Entry<String, Object> e : an.getValueMap().entrySet()) {
            if (!literal(an.getName(), e.getValue())) {
                String key = AnnotationDescr.VALUE.equals(e.getKey()) ? "" : e.getKey() + " = ";
                return java.util.Optional.of(refused(file, line, "annotation @" + an.getName() + "(" + key
                        + shown(written(e.getValue())) + ") is not allowed: annotation values are evaluated while the rules are"
                        + " built, so they may only be plain literals (text in double quotes without backslashes,"
                        + " a number, true or false)"));
            }
        }
        return java.util.Optional.empty();
    }

    /** An annotation value as the analyst wrote it, nested annotations and arrays included. */
    private static String written(Object value) {
        if (value instanceof Object[] values) {
            return java.util.Arrays.stream(values).map(DrlAllowList::written)
                    .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof AnnotationDescr nested) {
            return "@" + nested.getName() + "(" + nested.getValueMap().values().stream().map(DrlAllowList::written)
                    .collect(java.util.stream.Collectors.joining(", ")) + ")";
        }
        return String.valueOf(value);
    }

    private static boolean literal(String annotation, Object value) {
        if (value instanceof Object[] values) {
            for (Object v : values) {
                if (!literal(annotation, v)) {
                    return false;
                }
            }
            return true;
        }
        if (!(value instanceof String text)) {
            return false;
        }
        String s = text.trim();
        if (annotation.equals("watch")) {
            return PROPERTIES.matcher(s).matches();
        }
        return TEXT.matcher(s).matches() || NUMBER.matcher(s).matches() || BOOLEAN.matcher(s).matches();
    }

    private static String unparenthesised(String value) {
        String s = value;
        while (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1).trim();
        }
        return s;
    }

    private static int lineOf(BaseDescr d, BaseDescr enclosing) {
        return d.getLine() > 0 ? d.getLine() : Math.max(0, enclosing.getLine());
    }

    private static RuleProblem refused(String file, int line, String message) {
        return RuleProblem.error(file, line > 0 ? String.valueOf(line) : "", "security: " + message + "; " + WHY);
    }

    private static String shown(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 120 ? one.substring(0, 117) + "..." : one;
    }

    /**
     * Every descriptor reachable from {@code root} through the getters of Drools' descriptor classes: walked by
     * reflection so that an annotation is found wherever the parser put it (rules, patterns, constraints, nested
     * conditional elements, accumulate sources), not only where this class knows to look.
     */
    static Collection<BaseDescr> reachable(BaseDescr root) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<BaseDescr> out = new ArrayList<>();
        java.util.ArrayDeque<Object> todo = new java.util.ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Object o = todo.poll();
            if (o == null || !seen.add(o)) {
                continue;
            }
            if (o instanceof Collection<?> c) {
                todo.addAll(c.stream().filter(java.util.Objects::nonNull).toList());
                continue;
            }
            if (o instanceof Map<?, ?> m) {
                todo.addAll(m.values().stream().filter(java.util.Objects::nonNull).toList());
                continue;
            }
            if (!(o instanceof BaseDescr d)) {
                continue;
            }
            out.add(d);
            for (Method getter : d.getClass().getMethods()) {
                if (getter.getParameterCount() == 0 && !Modifier.isStatic(getter.getModifiers())
                        && getter.getName().startsWith("get") && !getter.getName().equals("getParent")
                        && descriptorValued(getter.getReturnType())) {
                    try {
                        todo.add(getter.invoke(d));
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        // a getter that fails holds nothing the builder would see either
                    }
                }
            }
        }
        return out;
    }

    private static boolean descriptorValued(Class<?> type) {
        return BaseDescr.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)
                || Map.class.isAssignableFrom(type) || type.getName().startsWith("org.drools.drl.ast.descr.");
    }
}
