package io.rebalancer.cli;

import io.rebalancer.rules.drools.RuleCacheLocation;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.rebalancer.store.StoreConfig;

import java.nio.file.Path;

/**
 * Options shared by every command that opens the store or the rules; the help lists them in their own section,
 * after the command's own options.
 */
public class StoreOptions {
    /** The command these options belong to (null when built by hand), for notices on its stderr. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @ArgGroup(validate = false, order = 1000, heading = "%nStore and rules (shared by the commands that open them):%n")
    Where where = new Where();

    /** The options themselves; initialised as their defaults, which picocli applies only to a group it matched. */
    static class Where {
        @Option(names = "--mongo-uri", order = 1001, paramLabel = "URI",
                description = "MongoDB connection string (default: $MONGODB_URI, else the embedded store)")
        String mongoUri;

        @Option(names = "--data-dir", order = 1002, paramLabel = "DIR",
                description = "Directory of the embedded store (default: $REBALANCER_HOME, else ~/.local/share/rebalancer)")
        Path dataDir;

        @Option(names = "--in-memory", order = 1003,
                description = "Use a throw-away in-process store, plain Java, nothing kept (seeded from --backtest-data)")
        boolean inMemory;

        @Option(names = "--backtest-data", order = 1004, paramLabel = "DIR", defaultValue = "backtest-data",
                description = "Market data and portfolios the store seeds itself from on first use (default: ${DEFAULT-VALUE})")
        Path backtestData = Path.of("backtest-data");

        @Option(names = "--rules", order = 1005, paramLabel = "DIR", defaultValue = "rules",
                description = "Rule directory (default: ${DEFAULT-VALUE})")
        Path rules = Path.of("rules");
    }

    private Where where() {
        if (where == null) {
            where = new Where();
        }
        return where;
    }

    Path rules() {
        return where().rules;
    }

    Path backtestData() {
        return where().backtestData;
    }

    boolean inMemory() {
        return where().inMemory;
    }

    /** Where compiled rules are cached: see {@link RuleCacheLocation}. */
    io.rebalancer.rules.drools.CompiledRuleCache ruleCache() {
        return RuleCacheLocation.resolve(inMemory());
    }

    /** Where notices about the store go: the command's stderr. */
    java.io.PrintWriter notices() {
        return command != null ? command.commandLine().getErr() : new java.io.PrintWriter(System.err, true);
    }

    StoreConfig storeConfig() {
        Where w = where();
        if (w.inMemory && (w.mongoUri != null || w.dataDir != null)) {
            throw new IllegalArgumentException("--in-memory cannot be combined with --mongo-uri or --data-dir");
        }
        return w.inMemory ? StoreConfig.inMemory() : StoreConfig.fromEnvironment(w.mongoUri, w.dataDir);
    }
}
