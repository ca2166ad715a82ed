package io.rebalancer.rules.drools.sandbox;

import org.objectweb.asm.Type;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What compiled rules may refer to: an allow-list of classes and members, decided per {@link CodeReference}.
 * Anything not listed is refused. The list is what the rules need to compute over facts and conclude:
 * <ul>
 * <li>the fact and domain classes ({@code io.rebalancer.rules.facts}, {@code io.rebalancer.domain});</li>
 * <li>arithmetic, text and boxing in {@code java.lang} (Math, StrictMath, String, StringBuilder, the boxed
 * primitives, a few exception types to throw); {@code System} only for its clocks and line separator;</li>
 * <li>{@code java.util} collections and helpers (not its sub-packages such as logging, concurrent, zip or prefs,
 * and not Formatter, Scanner, ServiceLoader, Properties, ResourceBundle or Timer), streams, functional
 * interfaces and regular expressions; {@code java.time} (not its zone-provider SPI); {@code java.math};</li>
 * <li>the part of Drools' executable model the generated code is made of (the rule DSL, its functions,
 * accumulate functions, the KieModule model of the project class), and for consequences only inserting,
 * updating and deleting facts and naming the rule;</li>
 * <li>lambdas and string concatenation as {@code invokedynamic}; no other bootstrap method.</li>
 * </ul>
 * Whatever the owner, no call may return a {@code Class}, class loader, reflective or method-handle object,
 * and no member that reaches such things by name ({@code getClass}) is callable: that closes reflection even
 * through an allowed class.
 */
public final class SandboxPolicy {

    /** Whole packages (and their sub-packages). */
    private static final List<String> PACKAGE_TREES = List.of(
            "io/rebalancer/domain/",
            "io/rebalancer/rules/facts/",
            "java/util/function/",
            "java/util/stream/",
            "java/util/regex/",
            "java/math/",
            "org/drools/model/",
            "org/drools/modelcompiler/dsl/",
            "org/drools/core/base/accumulators/",
            "org/kie/api/builder/model/",
            "org/kie/api/conf/",
            "org/kie/api/runtime/conf/");

    /** Packages whose own classes are allowed but not their sub-packages, with the classes taken out. */
    private static final Map<String, Set<String>> PACKAGES = Map.of(
            "java/util/", Set.of("Formatter", "Scanner", "ServiceLoader", "Properties", "ResourceBundle",
                    "PropertyResourceBundle", "ListResourceBundle", "Timer", "TimerTask", "Observable"),
            "java/time/", Set.of(),
            "java/time/format/", Set.of(),
            "java/time/temporal/", Set.of(),
            "java/time/chrono/", Set.of());

    private static final Set<String> JAVA_LANG = Set.of(
            "Object", "String", "StringBuilder", "StringBuffer", "CharSequence", "Math", "StrictMath", "Number",
            "Integer", "Long", "Double", "Float", "Short", "Byte", "Character", "Boolean", "Void", "Comparable",
            "Iterable", "Enum", "Record", "Throwable", "Exception", "RuntimeException", "IllegalArgumentException",
            "IllegalStateException", "NullPointerException", "ArithmeticException", "UnsupportedOperationException",
            "IndexOutOfBoundsException", "ArrayIndexOutOfBoundsException", "ClassCastException",
            "NumberFormatException", "System");

    /** Classes whose members are allowed one by one; any other member of them is refused. */
    private static final Map<String, Set<String>> MEMBERS_ONLY = Map.ofEntries(
            Map.entry("java/lang/System", Set.of("currentTimeMillis", "nanoTime", "lineSeparator")),
            Map.entry("java/lang/Object", Set.of("<init>", "equals", "hashCode", "toString")),
            Map.entry("java/lang/invoke/SerializedLambda", Set.of("getCapturingClass", "getFunctionalInterfaceClass",
                    "getFunctionalInterfaceMethodName", "getFunctionalInterfaceMethodSignature", "getImplClass",
                    "getImplMethodKind", "getImplMethodName", "getImplMethodSignature", "getInstantiatedMethodType",
                    "getCapturedArgCount", "getCapturedArg")),
            Map.entry("org/drools/model/Drools", Set.of("insert", "update", "delete")),
            Map.entry("org/drools/modelcompiler/consequence/DroolsImpl", Set.of("asKnowledgeHelper", "insert",
                    "update", "delete")),
            Map.entry("org/drools/core/rule/consequence/KnowledgeHelper", Set.of("getRule", "insert",
                    "insertLogical", "update", "delete", "retract")),
            Map.entry("org/kie/api/runtime/rule/RuleContext", Set.of("getRule", "insert", "insertLogical", "update",
                    "delete")),
            Map.entry("org/kie/api/definition/rule/Rule", Set.of("getName", "getPackageName", "getId")),
            Map.entry("org/drools/modelcompiler/util/EvaluationUtil", Set.of("*")),
            Map.entry("org/drools/util/DateUtils", Set.of("getDateFormatMask")),
            Map.entry("org/kie/api/KieServices", Set.of("get", "newKieModuleModel")),
            Map.entry("org/kie/util/maven/support/ReleaseIdImpl", Set.of("<init>")));

    /** Types that may be named (in signatures, class literals) but whose members are not callable. */
    private static final Set<String> TYPE_ONLY = Set.of("java/lang/Class", "org/kie/api/builder/ReleaseId",
            "org/drools/modelcompiler/CanonicalKieModuleModel");

    /** Members refused in classes that are otherwise allowed: they change the whole JVM's defaults. */
    private static final Map<String, Set<String>> DENIED_MEMBERS = Map.of(
            "java/util/Locale", Set.of("setDefault"),
            "java/util/TimeZone", Set.of("setDefault"));

    /** Members refused whatever their owner: they reach classes, threads or global state by name. */
    private static final Set<String> NEVER = Set.of("getClass", "getDeclaringClass", "wait", "notify", "notifyAll",
            "getInteger", "getLong", "getBoolean", "printStackTrace", "setStackTrace",
            "getStackTrace", "finalize");

    /** Return types that hand out reflection. */
    private static final List<String> NEVER_RETURNED = List.of("java/lang/Class", "java/lang/ClassLoader",
            "java/lang/Module", "java/lang/reflect/", "java/lang/invoke/MethodHandle", "java/lang/invoke/VarHandle",
            "java/lang/invoke/MethodHandles", "java/lang/Thread", "java/lang/Runtime");

    private static final Map<String, Set<String>> BOOTSTRAPS = Map.of(
            "java/lang/invoke/LambdaMetafactory", Set.of("metafactory", "altMetafactory"),
            "java/lang/invoke/StringConcatFactory", Set.of("makeConcatWithConstants", "makeConcat"));

    private SandboxPolicy() {
    }

    /**
     * Why {@code ref} is refused, or empty when it is allowed. References into {@code ownClasses} (the classes of
     * the compiled rule set, themselves checked) are allowed.
     */
    public static Optional<String> refusal(CodeReference ref, Set<String> ownClasses) {
        String owner = ref.owner();
        switch (ref.kind()) {
            case BOOTSTRAP -> {
                Set<String> ok = BOOTSTRAPS.get(owner);
                return ok != null && ok.contains(ref.member()) ? Optional.empty()
                        : Optional.of("an invokedynamic bootstrap other than lambdas and string concatenation");
            }
            case TYPE -> {
                return ownClasses.contains(owner) || TYPE_ONLY.contains(owner) || classAllowed(owner)
                        ? Optional.empty() : Optional.of(notAllowed(owner));
            }
            case CALL, FIELD, HANDLE -> {
                return member(ref, ownClasses);
            }
            default -> throw new IllegalStateException("unknown reference kind " + ref.kind());
        }
    }

    private static Optional<String> member(CodeReference ref, Set<String> ownClasses) {
        String owner = ref.owner();
        String name = ref.member();
        if (NEVER.contains(name) && !ownClasses.contains(owner)) {
            return Optional.of(name + " is never callable from rules");
        }
        if (ref.descriptor().startsWith("(")) {
            Type r = Type.getReturnType(ref.descriptor());
            while (r.getSort() == Type.ARRAY) {
                r = r.getElementType();
            }
            String returned = r.getSort() == Type.OBJECT ? r.getInternalName() : "";
            if (NEVER_RETURNED.stream().anyMatch(returned::startsWith)) {
                return Optional.of("it returns " + returned.replace('/', '.'));
            }
        }
        if (ownClasses.contains(owner)) {
            return Optional.empty();
        }
        Set<String> members = MEMBERS_ONLY.get(owner);
        if (members != null) {
            return members.contains(name) || members.contains("*") ? Optional.empty()
                    : Optional.of(owner.replace('/', '.') + " allows only " + String.join(", ", members.stream()
                            .filter(m -> !m.equals("*")).sorted().toList()));
        }
        if (TYPE_ONLY.contains(owner) || !classAllowed(owner)) {
            return Optional.of(notAllowed(owner));
        }
        if (DENIED_MEMBERS.getOrDefault(owner, Set.of()).contains(name)) {
            return Optional.of(owner.replace('/', '.') + "." + name + " changes the defaults of the whole process");
        }
        if (owner.equals("java/lang/String") && (name.equals("format") && !ref.descriptor().startsWith(
                "(Ljava/util/Locale;") || name.equals("formatted"))) {
            return Optional.of("String.format needs a Locale (String.format(java.util.Locale.ROOT, ...)) so the text"
                    + " does not depend on the machine");
        }
        return Optional.empty();
    }

    /** Whether every member of {@code internalName} (not listed member by member) may be used. */
    static boolean classAllowed(String internalName) {
        if (MEMBERS_ONLY.containsKey(internalName)) {
            return true;
        }
        if (internalName.startsWith("java/lang/") && internalName.indexOf('/', "java/lang/".length()) < 0) {
            String simple = internalName.substring("java/lang/".length());
            int nested = simple.indexOf('$');
            return JAVA_LANG.contains(nested < 0 ? simple : simple.substring(0, nested))
                    && !simple.startsWith("System$");
        }
        for (String tree : PACKAGE_TREES) {
            if (internalName.startsWith(tree)) {
                return true;
            }
        }
        int slash = internalName.lastIndexOf('/');
        Set<String> excluded = PACKAGES.get(internalName.substring(0, slash + 1));
        if (excluded == null) {
            return false;
        }
        String simple = internalName.substring(slash + 1);
        int nested = simple.indexOf('$');
        return !excluded.contains(nested < 0 ? simple : simple.substring(0, nested));
    }

    private static String notAllowed(String owner) {
        return owner.replace('/', '.') + " is not on the rules' allow-list";
    }
}
