package io.rebalancer.batch.spark;

import io.rebalancer.batch.BatchReport;
import io.rebalancer.batch.BatchSummary;
import io.rebalancer.query.QueryJson;
import io.rebalancer.rules.RuleSetException;
import io.rebalancer.service.NotFoundException;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.StoreException;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * {@code rebalancer-sweep batch}: the nightly batch as Spark tasks (picocli parses the arguments). Exit codes as
 * the core's {@code run --all}: 0 all decided, 10 some portfolios failed, 2 usage, 4 not found (an unknown model,
 * no prices), 5 rules, 6 store, 1 anything else.
 */
@picocli.CommandLine.Command(name = "rebalancer-sweep batch", mixinStandardHelpOptions = true,
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

    @picocli.CommandLine.Option(names = "--shards", paramLabel = "N",
            description = "Number of shards, one Spark task each (default: Spark's default parallelism)")
    Integer shards;

    @picocli.CommandLine.Option(names = "--workers", paramLabel = "K", defaultValue = "1",
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

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        picocli.CommandLine cl = new picocli.CommandLine(new SparkBatchMain());
        cl.setParameterExceptionHandler((e, a) -> {
            System.err.println("error: " + StoreConfig.maskUris(String.valueOf(e.getMessage())));
            System.err.println("Run 'rebalancer-sweep batch --help' for its usage.");
            return 2;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        String mongoUri = dataDir != null ? null : uri;
        if (mongoUri == null && dataDir == null) {
            System.err.println("error: give the store: --mongo-uri URI (or MONGODB_URI), or on local[*] --data-dir DIR");
            return 2;
        }
        SparkSession spark = io.rebalancer.spark.SparkSessions.start("rebalancer-batch", master);
        try {
            String sparkMaster = spark.sparkContext().master();
            if (dataDir != null && !sparkMaster.startsWith("local")) {
                System.err.println("error: --data-dir (an embedded store) works on local[*] only; executors on "
                        + sparkMaster + " need a shared MongoDB: --mongo-uri URI");
                return 2;
            }
            SparkBatchConfig cfg = new SparkBatchConfig(mongoUri, dataDir == null ? null
                    : dataDir.toAbsolutePath().normalize().toString(), rules.toAbsolutePath().normalize().toString(),
                    data.toAbsolutePath().normalize().toString(), asOf, model,
                    shards != null ? shards : spark.sparkContext().defaultParallelism(), workers);
            BatchReport r = SparkBatchJob.run(spark, cfg);
            System.out.print(json ? QueryJson.writePretty(r) + System.lineSeparator() : BatchSummary.text(r));
            System.out.printf(java.util.Locale.ROOT, "%d shards on %s, store %s%n", cfg.shards(), sparkMaster,
                    cfg.storeName());
            if (!json) {
                r.outcomes().stream().filter(BatchReport.PortfolioOutcome::failed)
                        .forEach(o -> System.err.println("error: " + o.portfolioId() + ": " + o.error()));
            }
            return r.failed() > 0 ? 10 : 0;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + StoreConfig.maskUris(String.valueOf(e.getMessage())));
            return 2;
        } catch (Exception e) {
            // Spark's own SparkException is a checked exception that Scala throws undeclared
            Throwable cause = root(e);
            System.err.println("error: " + StoreConfig.maskUris(String.valueOf(cause.getMessage())));
            if (cause instanceof NotFoundException) {
                return 4;
            }
            if (cause instanceof RuleSetException) {
                return 5;
            }
            if (cause instanceof StoreException) {
                return 6;
            }
            return 1;
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
