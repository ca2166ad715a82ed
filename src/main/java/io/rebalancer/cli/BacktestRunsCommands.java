package io.rebalancer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.rebalancer.service.NotFoundException;
import io.rebalancer.service.RecordJson;
import io.rebalancer.store.RunStore;
import io.rebalancer.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static io.rebalancer.cli.CycleConsoleReport.f;

/** {@code backtest list | delete | prune}: the stored runs, and freeing the store of old ones. */
final class BacktestRunsCommands {
    private BacktestRunsCommands() {
    }

    private static JsonNode tree(String json) {
        try {
            return RecordJson.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored run is not JSON: " + e.getMessage(), e);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the stored backtest runs, newest first.")
    static class ListRuns implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Option(names = "--json", description = "Print the stored run documents as a JSON array")
        boolean json;

        @Override
        public Integer call() {
            try (AppContext app = new AppContext(store)) {
                List<String> runs = app.stores().runs().all();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println("[" + String.join(",\n", runs) + "]");
                } else if (runs.isEmpty()) {
                    out.println("No backtest runs stored; 'backtest' makes one.");
                } else {
                    out.println(f("%-26s %-9s %-18s %-23s %-12s %14s %8s", "Run", "Status", "Portfolio", "Period",
                            "Rules", "Agent NAV", "CAGR"));
                    boolean alone = storeHeldAlone(store);
                    for (String r : runs) {
                        JsonNode n = tree(r);
                        JsonNode agent = n.path("strategies").path("agent");
                        String status = n.path("status").asText();
                        out.println(f("%-26s %-9s %-18s %-23s %-12s %14s %8s", n.path("run_id").asText(),
                                alone && RunStore.RUNNING.equals(status) ? ABANDONED : status, n.path("portfolio_id").asText(),
                                n.path("from").asText() + " .. " + n.path("to").asText(), n.path("rules_hash").asText(),
                                agent.has("final_nav") ? f("%,.0f", agent.path("final_nav").asDouble()) : "-",
                                agent.has("cagr") ? f("%.2f %%", agent.path("cagr").asDouble() * 100) : "-"));
                    }
                }
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete stored backtest runs with their decisions and snapshots (exported files under"
                    + " reports/ stay).")
    static class Delete implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Parameters(arity = "1..*", paramLabel = "RUN-ID", description = "Run ids ('backtest list' shows them)")
        List<String> runIds;

        @Override
        public Integer call() {
            try (AppContext app = new AppContext(store)) {
                for (String id : runIds) {
                    if (app.stores().runs().find(id).isEmpty()) {
                        throw new NotFoundException("no backtest run " + id + "; 'backtest list' shows the stored ones");
                    }
                }
                PrintWriter out = spec.commandLine().getOut();
                for (String id : runIds) {
                    app.stores().runs().delete(id);
                    out.println("Deleted run " + id + " with its decisions and snapshots.");
                }
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = "Delete all but the newest finished runs, and every failed run, with their decisions and"
                    + " snapshots. Runs still marked running are left alone (another process may be writing them).")
    static class Prune implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Option(names = "--keep", defaultValue = "3", description = "Finished runs to keep (default: ${DEFAULT-VALUE})")
        int keep;

        @Override
        public Integer call() {
            if (keep < 0) {
                throw new IllegalArgumentException("--keep must not be negative, was " + keep);
            }
            try (AppContext app = new AppContext(store)) {
                Stores stores = app.stores();
                List<String> doomed = new ArrayList<>();
                int finished = 0;
                boolean alone = storeHeldAlone(store);
                for (String r : stores.runs().all()) {
                    JsonNode n = tree(r);
                    String status = n.path("status").asText();
                    if (RunStore.FAILED.equals(status) || RunStore.FINISHED.equals(status) && ++finished > keep
                            || alone && RunStore.RUNNING.equals(status)) {
                        doomed.add(n.path("run_id").asText());
                    }
                }
                doomed.forEach(stores.runs()::delete);
                PrintWriter out = spec.commandLine().getOut();
                out.println(doomed.isEmpty() ? "Nothing to prune: " + Math.min(finished, keep) + " finished run(s) kept."
                        : "Deleted " + doomed.size() + " run(s): " + String.join(", ", doomed) + "; kept the newest "
                        + Math.min(finished, keep) + " finished.");
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    /** How {@code backtest list} shows a run left {@code running} by a process that is gone. */
    static final String ABANDONED = "abandoned";

    /**
     * Whether this process holds the store alone (the embedded file is locked to one process, an in-memory store is
     * its own): a run still marked running then belongs to a process that was killed. On a MongoDB server another
     * process may be running it, so it is left as it is.
     */
    static boolean storeHeldAlone(StoreOptions store) {
        return store.storeConfig().kind() != io.rebalancer.store.StoreConfig.Kind.URI;
    }
}
