package io.rebalancer.rules.drools;

import io.rebalancer.rules.RuleProblem;


import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** {@code rules validate}: compile every file of a rule directory and lint it. */
public final class RuleValidator {
    private RuleValidator() {
    }

    /**
     * What validation found: counts for the summary line and every problem, errors first.
     *
     * @param reusedBuild whether the compile was skipped because a cached build of the same files exists
     * @param compiledFiles how many files were compiled: all of them, or only those changed since they last
     *                      compiled clean (with the DRL files declaring functions they call), 0 for a reused build
     */
    public record Report(Path dir, int drlFiles, int tables, int rules, String hash, List<RuleProblem> problems,
            boolean reusedBuild, int compiledFiles) {
        public Report {
            problems = List.copyOf(problems);
        }

        public Report(Path dir, int drlFiles, int tables, int rules, String hash, List<RuleProblem> problems,
                boolean reusedBuild) {
            this(dir, drlFiles, tables, rules, hash, problems, reusedBuild, reusedBuild ? 0 : drlFiles + tables);
        }

        public List<RuleProblem> errors() {
            return problems.stream().filter(p -> p.severity() == RuleProblem.Severity.ERROR).toList();
        }

        public List<RuleProblem> warnings() {
            return problems.stream().filter(p -> p.severity() == RuleProblem.Severity.WARNING).toList();
        }

        public boolean ok() {
            return errors().isEmpty();
        }

        /** {@code rules OK: 11 files (5 DRL, 6 tables), 92 rules, hash 63241524df27, 0 warnings}. */
        public String summary() {
            int w = warnings().size();
            String counts = (drlFiles + tables) + " files (" + drlFiles + " DRL, " + tables + " table"
                    + (tables == 1 ? "" : "s") + ")";
            if (ok()) {
                return dir + " OK: " + counts + ", " + rules + " rules, hash " + hash + ", " + w + " warning"
                        + (w == 1 ? "" : "s") + (reusedBuild ? " (compiled build reused from the rule cache)"
                        : compiledFiles == 0 ? " (each file compiled clean before as it is)"
                        : compiledFiles < drlFiles + tables ? " (compiled " + compiledFiles + " changed file"
                        + (compiledFiles == 1 ? "" : "s") + "; the others compiled clean before as they are)" : "");
            }
            int e = errors().size();
            return dir + " FAILED: " + e + " error" + (e == 1 ? "" : "s") + ", " + w + " warning" + (w == 1 ? "" : "s")
                    + " in " + counts + ", hash " + hash;
        }
    }

    /** {@link #validate(Path, CompiledRuleCache)} without a cache: always compiles. */
    public static Report validate(Path dir) {
        return validate(dir, CompiledRuleCache.disabled());
    }

    /**
     * Compiles and lints {@code dir}. When {@code cache} holds a build of exactly these files (same bytes, same
     * Drools, same fact classes), that build already compiled and linted clean, so the compile is not repeated;
     * the lint always runs, for its warnings.
     */
    public static Report validate(Path dir, CompiledRuleCache cache) {
        RuleFiles files = RuleFiles.scan(dir);
        CleanFileStamps stamps = CleanFileStamps.of(cache);
        if (files.misnamed().isEmpty() && !cache.contains(RuleBuildKey.of(files))) {
            Optional<Report> quick = changedOnly(files, stamps);
            if (quick.isPresent()) {
                return quick.get();
            }
        }
        // a clean build stamps its files (RuleSetBuild), so the next validate after an edit compiles only the edit
        RuleSetBuild.Built built = RuleSetBuild.build(files, cache, true);
        return report(files, built.errors(), built.lint(), DroolsRuleEngine.ruleCount(built.base()), built.reused(),
                built.reused() ? 0 : files.all().size());
    }

    private static Report report(RuleFiles files, List<RuleProblem> errors, List<RuleProblem> lint, int rules,
                                 boolean reused, int compiledFiles) {
        List<RuleProblem> problems = new ArrayList<>(errors);
        for (RuleProblem p : lint) {
            if (!problems.contains(p)) {
                problems.add(p);
            }
        }
        problems.sort(Comparator.comparing((RuleProblem p) -> p.severity() == RuleProblem.Severity.ERROR ? 0 : 1));
        return new Report(files.dir(), files.drl().size(), files.tables().size(), rules, files.hash(), problems,
                reused, compiledFiles);
    }

    /**
     * The files whose stamp is missing (changed since they last built clean) built to the executable model and
     * held to the sandbox together with the DRL files declaring functions they call, while the whole set is
     * linted. Empty when that subset does not build clean or the lint finds an error: the caller then builds the
     * whole set, so every error reported comes from the same build {@code run} makes.
     */
    private static Optional<Report> changedOnly(RuleFiles files, CleanFileStamps stamps) {
        Map<Path, String> text = CleanFileStamps.compiledText(files);
        if (text == null) {
            return Optional.empty();
        }
        Map<Path, String> ids = CleanFileStamps.ids(files, text);
        List<Path> changed = files.all().stream().filter(p -> stamps.rules(ids.get(p)).isEmpty()).toList();
        if (changed.size() == files.all().size()) {
            return Optional.empty();
        }
        CompletableFuture<List<RuleProblem>> lint = CompletableFuture.supplyAsync(
                () -> RuleLinter.lint(files).stream().filter(p -> !RuleLinter.isSecurityHint(p)).toList());
        int compiled = 0;
        if (!changed.isEmpty()) {
            Set<Path> subset = new LinkedHashSet<>(changed);
            subset.addAll(CleanFileStamps.supportOf(changed, files, text));
            RuleFiles part = new RuleFiles(files.dir(), files.drl().stream().filter(subset::contains).toList(),
                    files.tables().stream().filter(subset::contains).toList(), List.of());
            if (!RuleSetBuild.buildsClean(part).isEmpty()) {
                lint.join();
                return Optional.empty();
            }
            compiled = part.all().size();
        }
        List<RuleProblem> linted = lint.join();
        if (linted.stream().anyMatch(p -> p.severity() == RuleProblem.Severity.ERROR)) {
            return Optional.empty();
        }
        changed.forEach(p -> stamps.put(ids.get(p), ruleCount(text.get(p))));
        // the unchanged files' stamps may be this process's memory of another cache's: keep them beside this one too
        files.all().stream().filter(p -> !changed.contains(p))
                .forEach(p -> stamps.put(ids.get(p), stamps.rules(ids.get(p)).orElse(ruleCount(text.get(p)))));
        int rules = files.all().stream().mapToInt(p -> stamps.rules(ids.get(p)).orElse(0)).sum();
        return Optional.of(report(files, List.of(), linted, rules, false, compiled));
    }

    private static final java.util.regex.Pattern RULE = java.util.regex.Pattern.compile("(?m)^\\s*rule\\s");

    /** Rules declared in a DRL text, comments and strings aside. */
    static int ruleCount(String drl) {
        java.util.regex.Matcher m = RULE.matcher(DrlText.blankCommentsAndStrings(drl));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
