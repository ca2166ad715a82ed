package io.rebalancer.rules.drools;

import io.rebalancer.rules.RuleProblem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code rules validate}: compile every file of a rule directory and lint it. */
public final class RuleValidator {
    private RuleValidator() {
    }

    /** What validation found: counts for the summary line and every problem, errors first. */
    public record Report(Path dir, int drlFiles, int tables, int rules, String hash, List<RuleProblem> problems) {
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
                        + (w == 1 ? "" : "s");
            }
            int e = errors().size();
            return dir + " FAILED: " + e + " error" + (e == 1 ? "" : "s") + ", " + w + " warning" + (w == 1 ? "" : "s")
                    + " in " + counts + ", hash " + hash;
        }
    }

    public static Report validate(Path dir) {
        RuleFiles files = RuleFiles.scan(dir);
        // the lint reads the tables itself; let it run while Drools compiles
        java.util.concurrent.CompletableFuture<List<RuleProblem>> lint =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> RuleLinter.lint(files));
        DroolsRuleEngine.CompiledRules compiled = DroolsRuleEngine.compile(files);
        List<RuleProblem> problems = new ArrayList<>(compiled.errors());
        for (RuleProblem p : lint.join()) {
            if (!problems.contains(p)) {
                problems.add(p);
            }
        }
        problems.sort(Comparator.comparing((RuleProblem p) -> p.severity() == RuleProblem.Severity.ERROR ? 0 : 1));
        return new Report(dir, files.drl().size(), files.tables().size(), DroolsRuleEngine.ruleCount(compiled.kieBase()),
                files.hash(), problems);
    }
}
