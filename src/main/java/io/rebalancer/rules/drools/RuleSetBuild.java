package io.rebalancer.rules.drools;

import io.rebalancer.rules.RuleProblem;
import org.kie.api.KieBase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * How a rule directory becomes a KieBase: names checked, the executable model taken from the cache or compiled,
 * its bytecode held to the sandbox's allow-list, the lint run alongside; the DRL compiler ({@link DrlCompiler}) only
 * to locate errors.
 */
final class RuleSetBuild {
    private RuleSetBuild() {
    }

    /**
     * What building a rule set came to: the KieBase, or every error (names, compile, sandbox, lint); the lint's
     * findings (errors and warnings) when the lint ran; whether the build came from the cache.
     */
    record Built(KieBase base, List<RuleProblem> errors, List<RuleProblem> lint, boolean reused) {
        Built {
            errors = List.copyOf(errors);
            lint = List.copyOf(lint);
        }
    }

    /**
     * The one way a rule directory becomes a KieBase, for {@code run}, {@code validate} and everything else: names
     * and attribute values checked before compiling ({@link RuleNameCheck}), the build taken from {@code cache} or
     * compiled to the executable model, and its bytecode held to the sandbox's allow-list ({@link RuleSandbox})
     * before any of it is loaded. The DRL compiler runs only when that build fails, to locate the errors by file,
     * line and cell. Nothing is cached unless every check passed.
     *
     * @param lintAlways lint even when the build comes from the cache (validate wants the warnings)
     */
    static Built build(RuleFiles files, CompiledRuleCache cache, boolean lintAlways) {
        List<RuleProblem> errors = new ArrayList<>(files.misnamed());
        RuleBuildKey key = RuleBuildKey.of(files);
        if (errors.isEmpty()) {
            // a cached build passed every check below for these very bytes and this very checking code (the key
            // covers both), so the name check, which reads every workbook (a second or more), is not run again
            Optional<KieBase> cached = cache.find(key);
            if (cached.isPresent()) {
                List<RuleProblem> linted = lintAlways ? withoutSecurityHints(RuleLinter.lint(files)) : List.of();
                return new Built(cached.get(), List.of(), linted, true);
            }
        }
        errors.addAll(RuleNameCheck.check(files));
        CompletableFuture<List<RuleProblem>> lint = CompletableFuture.supplyAsync(() -> RuleLinter.lint(files));
        ExecutableRuleModel.Build build = null;
        Map<Path, String> tableDrl = null;
        List<RuleProblem> refused = List.of();
        if (errors.isEmpty()) {
            tableDrl = DecisionTables.toDrl(files);
            build = tableDrl == null ? null : ExecutableRuleModel.build(files, tableDrl);
            if (build != null && build.compilerFailed()) {
                // the texts did not even parse as the executable model reads them: the DRL compiler, which compiles
                // and loads classes outside the sandbox, is not run on them to locate anything
                errors.addAll(DrlCompiler.javaBodies(files));
                if (errors.isEmpty()) {
                    build.errors().forEach(e -> errors.add(RuleProblem.error(files.dir().toString(), "", e)));
                }
            } else if (build == null || !build.ok()) {
                // the DRL compiler locates problems by file, line and table cell; the executable model does not
                errors.addAll(DrlCompiler.compile(files).errors());
                if (errors.isEmpty() && build != null) {
                    build.errors().forEach(e -> errors.add(RuleProblem.error(files.dir().toString(), "", e)));
                }
            } else {
                refused = ExecutableRuleModel.verify(build.jar(), files);
                errors.addAll(refused);
            }
        }
        List<RuleProblem> linted = lint.join();
        if (build != null && build.ok()) {
            // the allow-list decides: the text lint's security findings stay only as the friendlier location of
            // something the sandbox refused in the same file
            java.util.Set<String> refusedFiles = new java.util.HashSet<>();
            refused.forEach(p -> refusedFiles.add(p.file()));
            linted = linted.stream().filter(p -> !RuleLinter.isSecurityHint(p) || refusedFiles.contains(p.file()))
                    .toList();
        }
        linted.stream().filter(p -> p.severity() == RuleProblem.Severity.ERROR && !errors.contains(p))
                .forEach(errors::add);
        if (!errors.isEmpty()) {
            return new Built(null, errors, linted, false);
        }
        KieBase base = cache.put(key, build.jar());
        CleanFileStamps.stampAll(files, tableDrl, cache);
        return new Built(base, List.of(), linted, false);
    }

    /**
     * Whether {@code files} alone build to the executable model and pass the sandbox, without making a KieBase or
     * linting: what {@code rules validate} checks of the files changed since they last built clean. Empty when they
     * do; otherwise the problems found, which the caller confirms by building the whole set.
     */
    static List<RuleProblem> buildsClean(RuleFiles files) {
        List<RuleProblem> errors = new ArrayList<>(files.misnamed());
        errors.addAll(RuleNameCheck.check(files));
        if (!errors.isEmpty()) {
            return errors;
        }
        Map<Path, String> tableDrl = DecisionTables.toDrl(files);
        ExecutableRuleModel.Build build = tableDrl == null ? null : ExecutableRuleModel.build(files, tableDrl);
        if (build == null) {
            return List.of(RuleProblem.error(files.dir().toString(), "", "a decision table does not convert to DRL"));
        }
        if (!build.ok()) {
            return build.errors().stream().map(e -> RuleProblem.error(files.dir().toString(), "", e)).toList();
        }
        return ExecutableRuleModel.verify(build.jar(), files);
    }

    private static List<RuleProblem> withoutSecurityHints(List<RuleProblem> linted) {
        return linted.stream().filter(p -> !RuleLinter.isSecurityHint(p)).toList();
    }
}
