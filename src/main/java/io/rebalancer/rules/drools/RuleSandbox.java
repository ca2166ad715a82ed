package io.rebalancer.rules.drools;

import io.rebalancer.rules.RuleProblem;
import io.rebalancer.rules.drools.sandbox.BytecodeScanner;
import io.rebalancer.rules.drools.sandbox.CodeReference;
import io.rebalancer.rules.drools.sandbox.SandboxPolicy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The boundary of what rules can do: every class of a compiled rule set (the executable-model jar) is read as
 * bytecode before any of it is loaded, and every call, field, type and bootstrap method it refers to must be on
 * {@link SandboxPolicy}'s allow-list. A refusal names the rule (or function or declared type) behind the class,
 * its file and line, and the call. Because it reads what was compiled rather than the rule text, no spelling,
 * line break, string trick or injected name gets around it.
 */
final class RuleSandbox {
    private static final String RULES_PREFIX = "rules/";
    private static final String GENERATED_SUFFIX = ".generated.drl";

    private RuleSandbox() {
    }

    /** Every refusal for the jar's classes; empty when all of them stay inside the allow-list. */
    static List<RuleProblem> check(Map<String, byte[]> jarEntries) {
        return check(jarEntries, table -> TableSheet.CSV_SHEET);
    }

    /**
     * As {@link #check(Map)}, locating a refusal in a table by the name of its rule sheet, {@code sheetOf} the table's
     * file (the jar holds the DRL a table converted to, not the workbook's sheet names); asked only when something is
     * refused.
     */
    static List<RuleProblem> check(Map<String, byte[]> jarEntries, java.util.function.UnaryOperator<String> sheetOf) {
        Set<String> own = new HashSet<>();
        List<byte[]> classes = new ArrayList<>();
        Map<String, String> drl = new LinkedHashMap<>();
        Set<String> tables = new HashSet<>();
        jarEntries.forEach((name, bytes) -> {
            if (name.endsWith(".class")) {
                own.add(name.substring(0, name.length() - ".class".length()));
                classes.add(bytes);
            } else if (name.startsWith(RULES_PREFIX) && name.endsWith(".drl")) {
                String file = name.substring(RULES_PREFIX.length());
                if (file.endsWith(GENERATED_SUFFIX)) {
                    file = file.substring(0, file.length() - GENERATED_SUFFIX.length());
                    tables.add(file);
                }
                drl.put(file, new String(bytes, StandardCharsets.UTF_8));
            }
        });
        List<BytecodeScanner.ScannedClass> scanned = new ArrayList<>();
        Map<String, String> ruleOfMethod = new HashMap<>();
        Map<String, Map<String, String>> enclosing = new HashMap<>();
        for (byte[] c : classes) {
            BytecodeScanner.ScannedClass s = BytecodeScanner.scan(c);
            scanned.add(s);
            ruleOfMethod.putAll(s.ruleOfMethod());
            enclosing.put(s.name(), s.enclosingMethod());
        }
        RuleSourceIndex index = null;
        Map<String, RuleProblem> problems = new LinkedHashMap<>();
        // the same few hundred references recur thousands of times: judge each once
        Map<String, Optional<String>> judged = new HashMap<>();
        for (BytecodeScanner.ScannedClass s : scanned) {
            for (CodeReference ref : s.references()) {
                Optional<String> why = judged.computeIfAbsent(ref.kind() + " " + ref.owner() + " " + ref.member() + " "
                        + ref.descriptor(), k -> SandboxPolicy.refusal(ref, own));
                if (why.isEmpty()) {
                    continue;
                }
                if (index == null) {
                    Map<String, String> sheets = new LinkedHashMap<>();
                    tables.forEach(t -> sheets.put(t, sheetOf.apply(t)));
                    index = RuleSourceIndex.ofSheets(drl, sheets);
                }
                String method = outermost(ref.inMethod(), enclosing.getOrDefault(s.name(), Map.of()));
                RuleProblem p = problem(ref, method, why.get(), ruleOfMethod, index);
                problems.putIfAbsent(p.file() + "|" + p.message(), p);
            }
        }
        return List.copyOf(problems.values());
    }

    /** The method that builds the lambda {@code method} is the body of, through nested lambdas. */
    private static String outermost(String method, Map<String, String> enclosing) {
        String m = method;
        for (int depth = 0; depth < 64 && enclosing.containsKey(m); depth++) {
            m = enclosing.get(m);
        }
        return baseMethod(m);
    }

    private static RuleProblem problem(CodeReference ref, String method, String why, Map<String, String> ruleOfMethod,
            RuleSourceIndex index) {
        Optional<RuleSourceIndex.Source> source = Optional.empty();
        String rule = ruleOfMethod.get(method);
        if (rule != null) {
            source = index.rule(rule);
        }
        if (source.isEmpty() && method.startsWith("rule_")) {
            source = index.rules().values().stream().filter(s -> methodNames(s.name()).contains(method)).findFirst();
        }
        if (source.isEmpty() && !method.isEmpty()) {
            source = index.function(method);
        }
        if (source.isEmpty()) {
            source = index.type(simpleName(ref.inClass()));
        }
        String what = what(ref);
        String message = "security: " + source.map(s -> s.kind() + " \"" + s.name() + "\" ")
                .orElse(rule != null ? "rule \"" + rule + "\" " : "generated class " + ref.inClass().replace('/', '.') + " ")
                + what + " (" + why + "); rules may only compute over facts and insert conclusions"
                + " (docs/RULES.md, \"The sandbox\")";
        if (source.isPresent()) {
            return RuleProblem.error(source.get().file(), source.get().locate(token(ref)), message);
        }
        List<String> files = index.files();
        return RuleProblem.error(files.size() == 1 ? files.get(0) : "rules", "", message);
    }

    private static String what(CodeReference ref) {
        return switch (ref.kind()) {
            case CALL, HANDLE -> "calls " + (ref.member().equals("<init>") ? "new " + ref.ownerName() : ref.display());
            case FIELD -> "uses " + ref.display();
            case TYPE -> "uses " + ref.ownerName();
            case BOOTSTRAP -> "uses invokedynamic with " + ref.display();
        };
    }

    /** The word to look for in the rule text: the member called, or the class named. */
    private static String token(CodeReference ref) {
        if (ref.kind() == CodeReference.Kind.BOOTSTRAP) {
            return "";
        }
        if (!ref.member().isEmpty() && !ref.member().equals("<init>")) {
            return ref.member();
        }
        return simpleName(ref.owner());
    }

    /**
     * The names the executable model may give the method that builds a rule: {@code rule_} and the name with each
     * character that cannot be in a Java name replaced by {@code _} and its code ({@code a: b} -> {@code a_58_32b}).
     */
    static Set<String> methodNames(String ruleName) {
        StringBuilder strict = new StringBuilder("rule_");
        StringBuilder loose = new StringBuilder("rule_");
        ruleName.chars().forEach(c -> {
            strict.append(Character.isLetterOrDigit(c) ? String.valueOf((char) c) : "_" + c);
            loose.append(Character.isJavaIdentifierPart(c) && c != '$' ? String.valueOf((char) c) : "_" + c);
        });
        return new HashSet<>(List.of(strict.toString(), loose.toString()));
    }

    /** {@code lambda$rule_x$3} -> {@code rule_x}. */
    static String baseMethod(String method) {
        String m = method;
        if (m.startsWith("lambda$")) {
            m = m.substring("lambda$".length());
            int dollar = m.lastIndexOf('$');
            if (dollar > 0) {
                m = m.substring(0, dollar);
            }
        }
        return m;
    }

    private static String simpleName(String internalName) {
        String s = internalName.substring(internalName.lastIndexOf('/') + 1);
        int dollar = s.indexOf('$');
        return dollar > 0 ? s.substring(0, dollar) : s;
    }

    /** The distinct owners a jar refers to outside itself (for documentation and the allow-list's test). */
    static Set<String> externalReferences(Map<String, byte[]> jarEntries) {
        Set<String> own = new HashSet<>();
        jarEntries.keySet().stream().filter(n -> n.endsWith(".class"))
                .forEach(n -> own.add(n.substring(0, n.length() - ".class".length())));
        Set<String> out = new LinkedHashSet<>();
        jarEntries.forEach((name, bytes) -> {
            if (name.endsWith(".class")) {
                for (CodeReference r : BytecodeScanner.scan(bytes).references()) {
                    if (!own.contains(r.owner())) {
                        out.add(r.kind() + " " + r.display());
                    }
                }
            }
        });
        return out;
    }
}
