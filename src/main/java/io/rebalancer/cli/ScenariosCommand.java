package io.rebalancer.cli;

import io.rebalancer.rules.drools.RuleCacheLocation;
import io.rebalancer.rules.RuleEngine;
import io.rebalancer.rules.RuleLimits;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.scenarios.ScenarioOutcome;
import io.rebalancer.scenarios.ScenarioResult;
import io.rebalancer.scenarios.ScenariosRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code scenarios test}: run the golden rule scenarios against a rule directory. */
@Command(name = "scenarios", mixinStandardHelpOptions = true, description = "Golden rule scenarios.",
        subcommands = ScenariosCommand.Test.class)
public class ScenariosCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run every scenarios/*.json against the rules; one PASS/FAIL line each, exit 7 on any failure.",
        footer = {"", "Examples:", "  rebalancer scenarios test", "  rebalancer scenarios test --rules my-rules"})
    static class Test implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--rules", defaultValue = "rules", description = "Rule directory (default: ${DEFAULT-VALUE})")
        Path rules;

        @Option(names = "--dir", defaultValue = "scenarios", description = "Scenario directory (default: ${DEFAULT-VALUE})")
        Path dir;

        @Option(names = "--backtest-data", defaultValue = "backtest-data",
                description = "Market data for market-day scenarios (default: ${DEFAULT-VALUE})")
        Path backtestData;

        @Option(names = {"-v", "--verbose"}, description = "Also print what each scenario concluded")
        boolean verbose;

        @Override
        public Integer call() {
            List<Path> files = ScenariosRunner.files(dir);
            RuleEngine engine = DroolsRuleEngine.load(rules, RuleCacheLocation.resolve(false)).withLimits(RuleLimits.from(System::getenv));
            ScenariosRunner runner = new ScenariosRunner(engine, backtestData);
            PrintWriter out = spec.commandLine().getOut();
            int passed = 0;
            int failed = 0;
            for (Path f : files) {
                ScenarioResult r = runner.run(f);
                out.println(r.line());
                if (verbose && r.outcome() != null) {
                    ScenarioOutcome o = r.outcome();
                    out.println("     regime " + o.regime() + ", verdict " + o.verdict() + ", recommended " + o.recommended()
                            + ", chosen " + o.chosen() + ", timing " + o.timing() + ", vetoed " + o.vetoed()
                            + ", threshold changes " + o.thresholdChanges());
                    out.println("     priorities " + o.priorities());
                    out.println("     fired " + o.fired());
                }
                out.flush();
                if (r.passed()) {
                    passed++;
                } else {
                    failed++;
                }
            }
            out.println(passed + " passed, " + failed + " failed");
            out.flush();
            return failed == 0 && passed > 0 ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }
}
