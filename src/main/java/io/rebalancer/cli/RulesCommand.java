package io.rebalancer.cli;

import io.rebalancer.rules.drools.RuleCacheLocation;
import io.rebalancer.rules.RuleProblem;
import io.rebalancer.rules.drools.DecisionTables;
import io.rebalancer.rules.drools.RuleFiles;
import io.rebalancer.rules.drools.CompiledRuleCache;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.rules.drools.RuleBuildKey;
import io.rebalancer.rules.drools.RuleValidator;
import io.rebalancer.rules.RuleSetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code rules validate | compile | dump-drl | explain | diff}: work with the rule directory analysts edit. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Validate or compile the rules, show the DRL a table compiles to, explain a decision, diff two"
                + " rule sets.",
        subcommands = {RulesCommand.Validate.class, RulesCommand.Compile.class, RulesCommand.DumpDrl.class,
                RulesWatchCommand.class, RulesWorkbookCommand.class, RulesExplainCommand.class, RulesDiffCommand.class})
public class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Compile every rule file and lint the tables (gaps, overlaps, missing regimes, unreachable rows,"
                    + " duplicate names, forbidden calls). Exit 0 when there are no errors.",
        footer = {"", "Examples:", "  rebalancer rules validate", "  rebalancer rules validate --rules my-rules --no-cache"})
    static class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--rules", defaultValue = "rules", description = "Rule directory (default: ${DEFAULT-VALUE})")
        Path rules;

        @Option(names = "--no-cache", description = "Compile even when the rule cache holds a build of exactly these files")
        boolean noCache;

        @Override
        public Integer call() {
            if (!Files.isDirectory(rules)) {
                throw new IllegalArgumentException("rules directory " + rules + " does not exist");
            }
            RuleValidator.Report report = RuleValidator.validate(rules,
                    noCache ? CompiledRuleCache.disabled() : RuleCacheLocation.resolve(false));
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter problems = report.ok() ? out : err;
            for (RuleProblem p : report.problems()) {
                problems.println(p);
            }
            (report.ok() ? out : err).println(report.summary());
            out.flush();
            err.flush();
            return report.ok() ? ExitCodes.OK : ExitCodes.RULES;
        }
    }

    @Command(name = "compile", mixinStandardHelpOptions = true,
            description = "Compile the rules to Drools' executable model and keep the build in the rule cache, so that"
                    + " the next run, backtest or validate of the same files skips the compile. Fails like validate"
                    + " on compile or lint errors.")
    static class Compile implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--rules", defaultValue = "rules", description = "Rule directory (default: ${DEFAULT-VALUE})")
        Path rules;

        @Override
        public Integer call() {
            if (!Files.isDirectory(rules)) {
                throw new IllegalArgumentException("rules directory " + rules + " does not exist");
            }
            CompiledRuleCache cache = RuleCacheLocation.resolve(false);
            RuleFiles files = RuleFiles.scan(rules);
            boolean had = cache.contains(RuleBuildKey.of(files));
            long start = System.nanoTime();
            DroolsRuleEngine engine = DroolsRuleEngine.load(rules, cache);
            long ms = (System.nanoTime() - start) / 1_000_000;
            String where = cache.directory().map(Path::toString).orElse("memory only (REBALANCER_RULE_CACHE=off)");
            PrintWriter out = spec.commandLine().getOut();
            out.println(rules + (had ? " already compiled" : " compiled") + ": hash " + engine.ruleSetHash() + ", "
                    + engine.ruleCount() + " rules, rule cache " + where + " (" + ms + " ms)");
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "dump-drl", mixinStandardHelpOptions = true,
            description = "Print the DRL a decision table (.drl.csv, .drl.xls, .drl.xlsx) compiles to.")
    static class DumpDrl implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--rules", defaultValue = "rules",
                description = "Rule directory a bare file name is looked up in (default: ${DEFAULT-VALUE})")
        Path rules;

        @Parameters(paramLabel = "FILE", description = "The table: a path, or a file name in the rule directory")
        Path file;

        @Override
        public Integer call() {
            Path table = Files.exists(file) ? file : rules.resolve(file);
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(table)) {
                err.println(file + ": no such file (looked in the current directory and " + rules + ")");
                err.flush();
                return ExitCodes.NOT_FOUND;
            }
            String name = table.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!(name.endsWith(".drl.csv") || name.endsWith(".drl.xls") || name.endsWith(".drl.xlsx"))) {
                err.println(table + ": not a decision table (the name must end in .drl.csv, .drl.xls or .drl.xlsx"
                        + (name.endsWith(".drl") ? "; a .drl file is already DRL" : "") + ")");
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
            try {
                String drl = DecisionTables.dump(table);
                spec.commandLine().getOut().print(drl.endsWith("\n") ? drl : drl + "\n");
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            } catch (RuleSetException e) {
                e.problems().forEach(err::println);
                err.flush();
                return ExitCodes.RULES;
            }
        }
    }

    /** The hash a directory would get, for messages (no compile). */
    static String hashOf(Path dir) {
        return RuleFiles.scan(dir).hash();
    }
}
