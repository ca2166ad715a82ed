package io.rebalancer.rules.drools;

import io.rebalancer.rules.RuleProblem;

import org.kie.api.KieBase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@code rules validate}: compile every file of a rule directory and lint it. */
public final class RuleValidator {
    private RuleValidator() {
    }

    /**
     * What validation found: counts for the summary line and every problem, errors first.
     *
     * @param reusedBuild whether the compile was skipped because a cached build of the same files exists
     */
    public record Report(Path dir, int drlFiles, int tables, int rules, String hash, List<RuleProblem> problems,
            boolean reusedBuild) {
        public Report {
            problems = List.copyOf(problems);
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
                        + (w == 1 ? "" : "s") + (reusedBuild ? " (compiled build reused from the rule cache)" : "");
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
        DroolsRuleEngine.Built built = DroolsRuleEngine.build(files, cache, true);
        List<RuleProblem> problems = new ArrayList<>(built.errors());
        for (RuleProblem p : built.lint()) {
            if (!problems.contains(p)) {
                problems.add(p);
            }
        }
        problems.sort(Comparator.comparing((RuleProblem p) -> p.severity() == RuleProblem.Severity.ERROR ? 0 : 1));
        return new Report(dir, files.drl().size(), files.tables().size(), DroolsRuleEngine.ruleCount(built.base()),
                files.hash(), problems, built.reused());
    }
}
