package io.rebalancer.rules.drools;

import io.rebalancer.rules.RuleProblem;

import org.kie.api.KieBase;

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
        // the lint reads the tables itself; let it run while Drools compiles
        CompletableFuture<List<RuleProblem>> lint = CompletableFuture.supplyAsync(() -> RuleLinter.lint(files));
        RuleBuildKey key = RuleBuildKey.of(files);
        boolean reused = false;
        DroolsRuleEngine.CompiledRules compiled = null;
        Optional<KieBase> base = files.misnamed().isEmpty() ? cache.find(key) : Optional.empty();
        if (base.isPresent()) {
            compiled = new DroolsRuleEngine.CompiledRules(DroolsRuleEngine.ruleCount(base.get()), List.of());
            reused = true;
        }
        int compiledFiles = 0;
        if (compiled == null) {
            Incremental inc = compileChanged(files, CleanFileStamps.of(cache));
            compiled = inc.rules();
            compiledFiles = inc.compiledFiles();
        }
        List<RuleProblem> problems = new ArrayList<>(compiled.errors());
        for (RuleProblem p : lint.join()) {
            if (!problems.contains(p)) {
                problems.add(p);
            }
        }
        problems.sort(Comparator.comparing((RuleProblem p) -> p.severity() == RuleProblem.Severity.ERROR ? 0 : 1));
        return new Report(dir, files.drl().size(), files.tables().size(), compiled.ruleCount(), files.hash(), problems,
                reused, compiledFiles);
    }

    private record Incremental(DroolsRuleEngine.CompiledRules rules, int compiledFiles) {
    }

    /**
     * Compiles the files whose stamp is missing (changed since they last compiled clean) together with the DRL
     * files declaring functions they call, and stamps them when they compile. A subset that fails is compiled
     * again whole, so every error reported comes from compiling the whole set as {@code rules compile} would.
     */
    private static Incremental compileChanged(RuleFiles files, CleanFileStamps stamps) {
        int all = files.all().size();
        if (!files.misnamed().isEmpty()) {
            return new Incremental(DroolsRuleEngine.compile(files), all);
        }
        Map<Path, String> text = new LinkedHashMap<>();
        for (Path p : files.drl()) {
            text.put(p, RuleFiles.read(p));
        }
        for (Path p : files.tables()) {
            try {
                text.put(p, DecisionTables.toDrl(p));
            } catch (RuntimeException e) {
                return new Incremental(DroolsRuleEngine.compile(files), all);
            }
        }
        Map<Path, String> ids = CleanFileStamps.ids(files, text);
        Map<Path, Integer> known = new LinkedHashMap<>();
        List<Path> changed = new ArrayList<>();
        for (Path p : files.all()) {
            Optional<Integer> n = stamps.rules(ids.get(p));
            if (n.isPresent()) {
                known.put(p, n.get());
            } else {
                changed.add(p);
            }
        }
        if (!changed.isEmpty() && changed.size() < all) {
            Set<Path> subset = new LinkedHashSet<>(changed);
            subset.addAll(CleanFileStamps.supportOf(changed, files, text));
            RuleFiles part = new RuleFiles(files.dir(), files.drl().stream().filter(subset::contains).toList(),
                    files.tables().stream().filter(subset::contains).toList(), List.of());
            DroolsRuleEngine.CompiledRules c = DroolsRuleEngine.compile(part);
            if (c.errors().isEmpty()) {
                for (Path p : changed) {
                    int n = c.rulesByFile().getOrDefault(files.relative(p), 0);
                    stamps.put(ids.get(p), n);
                    known.put(p, n);
                }
                int total = known.values().stream().mapToInt(Integer::intValue).sum();
                return new Incremental(new DroolsRuleEngine.CompiledRules(total, List.of()), part.all().size());
            }
        }
        if (changed.isEmpty()) {
            int total = known.values().stream().mapToInt(Integer::intValue).sum();
            return new Incremental(new DroolsRuleEngine.CompiledRules(total, List.of()), 0);
        }
        DroolsRuleEngine.CompiledRules whole = DroolsRuleEngine.compile(files);
        if (whole.errors().isEmpty()) {
            for (Path p : files.all()) {
                stamps.put(ids.get(p), whole.rulesByFile().getOrDefault(files.relative(p), 0));
            }
        }
        return new Incremental(whole, all);
    }
}
