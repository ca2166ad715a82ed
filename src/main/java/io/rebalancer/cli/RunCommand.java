package io.rebalancer.cli;

import io.rebalancer.agents.CycleRecord;
import io.rebalancer.market.DataAge;
import io.rebalancer.service.CycleOutcome;
import io.rebalancer.service.ExecutionOutcome;
import io.rebalancer.service.ExecutionService;
import io.rebalancer.service.LiveCycleService;
import io.rebalancer.service.RecordJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one Monitor -> Analyzer -> Decision cycle and record it.",
        footer = {"", "Examples:", "  rebalancer run", "  rebalancer run --as-of 2024-12-12 --export decision.json", "  rebalancer run --execute", "  rebalancer run --in-memory --json"})
public class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--portfolio", defaultValue = "PORT_A_TechGrowth", description = "Portfolio id (default: ${DEFAULT-VALUE})")
    String portfolio;

    @Option(names = "--as-of", description = "Trading day to run on, yyyy-MM-dd (default: the latest stored day)")
    LocalDate asOf;

    @Option(names = "--export", description = "Also write the whole decision record as JSON to this file")
    Path export;

    @Option(names = "--json", description = "Print the decision record as JSON instead of the console report")
    boolean json;

    @Option(names = "--execute", description = "When the decision rebalances, execute it on paper at the as-of close"
            + " (as the execute command does)")
    boolean execute;

    @Option(names = "--all", description = "The nightly batch: every active portfolio's cycle of the day in one process,"
            + " a worker per core; a summary, or with --json every outcome. Exit code 10 when some failed")
    boolean all;

    @Option(names = "--model", paramLabel = "M", description = "With --all: only the accounts on model M")
    String model;

    @Option(names = "--shard", paramLabel = "K/N", description = "With --all: only shard K of N (K in 0..N-1) of the"
            + " book, so that N processes over one MongoDB share the batch (an account's shard is CRC-32 of its id mod N)")
    String shard;

    @Override
    public Integer call() {
        if (shard != null && !all) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--shard needs --all");
        }
        if (all) {
            if (execute || export != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--all runs the batch only; 'execute --all' executes its rebalances");
            }
            io.rebalancer.batch.Shard part;
            try {
                part = shard == null ? io.rebalancer.batch.Shard.ALL : io.rebalancer.batch.Shard.parse(shard);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--shard: " + e.getMessage());
            }
            return BatchConsole.run(spec, store, model, asOf, part, json);
        }
        if (model != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--model needs --all");
        }
        if (export != null) {
            io.rebalancer.service.AtomicFiles.checkTarget(export);
        }
        try (AppContext app = new AppContext(store).preloadRules()) {
            app.storesFor(portfolio);
            LiveCycleService service = app.liveCycles();
            CycleOutcome outcome = service.run(portfolio, asOf);
            if (asOf == null) {
                staleNote(app.stores()).ifPresent(n -> spec.commandLine().getErr().println("note: " + n));
            }
            if (export != null) {
                io.rebalancer.service.AtomicFiles.write(export, RecordJson.writePretty(outcome.record()));
            }
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(RecordJson.writePretty(outcome.record()));
            } else {
                out.print(CycleConsoleReport.render(outcome, execute && outcome.record().rebalanced()));
                if (export != null) {
                    out.println("Decision record written to " + export);
                }
            }
            if (execute) {
                CycleRecord record = outcome.record();
                Optional<ExecutionOutcome> executed = new ExecutionService(app.stores()).executeDay(record);
                if (!json) {
                    out.println();
                    if (executed.isPresent() && !record.rebalanced()) {
                        out.println("Continuing the GRADUAL plan of decision " + executed.get().execution().cycleId() + ":");
                    }
                    if (executed.isPresent()) {
                        ExecuteCommand.print(out, executed.get(), false);
                    } else {
                        out.println("Nothing to execute: the decision is " + record.decision().action() + ".");
                    }
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** When the latest stored day lags the last closed New York session by more than a few business days. */
    static Optional<String> staleNote(io.rebalancer.store.Stores stores) {
        return stores.prices().latestDate().flatMap(latest -> DataAge.staleNote(latest,
                DataFetchCommand.lastClosedDay(java.time.ZonedDateTime.now(java.time.ZoneId.of("America/New_York")))));
    }
}
