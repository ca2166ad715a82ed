package io.rebalancer.batch.spark;

import io.rebalancer.batch.BatchReport;
import io.rebalancer.batch.BatchSummary;
import io.rebalancer.cli.ExitCodes;
import io.rebalancer.query.QueryJson;
import io.rebalancer.rules.RuleSetException;
import io.rebalancer.service.NotFoundException;
import io.rebalancer.spark.SparkCommandLine;
import io.rebalancer.spark.SparkSessions;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.StoreException;
import org.apache.spark.sql.SparkSession;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * {@code rebalancer-sweep batch}: the nightly batch as Spark tasks (picocli parses the arguments). Exit codes as
 * the core's {@code run --all}: 0 all decided, 10 some portfolios failed, 2 usage, 4 not found (an unknown model,
 * no prices), 5 rules, 6 store, 1 anything else ({@link ExitCodes}). Usage errors are found before Spark starts.
 */
@picocli.CommandLine.Command(name = "rebalancer-sweep batch", mixinStandardHelpOptions = true,
        version = "rebalancer-sweep 0.1.0",
        description = "The nightly batch as Spark tasks: the book split into shards (CRC-32 of the account id mod N),"
                + " each shard the core's 'run --all' of its accounts against the shared store, the reports merged.",
        footer = {"", "Examples:", "  rebalancer-sweep batch --mongo-uri mongodb://host:27017/rebalancer --shards 8",
                "  rebalancer-sweep batch --data-dir ~/.rebalancer --as-of 2024-11-21 --master 'local[2]'"})
public final class SparkBatchMain implements java.util.concurrent.Callable<Integer> {
    @picocli.CommandLine.Option(names = "--mongo-uri", paramLabel = "URI",
            description = "The shared MongoDB (default: $MONGODB_URI)")
    String uri = System.getenv(StoreConfig.ENV_URI);

    @picocli.CommandLine.Option(names = "--data-dir", paramLabel = "DIR",
            description = "An embedded store instead (local[*] masters only)")
    Path dataDir;

    @picocli.CommandLine.Option(names = "--as-of", paramLabel = "yyyy-MM-dd",
            description = "The batch day (default: the latest stored day)")
    LocalDate asOf;

    @picocli.CommandLine.Option(names = "--model", paramLabel = "M", description = "Only the accounts on model M")
    String model;

    @picocli.CommandLine.Option(names = "--shards", paramLabel = "N", converter = SparkCommandLine.PositiveInt.class,
            description = "Number of shards, one Spark task each (default: Spark's default parallelism)")
    Integer shards;

    @picocli.CommandLine.Option(names = "--workers", paramLabel = "K", defaultValue = "1",
            converter = SparkCommandLine.PositiveInt.class,
            description = "Cycle workers per task (default: ${DEFAULT-VALUE})")
    int workers;

    @picocli.CommandLine.Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "Rule directory (default: ${DEFAULT-VALUE})")
    Path rules;

    @picocli.CommandLine.Option(names = "--backtest-data", paramLabel = "DIR", defaultValue = "backtest-data",
            description = "Seeds an empty store (default: ${DEFAULT-VALUE})")
    Path data;

    @picocli.CommandLine.Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: spark-submit's, else local[*])")
    String master;

    @picocli.CommandLine.Option(names = "--json", description = "Print every outcome as JSON")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Starts the Spark session on a master (null: spark-submit's or local[*]); tests pass one that must not run. */
    private final Function<String, SparkSession> sessions;

    public SparkBatchMain() {
        this(m -> SparkSessions.start("rebalancer-batch", m));
    }

    SparkBatchMain(Function<String, SparkSession> sessions) {
        this.sessions = sessions;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return commandLine(new SparkBatchMain()).execute(args);
    }

    static picocli.CommandLine commandLine(SparkBatchMain command) {
        return SparkCommandLine.of(command);
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try {
            return batch(stdout, stderr);
        } finally {
            stdout.flush();
            stderr.flush();
        }
    }

    private int batch(PrintWriter stdout, PrintWriter stderr) {
        String mongoUri = dataDir != null ? null : uri;
        if (mongoUri == null && dataDir == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give the store: --mongo-uri URI (or MONGODB_URI), or on local[*] --data-dir DIR");
        }
        // the master the session will run on, known before it starts: a usage error starts no Spark (the
        // parameter exception handler prints these as it prints picocli's own: one error line and a --help pointer)
        String sparkMaster = SparkSessions.master(master);
        if (dataDir != null && !sparkMaster.startsWith("local")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--data-dir (an embedded store)"
                    + " works on local[*] only; executors on " + sparkMaster
                    + " need a shared MongoDB: --mongo-uri URI");
        }
        SparkSession spark = sessions.apply(master);
        try {
            SparkBatchConfig cfg = new SparkBatchConfig(mongoUri, dataDir == null ? null
                    : dataDir.toAbsolutePath().normalize().toString(), rules.toAbsolutePath().normalize().toString(),
                    data.toAbsolutePath().normalize().toString(), asOf, model,
                    shards != null ? shards : spark.sparkContext().defaultParallelism(), workers);
            BatchReport r = SparkBatchJob.run(spark, cfg);
            stdout.print(json ? QueryJson.writePretty(r) + System.lineSeparator() : BatchSummary.text(r));
            stdout.printf(java.util.Locale.ROOT, "%d shards on %s, store %s%n", cfg.shards(),
                    spark.sparkContext().master(), cfg.storeName());
            if (!json) {
                r.outcomes().stream().filter(BatchReport.PortfolioOutcome::failed)
                        .forEach(o -> stderr.println("error: " + o.portfolioId() + ": " + o.error()));
            }
            return r.failed() > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            stderr.println("error: " + StoreConfig.maskUris(String.valueOf(e.getMessage())));
            return ExitCodes.USAGE;
        } catch (Exception e) {
            // Spark's own SparkException is a checked exception that Scala throws undeclared
            Throwable cause = root(e);
            stderr.println("error: " + StoreConfig.maskUris(String.valueOf(cause.getMessage())));
            if (cause instanceof NotFoundException) {
                return ExitCodes.NOT_FOUND;
            }
            if (cause instanceof RuleSetException) {
                return ExitCodes.RULES;
            }
            if (cause instanceof StoreException) {
                return ExitCodes.STORE;
            }
            return ExitCodes.INTERNAL;
        } finally {
            spark.stop();
            SparkBatchExecutor.closeAll();
        }
    }

    /** A task's exception reaches the driver wrapped by Spark; the first of the project's own is the reason. */
    private static Throwable root(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NotFoundException || t instanceof RuleSetException || t instanceof StoreException) {
                return t;
            }
        }
        return e;
    }

}
