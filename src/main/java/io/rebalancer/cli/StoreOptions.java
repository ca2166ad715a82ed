package io.rebalancer.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.rebalancer.store.StoreConfig;

import java.nio.file.Path;

/** Options shared by every command that opens the store or the rules. */
public class StoreOptions {
    /** The command these options belong to (null when built by hand), for notices on its stderr. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--mongo-uri", description = "MongoDB connection string (default: $MONGODB_URI, else the embedded store)")
    String mongoUri;

    @Option(names = "--data-dir", description = "Directory of the embedded store (default: $REBALANCER_HOME, else ~/.local/share/rebalancer)")
    Path dataDir;

    @Option(names = "--in-memory", description = "Use a throw-away in-memory embedded store (seeded from --backtest-data)")
    boolean inMemory;

    @Option(names = "--backtest-data", defaultValue = "backtest-data",
            description = "Market data and portfolios the store seeds itself from on first use (default: ${DEFAULT-VALUE})")
    Path backtestData;

    @Option(names = "--rules", defaultValue = "rules", description = "Rule directory (default: ${DEFAULT-VALUE})")
    Path rules;

    /** Where compiled rules are cached: see {@link RuleCacheLocation}. */
    io.rebalancer.rules.drools.CompiledRuleCache ruleCache() {
        return RuleCacheLocation.resolve(inMemory);
    }

    /** Where notices about the store go: the command's stderr. */
    java.io.PrintWriter notices() {
        return command != null ? command.commandLine().getErr() : new java.io.PrintWriter(System.err, true);
    }

    StoreConfig storeConfig() {
        if (inMemory && (mongoUri != null || dataDir != null)) {
            throw new IllegalArgumentException("--in-memory cannot be combined with --mongo-uri or --data-dir");
        }
        return inMemory ? StoreConfig.inMemory() : StoreConfig.fromEnvironment(mongoUri, dataDir);
    }
}
