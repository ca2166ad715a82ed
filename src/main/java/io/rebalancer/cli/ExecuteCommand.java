package io.rebalancer.cli;

import io.rebalancer.service.ExecutionOutcome;
import io.rebalancer.service.ExecutionService;
import io.rebalancer.service.RecordJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "execute", mixinStandardHelpOptions = true,
        description = "Execute a stored live decision on paper at its as-of close and record the fills; later cycles"
                + " start from the new holdings. A GRADUAL decision fills one tranche a trading day: run it again on"
                + " a later day (or --on DATE) for the next. Executing what is done does nothing.",
        footer = {"", "Examples:", "  rebalancer execute <cycle-id>    (from history; 6 or more of its first characters do)", "  rebalancer execute <cycle-id> --on 2025-04-04 --json"})
public class ExecuteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(paramLabel = "DECISION-ID", arity = "0..1",
            description = "The cycle id of the decision ('history' lists them)")
    String cycleId;

    @Option(names = "--all", description = "Execute every REBALANCE decision of a batch day (default: the latest day"
            + " with live decisions); do-not-trade accounts are skipped; exit code 10 when some failed")
    boolean all;

    @Option(names = "--as-of", description = "With --all: the batch day, yyyy-MM-dd")
    java.time.LocalDate asOf;

    @Option(names = "--json", description = "Print the execution as JSON")
    boolean json;

    @Option(names = "--on", description = "The close a GRADUAL decision's next tranche fills at, yyyy-MM-dd (default:"
            + " the latest stored day)")
    java.time.LocalDate on;

    @Override
    public Integer call() {
        if (all == (cycleId != null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give a DECISION-ID or --all");
        }
        if (all) {
            return BatchConsole.execute(spec, store, asOf, json);
        }
        try (AppContext app = new AppContext(store)) {
            ExecutionOutcome outcome = new ExecutionService(app.stores()).execute(cycleId, on);
            print(spec.commandLine().getOut(), outcome, json);
            return ExitCodes.OK;
        }
    }

    static void print(PrintWriter out, ExecutionOutcome outcome, boolean json) {
        out.print(json ? RecordJson.writePretty(ExecutionConsoleReport.json(outcome)) + System.lineSeparator()
                : ExecutionConsoleReport.render(outcome));
        out.flush();
    }
}
